/** The terminal rendering of an inventory: one block per key, consumers grouped, then what could not be resolved. */
import type { Inventory } from '../inventory/types.js';
import { plural } from '../rules/support/change.js';
import { at, blastPhrase, classified, groupConsumers, keyFacts, keyTitle } from './describe.js';
import type { Style } from './style.js';

export function inventoryText(inventory: Inventory, style: Style, label: string): string {
  const consumers = inventory.keys.reduce((n, k) => n + k.consumers.length, 0);
  const out: string[] = [
    style.bold(`kms-review · ${label}`),
    `${inventory.keys.length} keys · ${consumers} consumers · ${inventory.unresolved.length} unresolved references · ${inventory.problems.length} parse problems`,
    ...(inventory.live ? [liveLine(inventory.live)] : []),
    '',
  ];
  for (const key of inventory.keys) {
    out.push(`${style.cyan('●')} ${style.bold(keyTitle(key))}`);
    out.push(`  ${keyFacts(key).join(' · ')}`);
    out.push(
      `  ${style.dim('env')} ${classified(key.environment)} · ${style.dim('workload')} ${classified(key.workload)} · ${style.dim('data class')} ${classified(key.dataClass)} · ${style.dim('owner')} ${classified(key.owner)}`,
    );
    if (key.consumers.length === 0) {
      out.push(`  ${style.dim('no consumers in this repository')}`, '');
      continue;
    }
    out.push(`  ${style.yellow('blast radius')} ${blastPhrase(key)}`);
    for (const [group, members] of groupConsumers(key.consumers)) {
      out.push(`  ${style.dim(group)}`);
      for (const c of members) {
        const flags = [c.replacementOnKeyChange ? 'replaced if key changes' : '', c.conditional ? `if ${c.conditional}` : ''].filter(Boolean);
        const purpose = c.purpose === 'storage' ? '' : ` ${style.dim(`[${c.purpose}]`)}`;
        out.push(`    ${c.service.padEnd(14)} ${c.resource}${purpose}  ${style.dim(at(c.location))}${flags.length ? style.dim(` (${flags.join('; ')})`) : ''}`);
      }
    }
    out.push('');
  }
  if (inventory.withoutCmk.length > 0) {
    out.push(style.bold('Without a customer managed key'));
    for (const w of inventory.withoutCmk) out.push(`  ${w.service.padEnd(14)} ${w.resource}  ${w.protection}  ${style.dim(at(w.location))}`);
    out.push('');
  }
  if (inventory.unresolved.length > 0) {
    out.push(style.bold('Unresolved key references'));
    for (const u of inventory.unresolved) out.push(`  ${at(u.location)}  ${u.resource}.${u.attribute} = ${u.expr}: ${u.reason}`);
    out.push('');
  }
  if (inventory.problems.length > 0) {
    out.push(style.bold('Parse problems (KMS000)'));
    for (const p of inventory.problems) out.push(`  ${at(p.location)}  ${p.message}`);
    out.push('');
  }
  return out.join('\n');
}

/** Which accounts and regions the live view looked keys up in, in one line: `live view: account 111122223333 (caller) in eu-west-1 · 2 keys read · 13 AWS calls · 0 notes`. */
export function liveLine(live: NonNullable<Inventory['live']>): string {
  const caller = live.caller?.account;
  const accounts = live.accounts.map((a) => `${a.account}${a.account === caller ? ' (caller)' : ''} in ${a.regions.join(', ')}`);
  // In caller mode every account read is the caller's; none read still names whose account it was.
  const where =
    accounts.length === 0
      ? `no account looked up${caller ? ` (caller ${caller})` : ''}`
      : `${accounts.length === 1 ? 'account' : 'accounts'} ${accounts.join('; ')}`;
  return `live view: ${where} · ${plural(live.keys, 'key')} read · ${plural(live.calls, 'AWS call')} · ${plural(live.notes, 'note')}`;
}
