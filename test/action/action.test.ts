/**
 * The bundled action (`dist/index.js`) end to end, as the runner starts it: a child process with a
 * simulated Actions environment, a real git repository with base and head commits, and a loopback
 * HTTP server as the GitHub API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_MARKER } from '../../src/report/pr-comment.js';
import { createJob, fakeApi, type Job, pullFiles, type RecordedRequest, runAction } from './support.js';

const Ajv = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;
const validateSarif = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(
  JSON.parse(readFileSync('test/schemas/sarif-2.1.0.json', 'utf8')),
);

const REPO = '/repos/acme/platform-infra';
/** The request bodies this test looks into. */
type Sent = { output: { annotations: { path: string; start_line: number }[] }; comments: unknown[]; body: string };
const jobs: Job[] = [];
const job = (options?: Parameters<typeof createJob>[0]) => {
  const j = createJob(options);
  jobs.push(j);
  return j;
};
afterEach(() => {
  for (const j of jobs.splice(0)) j.cleanup();
});

/** GitHub's answers for a pull request that has no comments yet. */
function github(j: Job, overrides: Partial<Record<string, { status: number; body: unknown }>> = {}) {
  return (req: RecordedRequest) => {
    const key = `${req.method} ${req.path.split('?')[0]}`;
    if (overrides[key]) return overrides[key];
    switch (key) {
      case `POST ${REPO}/check-runs`:
        return { status: 201, body: { id: 4242, html_url: 'https://github.com/acme/platform-infra/runs/4242' } };
      case `PATCH ${REPO}/check-runs/4242`:
        return { status: 200, body: { id: 4242 } };
      case `GET ${REPO}/pulls/42/files`:
        return { status: 200, body: pullFiles(j) };
      case `GET ${REPO}/pulls/42/comments`:
      case `GET ${REPO}/pulls/42/reviews`:
      case `GET ${REPO}/issues/42/comments`:
        return { status: 200, body: [] };
      case `POST ${REPO}/pulls/42/reviews`:
        return { status: 200, body: { id: 777 } };
      case `POST ${REPO}/issues/42/comments`:
        return { status: 201, body: { id: 888 } };
      default:
        return undefined;
    }
  };
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));

