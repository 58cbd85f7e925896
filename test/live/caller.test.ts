/**
 * The CLI's `--live` with no `live.accounts`: the caller's own account (STS GetCallerIdentity).
 * Which keys are looked up where (pure: `callerAccounts` + `liveTargets`), and the hook that asks
 * STS once and only when there is something to read — never when accounts are configured or a
 * recording replays, and never for the App and the Action (they pass no `caller`).
 */
import { describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { Inventory } from '../../src/inventory/types.js';
import { createLiveHook, type KmsApi, type KmsApiFactory } from '../../src/live/index.js';
import { callerAccounts, liveTargets } from '../../src/live/targets.js';
import { liveLine } from '../../src/report/text.js';
import { analyseFiles } from '../harness.js';

const OWN = '111122223333';
const OTHER = '222233334444';
const OWN_KEY = `arn:aws:kms:eu-west-1:${OWN}:key/11111111-1111-1111-1111-111111111111`;
const OWN_ALIAS = `arn:aws:kms:us-east-1:${OWN}:alias/events`;
const OTHER_KEY = `arn:aws:kms:ap-southeast-2:${OTHER}:key/22222222-2222-2222-2222-222222222222`;
const OTHER_KEY_2 = `arn:aws:kms:eu-west-1:${OTHER}:key/33333333-3333-3333-3333-333333333333`;

function queues(keys: Record<string, string>): string {
  return Object.entries(keys)
    .map(
      ([name, key]) =>
        `resource "aws_sqs_queue" "${name}" {\n  name              = "${name}"\n  kms_master_key_id = ${/^(aws_|var\.)/.test(key) ? key : `"${key}"`}\n}\n`,
    )
    .join('');
}

async function inventoryOf(keys: Record<string, string>, extra = ''): Promise<Inventory> {
  return (await analyseFiles({ 'main.tf': queues(keys) + extra })).inventory;
}

const DECLARED = `resource "aws_kms_key" "app" {\n  description = "app"\n}\nresource "aws_kms_alias" "app" {\n  name          = "alias/app"\n  target_key_id = aws_kms_key.app.key_id\n}\n`;

describe('callerAccounts + liveTargets: the caller own account', () => {
  it('reads own-account ARNs in the region each names; the environment region places keys without an ARN', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, alias: OWN_ALIAS, other: OTHER_KEY, bare: 'alias/bare', managed: 'alias/aws/sqs' });
    const settings = callerAccounts(inventory, false, OWN, 'eu-west-1');
    expect(settings).toEqual({
      declared: false,
      accounts: { [OWN]: { regions: ['eu-west-1', 'us-east-1'] } },
      caller: OWN,
      fallback: { account: OWN, region: 'eu-west-1' },
    });
    const { targets, notes } = liveTargets(inventory, settings);
    expect(targets).toEqual([
      { key: 'alias/bare', account: OWN, region: 'eu-west-1', keyId: `arn:aws:kms:eu-west-1:${OWN}:alias/bare` },
      { key: OWN_KEY, account: OWN, region: 'eu-west-1', keyId: OWN_KEY },
      { key: OWN_ALIAS, account: OWN, region: 'us-east-1', keyId: OWN_ALIAS },
    ]);
    // The AWS managed key is never looked up; the other account's key is, by name, not.
    expect(notes).toEqual([
      {
        kind: 'not-configured',
        key: OTHER_KEY,
        message: `1 key(s) not looked up: account ${OTHER} is not the caller's account ${OWN} and no live.accounts are configured (${OTHER_KEY})`,
      },
    ]);
  });

  it('several keys of another account: one note for that account, at no single key', async () => {
    const inventory = await inventoryOf({ a: OTHER_KEY, b: OTHER_KEY_2 });
    const { targets, notes } = liveTargets(inventory, callerAccounts(inventory, false, OWN, undefined));
    expect(targets).toEqual([]);
    expect(notes).toEqual([
      {
        kind: 'not-configured',
        message: `2 key(s) not looked up: account ${OTHER} is not the caller's account ${OWN} and no live.accounts are configured (${OTHER_KEY}, ${OTHER_KEY_2})`,
      },
    ]);
  });

  it('no environment region: keys without an ARN go to the one region the own ARNs name', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, bare: 'alias/bare' });
    const { targets, notes } = liveTargets(inventory, callerAccounts(inventory, false, OWN, undefined));
    expect(targets.map((t) => [t.key, t.keyId])).toEqual([
      ['alias/bare', `arn:aws:kms:eu-west-1:${OWN}:alias/bare`],
      [OWN_KEY, OWN_KEY],
    ]);
    expect(notes).toEqual([]);
  });

  it('near miss: no environment region and own ARNs in two regions — the bare alias is noted, not guessed', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, alias: OWN_ALIAS, bare: 'alias/bare' });
    const { targets, notes } = liveTargets(inventory, callerAccounts(inventory, false, OWN, undefined));
    expect(targets.map((t) => t.key)).toEqual([OWN_KEY, OWN_ALIAS]);
    expect(notes).toEqual([
      {
        kind: 'not-configured',
        message: `1 key(s) could not be placed in one region of the caller's account ${OWN} (set AWS_REGION) (no ARN, no static alias): alias/bare`,
      },
    ]);
  });

  it('near miss: only keys without an ARN and no region anywhere — noted with the caller, not "lists no account"', async () => {
    const inventory = await inventoryOf({ bare: 'alias/bare' });
    const settings = callerAccounts(inventory, false, OWN, undefined);
    expect(settings.accounts).toEqual({});
    const { targets, notes } = liveTargets(inventory, settings);
    expect(targets).toEqual([]);
    expect(notes.map((n) => n.message)).toEqual([
      `1 key(s) could not be placed in one region of the caller's account ${OWN} (set AWS_REGION) (no ARN, no static alias): alias/bare`,
    ]);
  });

  it('declared keys: only with live.declared, by their static alias, in the environment region', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, app: 'aws_kms_key.app.arn' }, DECLARED);
    const declaredId = inventory.keys.find((k) => k.declared)?.id as string;
    expect(liveTargets(inventory, callerAccounts(inventory, false, OWN, 'us-west-2')).targets.map((t) => t.key)).toEqual([OWN_KEY]);
    const { targets } = liveTargets(inventory, callerAccounts(inventory, true, OWN, 'us-west-2'));
    expect(targets).toEqual([
      { key: declaredId, account: OWN, region: 'us-west-2', keyId: `arn:aws:kms:us-west-2:${OWN}:alias/app` },
      { key: OWN_KEY, account: OWN, region: 'eu-west-1', keyId: OWN_KEY },
    ]);
  });

  it('unknown values never become targets: an unresolved key expression stays unresolved', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, unknown: 'var.key_arn' }, 'variable "key_arn" {}\n');
    expect(inventory.unresolved.map((u) => u.expr)).toEqual(['var.key_arn']);
    const { targets, notes } = liveTargets(inventory, callerAccounts(inventory, false, OWN, undefined));
    expect(targets.map((t) => t.key)).toEqual([OWN_KEY]);
    expect(notes).toEqual([]);
  });
});

