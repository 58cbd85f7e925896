/** Every rule, in one list. A test checks that each `src/rules/kmsNNN-*.ts` file is registered and documented. */
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [];