describe('the GitHub Action (dist/index.js)', () => {
  it('on a pull request of the repository: outputs, job summary, SARIF, and the check run, review and sticky comment through the API', async () => {
    const j = job();
    const api = await fakeApi(github(j));
    try {
      const run = await runAction(j, { 'fail-on': 'high', 'github-token': 'ghs_test_token' }, { GITHUB_API_URL: api.url });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.outputs).toEqual({ 'new-findings': '2', findings: '17', 'sarif-file': 'kms-review.sarif', conclusion: 'failure' });

      // Job summary: the check run's markdown.
      expect(run.summary).toMatch(/^## KMS key strategy: 2 new findings · alias\/platform-prod: 7 → 9 consumers, now dev \+ prod/);
      expect(run.summary).toContain('### Key inventory: before → after');
      expect(run.summary).toContain('```mermaid');
      expect(run.summary).toContain('### New findings (2)');
      expect(run.summary).toContain(`https://github.com/acme/platform-infra/blob/${j.headSha}/envs/prod/kms.tf#L5-L64`);

      const sarif = JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8'));
      expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
      expect(sarif.runs[0].results).toHaveLength(17);
      expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(expect.arrayContaining(['KMS103', 'KMS505']));

      // The check run carries the annotations: none in the workflow log.
      expect(annotations(run.stdout)).toEqual([]);
      expect(api.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
        `POST ${REPO}/check-runs`,
        `PATCH ${REPO}/check-runs/4242`,
        `GET ${REPO}/pulls/42/files`,
        `GET ${REPO}/pulls/42/comments`,
        `GET ${REPO}/pulls/42/reviews`, // a finding outside the diff's lines is listed in the body: listed before?
        `POST ${REPO}/pulls/42/reviews`,
        `GET ${REPO}/issues/42/comments`,
        `POST ${REPO}/issues/42/comments`,
      ]);
      expect(api.requests.every((r) => r.authorization === 'token ghs_test_token')).toBe(true);
      const [create, complete, , , , review, , sticky] = api.requests.map((r) => r.body as Sent);
      expect(create).toMatchObject({ name: 'KMS key strategy', head_sha: j.headSha, status: 'in_progress', external_id: 'pr-42' });
      expect(complete).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(complete.output.annotations.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual(['envs/dev/main.tf:61', 'envs/prod/kms.tf:5']);
      expect(review).toMatchObject({ commit_id: j.headSha, event: 'COMMENT' });
      const listed = /<!-- kms-review:listed ([^>]*) -->/.exec(review.body)?.[1].split(' ').filter(Boolean) ?? [];
      expect(review.comments.length + listed.length).toBe(2);
      expect(review.body).toContain(`2 new findings at ${j.headSha.slice(0, 7)}`);
      expect(sticky.body.startsWith(SUMMARY_MARKER)).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('on a fork pull request: no API call, says why, workflow annotations instead; exit code by fail-on', async () => {
    const j = job({ fork: true });
    const api = await fakeApi(github(j));
    try {
      const run = await runAction(j, { 'github-token': 'ghs_read_only' }, { GITHUB_API_URL: api.url });
      expect(api.requests).toEqual([]);
      expect(run.stdout).toContain(
        "kms-review: pull request #42 comes from the fork mallory/platform-infra: the workflow's token is read-only there, so no check run or comments are posted",
      );
      // fail-on unset: the configuration's failOn (default high) decides.
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).toBe('failure');
      const lines = annotations(run.stdout);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(
        '::error file=envs/prod/kms.tf,line=5,endLine=64,title=KMS103 (critical)::Prod key alias/platform-prod is used from dev by aws_sqs_queue.billing_replay (envs/dev/main.tf:61). Point it at alias/platform-dev.',
      );
      expect(lines[1]).toMatch(/^::warning file=envs\/dev\/main\.tf,line=61,endLine=61,title=KMS505 \(medium\)::Key aws_kms_key\.platform/);
      expect(run.summary).toContain('### New findings (2)');
      expect(validateSarif(JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8')))).toBe(true);

      const lenient = await runAction(j, { 'fail-on': 'never', 'sarif-file': 'out/kms.sarif', format: 'json' });
      expect(lenient.code).toBe(0);
      expect(lenient.outputs).toMatchObject({ 'new-findings': '2', conclusion: 'neutral', 'sarif-file': 'out/kms.sarif' });
      expect(validateSarif(JSON.parse(readFileSync(join(j.workspace, 'out/kms.sarif'), 'utf8')))).toBe(true);
      // The json report sits between stop-commands markers: its text cannot act as a workflow command.
      expect(lenient.stdout).toMatch(/::stop-commands::(kms-review-[\w-]+)\n\{[\s\S]*\n\}\n::\1::\n/);
    } finally {
      await api.close();
    }
  });

  it('comment: off posts the check run only; a token without checks: write falls back to annotations', async () => {
    const j = job();
    const api = await fakeApi(github(j, { [`POST ${REPO}/check-runs`]: { status: 403, body: { message: 'Resource not accessible by integration' } } }));
    try {
      const run = await runAction(j, { comment: 'off', 'github-token': 'ghs_no_checks', 'fail-on': 'critical' }, { GITHUB_API_URL: api.url });
      expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${REPO}/check-runs`]);
      expect(run.stdout).toMatch(/::warning::kms-review: could not create the check run \(HTTP 403: Resource not accessible by integration/);
      expect(annotations(run.stdout)).toHaveLength(2);
      expect(run.code).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('reads the configuration from the base commit: a pull request cannot switch its own rules off', async () => {
    const j = job({ fork: true, headExtra: { '.github/kms-review.yml': 'rules:\n  KMS103: "off"\n  KMS505: "off"\nfailOn: never\n' } });
    const run = await runAction(j, {});
    expect(run.stdout).not.toContain('configuration .github/kms-review.yml from the base commit');
    expect(run.outputs).toMatchObject({ 'new-findings': '2', conclusion: 'failure' });
    expect(run.code).toBe(1);
  });

  it('reviews a terraform show -json plan (before → after) instead of the code', async () => {
    const j = job({ fork: true });
    writeFileSync(join(j.workspace, 'prod.tfplan.json'), readFileSync('fixtures/scenarios/plan-json/after/plans/prod.tfplan.json'));
    const run = await runAction(j, { 'plan-json': 'prod.tfplan.json', 'fail-on': 'never' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('reviewing the plan prod.tfplan.json (before → after)');
    expect(run.summary).toContain('alias/reporting-prod');
    const sarif = JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8'));
    expect(validateSarif(sarif)).toBe(true);
    for (const r of sarif.runs[0].results) expect(r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? 'prod.tfplan.json').toBe('prod.tfplan.json');
  });

  it('rejects a bad input with an error annotation and exit code 2', async () => {
    const j = job({ fork: true });
    const run = await runAction(j, { 'fail-on': 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error::kms-review: fail-on must be one of critical, high, medium, low, info or never (got "sometimes")');
  });
});
