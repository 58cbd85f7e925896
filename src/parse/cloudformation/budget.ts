/**
 * Work and time bounds for one template. Exceeding them aborts that template only: the caller
 * catches `BudgetExceeded` at the template boundary and turns it into a KMS000 problem.
 */
export class BudgetExceeded extends Error {}

/** How often the clock is read: `Date.now()` on every step would dominate the cost of a step. */
const CLOCK_EVERY = 1024;

export class Budget {
  private steps = 0;
  private readonly deadline: number;

  constructor(
    private readonly maxSteps: number,
    maxMillis: number,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + maxMillis;
  }

  /** Counts one unit of work; throws `BudgetExceeded` past the step or time limit. */
  tick(): void {
    this.steps += 1;
    if (this.steps > this.maxSteps) throw new BudgetExceeded(`more than ${this.maxSteps} evaluation steps`);
    if (this.steps % CLOCK_EVERY === 0 && this.now() > this.deadline) throw new BudgetExceeded('time limit per file exceeded');
  }
}
