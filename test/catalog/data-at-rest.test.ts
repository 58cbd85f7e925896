/**
 * The data-at-rest table of KMS501 (src/catalog/data-at-rest.ts) keeps up with the catalogue: every
 * service of services.ts has a row, every purpose row names a purpose the consumer catalogue gives
 * that service, and every row that leaves data says what to do (the message quotes it).
 */
import { describe, expect, it } from 'vitest';
import { CONSUMERS } from '../../src/catalog/consumers.js';
import { DATA_AT_REST, DATA_AT_REST_BY_PURPOSE, dataAtRestFor, leavesDataBehind } from '../../src/catalog/data-at-rest.js';
import { isServiceId, SERVICE_IDS } from '../../src/catalog/services.js';

describe('data at rest after a key change: coverage', () => {
  it('has a row for every service id of services.ts, and none for anything else', () => {
    expect(SERVICE_IDS.filter((id) => !Object.hasOwn(DATA_AT_REST, id))).toEqual([]);
    expect(Object.keys(DATA_AT_REST).filter((id) => !isServiceId(id))).toEqual([]);
    expect(Object.keys(DATA_AT_REST_BY_PURPOSE).filter((id) => !isServiceId(id))).toEqual([]);
  });

  it('knows every (service, purpose) the consumer catalogue can produce', () => {
    const unknown = CONSUMERS.flatMap((spec) =>
      spec.keyPaths.filter((keyPath) => !dataAtRestFor(spec.service, keyPath.purpose)).map((keyPath) => `${spec.type} ${keyPath.purpose}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has purpose rows only for purposes the consumer catalogue gives the service', () => {
    const used = new Set(CONSUMERS.flatMap((spec) => spec.keyPaths.map((keyPath) => `${spec.service}: ${keyPath.purpose}`)));
    const rows = Object.entries(DATA_AT_REST_BY_PURPOSE).flatMap(([service, purposes]) => Object.keys(purposes ?? {}).map((p) => `${service}: ${p}`));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !used.has(row))).toEqual([]);
  });

  it('every row says what stays in a sentence the message can quote, and rows that leave data say what to do', () => {
    const rows = [...Object.values(DATA_AT_REST), ...Object.values(DATA_AT_REST_BY_PURPOSE).flatMap((purposes) => Object.values(purposes ?? {}))];
    for (const row of rows) {
      expect(row.stays).toMatch(/^\S.*[^.]$/);
      if (leavesDataBehind(row)) expect(row.migrate, row.stays).toMatch(/^\S.*[^.]$/);
    }
  });
});

describe('data at rest after a key change: the services added with the catalogue', () => {
  it.each([
    // Definitions stored again under the new key on update; nothing else kept.
    ['scheduler', 'schedule target input', 're-encrypted'],
    ['pipes', 'pipe data', 're-encrypted'],
    ['network-firewall', 'firewall configuration', 're-encrypted'],
    // Data written before keeps the key it was written with.
    ['ssm-incidents', 'incident data', 'left'],
    ['appconfig', 'hosted configuration', 'left'],
    ['synthetics', 'canary artifacts', 'left'],
    ['storagegateway', 'file share objects', 'left'],
    ['appflow', 'flow data', 'left'],
    ['macie', 'exported findings', 'left'],
    ['comprehend', 'training output', 'left'],
    // The key cannot change: a new resource (or model version), the old data stays under the old key.
    ['kendra', 'index', 'replaced'],
    ['appconfig', 'deployed configuration', 'replaced'],
    ['storagegateway', 'volume', 'replaced'],
    ['geo', 'geofences', 'replaced'],
    ['geo', 'device positions', 'replaced'],
    ['comprehend', 'model', 'replaced'],
    // Exist only while a model trains.
    ['comprehend', 'training volumes', 'none'],
  ])('%s (%s): %s', (service, purpose, after) => {
    expect(dataAtRestFor(service, purpose)?.after).toBe(after);
  });

  it('names the step that keeps a rollback or the old snapshots readable', () => {
    expect(dataAtRestFor('appconfig', 'deployed configuration')?.stays).toContain('a rollback goes back to it');
    expect(dataAtRestFor('storagegateway', 'volume')?.migrate).toContain('snapshot_id');
    expect(dataAtRestFor('geo', 'geofences')?.migrate).toContain('BatchPutGeofence');
  });
});
