/**
 * The exact key inventory and findings of both sides of every scenario, as reviewed golden files
 * (`__golden__/<scenario>.<side>.txt` and `.findings.txt`): keys, aliases, consumers with
 * file:line, classification with provenance, blast radius, unresolved references, parse problems;
 * every finding with severity, key, line and message. A change to any of them shows up as a diff
 * to review, never silently.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/inventory/types.js';
import type { Classified } from '../../src/model/types.js';
import { isUnknown } from '../../src/model/value.js';
import type { Finding } from '../../src/rules/types.js';
import { analyseFolder } from '../harness.js';

const ROOT = 'fixtures/scenarios';
const scenarios = readdirSync(ROOT).filter((name) => existsSync(`${ROOT}/${name}/before`) && existsSync(`${ROOT}/${name}/after`));

const c = (x: Classified) => (x ? `${x.value} (${x.from}: ${x.detail})` : '-');
const loc = (l: { file: string; startLine: number; endLine: number } | undefined) =>
  l ? `${l.file}:${l.startLine}${l.endLine !== l.startLine ? `-${l.endLine}` : ''}` : '-';
const known = (v: unknown) => (isUnknown(v) ? `? (${v.reason})` : JSON.stringify(v));

function inventoryDigest(inventory: Inventory): string {
  const out: string[] = [];
  for (const k of inventory.keys) {
    out.push(`key ${k.id}${k.declared ? '' : ` (referenced only${k.manager === 'aws' ? ', AWS managed' : ''})`} @ ${loc(k.location)}`);
    out.push(`  aliases: ${k.aliases.join(', ') || '-'}`);
    if (k.declared) {
      out.push(
        `  spec ${known(k.spec)} · usage ${known(k.usage)} · origin ${known(k.origin)} · multiRegion ${known(k.multiRegion)} · rotation ${known(k.rotation.enabled)}/${known(k.rotation.periodDays ?? null)} · deletion window ${known(k.deletionWindowDays ?? null)} · enabled ${known(k.enabled)}`,
      );
      out.push(
        `  policy: ${k.policy ? `${k.policy.from} @ ${loc(k.policy.location)}, ${k.policy.document.statements.length} statements${k.policy.document.unknown ? ` (unknown: ${k.policy.document.unknown})` : ''}` : 'default'}`,
      );
    }
    out.push(`  environment ${c(k.environment)}`, `  workload ${c(k.workload)}`, `  dataClass ${c(k.dataClass)}`, `  owner ${c(k.owner)}`);
    for (const g of k.grants) out.push(`  grant ${g.id} @ ${loc(g.location)}`);
    for (const u of k.consumers) {
      out.push(
        `  consumer ${u.resource} ${u.attribute} @ ${loc(u.location)} [${u.service}, ${u.purpose}${u.replacementOnKeyChange ? ', replaced on key change' : ''}${u.conditional ? `, if ${u.conditional}` : ''}]`,
      );
      out.push(`    via ${u.via}`);
      out.push(`    env ${c(u.environment)} | workload ${c(u.workload)} | dataClass ${c(u.dataClass)} | owner ${c(u.owner)}`);
    }
    const b = k.blastRadius;
    out.push(
      `  blast radius: ${b.consumers} consumers, ${b.services} services, ${b.workloads} workloads, ${b.environments} environments, ${b.dataClasses} data classes`,
    );
  }
  for (const a of inventory.aliases) out.push(`alias ${a.name} -> ${a.key ?? '?'} @ ${loc(a.location)}`);
  for (const w of inventory.withoutCmk) out.push(`without CMK ${w.resource} [${w.service}] ${w.protection} @ ${loc(w.location)}`);
  for (const u of inventory.unresolved) out.push(`unresolved ${u.resource} ${u.attribute} @ ${loc(u.location)}: ${u.expr} — ${u.reason}`);
  for (const p of inventory.problems) out.push(`problem ${loc(p.location)}: ${p.message}`);
  for (const u of inventory.units) out.push(`unit ${u.id}${u.environment ? ` (environment ${u.environment.value}: ${u.environment.detail})` : ''}`);
  return `${out.join('\n')}\n`;
}

function findingsDigest(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.severity} ${f.rule} ${f.key ?? '(repository)'} @ ${loc(f.location)}${f.suppressed ? ` [suppressed ${f.suppressed.by}: ${f.suppressed.reason}]` : ''}\n  ${f.message}${f.fix ? `\n  fix: ${f.fix.description}` : ''}`,
    )
    .join('\n')
    .concat('\n');
}

describe.each(scenarios)('scenario %s', (name) => {
  it.each(['before', 'after'])('%s', async (side) => {
    const { inventory, findings } = await analyseFolder(`${ROOT}/${name}/${side}`);
    await expect(inventoryDigest(inventory)).toMatchFileSnapshot(`__golden__/${name}.${side}.txt`);
    await expect(findingsDigest(findings)).toMatchFileSnapshot(`__golden__/${name}.${side}.findings.txt`);
  });
});
