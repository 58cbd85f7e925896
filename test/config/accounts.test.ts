import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';

describe('accounts: the organisation’s own accounts', () => {
  it('reads ids, quoted or not, and ids with a name', () => {
    const { config, errors } = parseConfig('accounts:\n  - "011122223333"\n  - 111122223333\n  - id: "222233334444"\n    name: payments-prod\n');
    expect(errors).toEqual([]);
    expect(config.accounts).toEqual([{ id: '011122223333' }, { id: '111122223333' }, { id: '222233334444', name: 'payments-prod' }]);
  });

  it('is empty by default', () => {
    expect(parseConfig('').config.accounts).toEqual([]);
  });

  it.each([
    ['accounts:\n  - "1234"\n', 'accounts.0', '"1234" is not a 12-digit account id', 2],
    // YAML reads 011122223333 unquoted as the number 11122223333: the leading zero is lost.
    ['accounts:\n  - 011122223333\n', 'accounts.0', '11122223333 is not 12 digits: quote account ids ("012345678901") so YAML keeps leading zeros', 2],
    ['accounts:\n  - id: "12"\n', 'accounts.0.id', '"12" is not a 12-digit account id', 2],
    ['accounts:\n  - true\n', 'accounts.0', 'an account id ("111122223333") or {id, name}', 2],
  ])('rejects %j at its line', (text, path, message, line) => {
    const { errors } = parseConfig(text);
    expect(errors).toEqual([{ path, message, line }]);
  });

  it('rejects unknown keys of an account', () => {
    expect(parseConfig('accounts:\n  - id: "222233334444"\n    nam: x\n').errors).toContainEqual({ path: 'accounts.0', message: 'unknown key "nam"', line: 2 });
  });
});
