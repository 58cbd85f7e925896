/**
 * `.github/kms-review.yml`: one zod schema is the validator, the TypeScript type and (via
 * `npm run schema`) the JSON Schema that editors use.
 */
import { z } from 'zod';

const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);

const workload = z
  .object({
    name: z.string().min(1).describe('Workload / application name.'),
    paths: z.array(z.string().min(1)).min(1).describe('Globs of files that belong to this workload.'),
    dataClass: z.string().optional().describe('Data class of everything in these paths, unless tagged.'),
    owner: z.string().optional().describe('Owning team, unless tagged.'),
  })
  .strict();

const liveAccount = z
  .object({
    roleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'an IAM role ARN')
      .optional()
      .describe('Read-only role assumed with STS (session name kms-review); absent: the standard AWS credential chain.'),
    regions: z
      .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region like eu-west-1'))
      .min(1)
      .describe('Regions whose keys are looked up.'),
  })
  .strict();

const live = z
  .object({
    enabled: z.boolean().default(false).describe('Look referenced keys up in the account (read-only; the App and Action honour it, the CLI with --live).'),
    declared: z.boolean().default(false).describe('Look declared keys up too (by alias), for drift (KMS600) and real grants.'),
    accounts: z
      .record(z.string().regex(/^\d{12}$/, 'a 12-digit account id'), liveAccount)
      .default({})
      .describe('Account id → role and regions: only keys in these accounts and regions are looked up.'),
    budget: z.number().int().positive().default(200).describe('KMS API calls allowed per run (KMS quotas are shared with the workloads).'),
    concurrency: z.number().int().min(1).max(16).default(4).describe('Keys looked up at the same time.'),
    cacheTtlSeconds: z.number().int().nonnegative().default(300).describe('How long what was read about a key is reused (in memory, by key ARN).'),
    maxAttempts: z.number().int().min(1).max(10).default(3).describe('SDK attempts per call (adaptive retry mode).'),
  })
  .strict();

const ACCOUNT_ID = /^\d{12}$/;
/** Checked in `ownAccount` (one message per case); the JSON Schema tells editors the shape. */
const accountIdInput = z.union([z.string().meta({ pattern: '^[0-9]{12}$' }), z.number().int().meta({ minimum: 100_000_000_000, maximum: 999_999_999_999 })]);

/**
 * One of the organisation's accounts: `"111122223333"`, or `{id: "111122223333", name: security}`.
 * YAML reads an unquoted id as a number: one of 12 digits is taken as written; a shorter one has
 * lost its leading zeros, so it must be quoted.
 */
const ownAccount = z
  .union(
    [
      accountIdInput,
      z
        .object({
          id: accountIdInput.describe('The 12-digit account id.'),
          name: z.string().min(1).optional().describe('What the account is (security, workload-prod…), for people reading the file.'),
        })
        .strict(),
    ],
    { error: 'an account id ("111122223333") or {id, name}' },
  )
  .pipe(
    z.transform((account, ctx) => {
      const { id: raw, name } = typeof account === 'object' ? account : { id: account, name: undefined };
      const id = String(raw);
      if (ACCOUNT_ID.test(id)) return name === undefined ? { id } : { id, name };
      ctx.issues.push({
        code: 'custom',
        input: raw,
        path: typeof account === 'object' ? ['id'] : [],
        message:
          typeof raw === 'number'
            ? `${id} is not 12 digits: quote account ids ("012345678901") so YAML keeps leading zeros`
            : `"${id}" is not a 12-digit account id`,
      });
      return z.NEVER;
    }),
  );