/** KMS that knows no key: every DescribeKey is NotFound (the tests here count calls, not facts). */
function emptyKms(): { apis: KmsApiFactory; described: string[] } {
  const described: string[] = [];
  const notFound = async (keyId: string) => {
    described.push(keyId);
    throw Object.assign(new Error(`Key '${keyId}' does not exist`), { name: 'NotFoundException' });
  };
  const api = { describeKey: notFound } as unknown as KmsApi;
  return { apis: () => api, described };
}

const live = (yaml: Record<string, unknown> = {}) => configSchema.parse({ live: yaml }).live;

describe('createLiveHook with caller', () => {
  it('asks STS once, in the environment region, however often the hook runs (base and head of a diff)', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY, other: OTHER_KEY });
    const identity = vi.fn(async () => ({ account: OWN, arn: `arn:aws:iam::${OWN}:user/alice` }));
    const kms = emptyKms();
    const hook = createLiveHook(live(), { apis: kms.apis, caller: { region: 'eu-central-1', identity } });
    const [first, second] = await Promise.all([hook(inventory), hook(inventory)]);
    expect(identity.mock.calls).toEqual([['eu-central-1']]);
    expect(kms.described).toEqual([OWN_KEY, OWN_KEY]);
    // `accounts` is where keys were looked up: the environment region had none to read.
    expect(first).toMatchObject({ calls: 2, accounts: [{ account: OWN, regions: ['eu-west-1'] }], caller: { account: OWN } });
    // The second run's STS answer is the first's: it costs no call.
    expect(second.calls).toBe(1);
  });

  it('without an environment region, STS is asked in the region of the first key ARN', async () => {
    const inventory = await inventoryOf({ bare: 'alias/bare', alias: OWN_ALIAS });
    const identity = vi.fn(async () => ({ account: OWN, arn: `arn:aws:iam::${OWN}:user/alice` }));
    await createLiveHook(live(), { apis: emptyKms().apis, caller: { identity } })(inventory);
    expect(identity.mock.calls).toEqual([['us-east-1']]);
  });

  it('near misses: no STS call with live.accounts configured, with a recording, or with nothing to look up', async () => {
    const identity = vi.fn(async () => ({ account: OWN, arn: `arn:aws:iam::${OWN}:user/alice` }));
    const inventory = await inventoryOf({ own: OWN_KEY });
    const kms = emptyKms();
    const configured = await createLiveHook(live({ accounts: { [OWN]: { regions: ['eu-west-1'] } } }), { apis: kms.apis, caller: { identity } })(inventory);
    expect(configured).toMatchObject({ calls: 1, accounts: [{ account: OWN, regions: ['eu-west-1'] }] });
    expect(configured.caller).toBeUndefined();
    const replayed = await createLiveHook(live(), { recording: { keys: [] }, caller: { identity } })(inventory);
    expect(replayed.caller).toBeUndefined();
    // Only an AWS managed key and a declared key (live.declared off): nothing the live view would read.
    const nothing = await createLiveHook(live(), { apis: kms.apis, caller: { identity } })(await inventoryOf({ managed: 'alias/aws/sqs' }, DECLARED));
    expect(nothing).toEqual({ keys: {}, notes: [], calls: 0, accounts: [] });
    expect(identity).not.toHaveBeenCalled();
  });

  it('no caller option (the App, the Action): no STS call, and the allow-list note as before', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY });
    const facts = await createLiveHook(live(), { apis: emptyKms().apis })(inventory);
    expect(facts.notes.map((n) => n.message)).toEqual(['live.accounts lists no account: no key was looked up (see docs/live.md)']);
    expect(facts).toMatchObject({ calls: 0, accounts: [] });
  });

  it('GetCallerIdentity fails: one note naming the call, its region and the error; no KMS call', async () => {
    const inventory = await inventoryOf({ own: OWN_KEY });
    const kms = emptyKms();
    const identity = async () => {
      throw Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' });
    };
    const facts = await createLiveHook(live(), { apis: kms.apis, caller: { identity } })(inventory);
    expect(kms.described).toEqual([]);
    expect(facts).toEqual({
      keys: {},
      calls: 1,
      accounts: [],
      notes: [
        {
          kind: 'access-denied',
          message:
            "GetCallerIdentity (STS eu-west-1): ExpiredTokenException: The security token included in the request is expired: no key was looked up (with no live.accounts, --live reads the caller's account)",
        },
      ],
    });
  });
});

describe('liveLine: the text line of what the live view looked up', () => {
  const run = { keys: 0, calls: 1, notes: 1, accounts: [] };
  it('names the caller even when none of its keys were there to read', () => {
    expect(liveLine({ ...run, caller: { account: OWN, arn: `arn:aws:iam::${OWN}:user/alice` } })).toBe(
      `live view: no account looked up (caller ${OWN}) · 0 keys read · 1 AWS call · 1 note`,
    );
  });
  it('configured accounts: each with its regions, no caller mark', () => {
    const accounts = [
      { account: OWN, regions: ['eu-west-1'] },
      { account: OTHER, regions: ['eu-west-1', 'us-east-1'] },
    ];
    expect(liveLine({ keys: 3, calls: 18, notes: 0, accounts })).toBe(
      `live view: accounts ${OWN} in eu-west-1; ${OTHER} in eu-west-1, us-east-1 · 3 keys read · 18 AWS calls · 0 notes`,
    );
  });
});
