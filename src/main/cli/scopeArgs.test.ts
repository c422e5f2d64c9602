import { describe, expect, it } from 'vitest';
import { usageMessage } from '../../../test/helpers/usageError';
import { parseScopeOptions } from './scopeArgs';

describe('scope options (cli.md: --from, --to, --segment, --type, --where)', () => {
  it('ORs the values of one filter and ANDs the filters', () => {
    expect(
      parseScopeOptions({
        from: '2024-07-01',
        to: '2024-09-30',
        segment: ['Enterprise', ''],
        type: ['new_business', 'upgrade'],
        where: ['Region=EMEA', 'Sales Agent=Ann', 'Region=APAC', 'Formula=a=b', 'Tier='],
      }),
    ).toEqual({
      from: '2024-07-01',
      to: '2024-09-30',
      segments: ['Enterprise', ''],
      types: ['new_business', 'upgrade'],
      fields: [
        { field: 'Region', values: ['EMEA', 'APAC'] },
        { field: 'Sales Agent', values: ['Ann'] },
        { field: 'Formula', values: ['a=b'] },
        { field: 'Tier', values: [''] },
      ],
    });
    expect(parseScopeOptions({})).toEqual({});
  });

  it('says what is wrong with a bad date, a reversed period, a type or a --where', () => {
    expect(usageMessage(() => parseScopeOptions({ from: '07/01/2024' }))).toBe(
      '--from: a date is written YYYY-MM-DD, e.g. 2024-07-01 (got "07/01/2024")',
    );
    expect(usageMessage(() => parseScopeOptions({ from: '2024-10-01', to: '2024-09-30' }))).toBe(
      '--from: the period starts after it ends',
    );
    expect(usageMessage(() => parseScopeOptions({ type: ['upgrades'] }))).toMatch(
      /^--type: unknown opportunity type "upgrades" \(did you mean upgrade\?\); choose one of new_business, upgrade, renewal$/,
    );
    expect(usageMessage(() => parseScopeOptions({ where: ['Region'] }))).toMatch(/--where takes FIELD=VALUE/);
    expect(usageMessage(() => parseScopeOptions({ where: ['=EMEA'] }))).toMatch(/--where takes FIELD=VALUE/);
  });
});