export const configSchema = z
  .object({
    accounts: z
      .array(ownAccount)
      .default([])
      .describe(
        "The organisation's own accounts (ids, optionally with a name): a principal in one of them is never another account (KMS203), also when a key's own account is known only at deploy time.",
      ),
    tags: z
      .object({
        environment: z.array(z.string()).default(['Environment', 'Env', 'Stage']),
        workload: z.array(z.string()).default(['Workload', 'Application', 'App', 'Service']),
        dataClass: z.array(z.string()).default(['DataClass', 'DataClassification', 'Classification']),
        owner: z.array(z.string()).default(['Owner', 'Team']),
      })
      .strict()
      .default({
        environment: ['Environment', 'Env', 'Stage'],
        workload: ['Workload', 'Application', 'App', 'Service'],
        dataClass: ['DataClass', 'DataClassification', 'Classification'],
        owner: ['Owner', 'Team'],
      })
      .describe('Tag names read for each classification dimension, first match wins (case-insensitive).'),
    environments: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe('Environment name → globs of files deployed to it, e.g. {prod: ["live/prod/**"]}.'),
    workloads: z.array(workload).default([]).describe('Workloads by path glob, with optional data class and owner.'),
    limits: z
      .object({
        maxFileBytes: z.number().int().positive().optional(),
        maxDepth: z.number().int().positive().optional(),
        maxYamlAliases: z.number().int().nonnegative().optional(),
        maxParseMillisPerFile: z.number().int().positive().optional(),
        maxEvalSteps: z.number().int().positive().optional(),
      })
      .strict()
      .default({})
      .describe('Safety limits for untrusted input.'),
    policies: z
      .object({ scpPaths: z.array(z.string()).default(['**/scp/**', '**/scps/**', '**/organizations/**']) })
      .strict()
      .default({ scpPaths: ['**/scp/**', '**/scps/**', '**/organizations/**'] }),
    exclude: z.array(z.string()).default(['**/node_modules/**', '**/.terraform/**', '**/.git/**']).describe('Globs never read.'),
    thresholds: z
      .object({
        blastRadius: z
          .object({
            consumers: z.number().int().positive().default(10),
            services: z.number().int().positive().default(3),
            workloads: z.number().int().positive().default(2),
          })
          .strict()
          .default({ consumers: 10, services: 3, workloads: 2 }),
        grants: z.number().int().nonnegative().default(20),
        deletionWindowDays: z.number().int().min(7).max(30).default(30),
        aliasPattern: z.string().default('^alias/[a-z0-9-]+-(prod|production|staging|stage|dev|test|qa|sandbox)$'),
        requiredTags: z.array(z.string()).default(['Environment', 'DataClass', 'Owner']),
      })
      .strict()
      .default({
        blastRadius: { consumers: 10, services: 3, workloads: 2 },
        grants: 20,
        deletionWindowDays: 30,
        aliasPattern: '^alias/[a-z0-9-]+-(prod|production|staging|stage|dev|test|qa|sandbox)$',
        requiredTags: ['Environment', 'DataClass', 'Owner'],
      }),
    rules: z
      .record(z.string().regex(/^KMS\d{3}$/, 'a rule id like KMS101'), z.union([severity, z.literal('off')]))
      .default({})
      .describe('Per-rule severity override, or "off".'),
    ignores: z
      .array(
        z
          .object({
            rule: z.string().regex(/^KMS\d{3}$/, 'a rule id like KMS301'),
            key: z.string().optional().describe('Key id, alias or ARN the ignore is limited to.'),
            resource: z.string().optional().describe('Resource id or address the ignore is limited to.'),
            reason: z.string().trim().min(1, 'an ignore needs a reason'),
            expires: z.iso.date().optional().describe('YYYY-MM-DD; after this day the finding is reported again.'),
          })
          .strict(),
      )
      .default([])
      .describe('Findings to suppress, each with a reason; suppressed findings stay visible as suppressed.'),
    failOn: z.union([severity, z.literal('never')]).default('high'),
    pullRequests: z
      .object({ drafts: z.boolean().default(false).describe('Review draft pull requests too (the GitHub App skips them by default).') })
      .strict()
      .default({ drafts: false })
      .describe('How the GitHub App treats pull requests.'),
    comment: z
      .enum(['update', 'new', 'off'])
      .default('update')
      .describe(
        'The sticky summary comment: "update" edits one comment in place (posted only once there are findings; edited to a one-line ✅ when the PR becomes clean), "new" replaces it with a new comment, "off" posts none.',
      ),
    review: z
      .object({
        filter: z
          .enum(['added', 'diff_context', 'file', 'nofilter'])
          .default('added')
          .describe('Lines a review comment may sit on: lines the PR added, any diff line, any diff line of the file, or no filter.'),
        maxComments: z.number().int().min(0).max(100).default(30).describe('Inline review comments per review; the rest are listed in the review body.'),
      })
      .strict()
      .default({ filter: 'added', maxComments: 30 })
      .describe('Review comments on new findings.'),
    live: live
      .default({ enabled: false, declared: false, accounts: {}, budget: 200, concurrency: 4, cacheTtlSeconds: 300, maxAttempts: 3 })
      .describe('Live account view (opt-in, read-only): state, policy, tags and grants of keys from KMS. See docs/live.md.'),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type Severity = z.infer<typeof severity>;
export type LiveConfig = Config['live'];
export type OwnAccount = Config['accounts'][number];
