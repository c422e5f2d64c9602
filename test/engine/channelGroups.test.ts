import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMUNITY } from '../../src/main/engine/arrays/dataset';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { groupedDataset, NO_TOUCH_FIELDS, readGrouping } from '../../src/main/engine/groups/channelGroups';
import { runModel, type ModelRunResult } from '../../src/main/engine/run';
import { writeGroupRules } from '../../src/main/store/channelGroups';
import { registerCustomFields } from '../../src/main/store/customFields';
import { conditionMatches, type GroupRule } from '../../src/shared/channelGroups';
import { ACTION_TYPES } from '../../src/shared/importSpec';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { rowsArbitrary } from './arbitraries';
import { datasetOf, readRows, type Rows } from './build';
import { action, lostDeal, touchpoint, wonDeal } from './rows';

/** The model over `rows` with `rules` saved in the project, as the CLI runs it. */
function runGrouped(rows: Rows, rules: GroupRule[], options: ModelOptionsInput = {}): ModelRunResult {
  return readRows(rows, (db) => {
    registerCustomFields(db, 'touchpoints', ['utm_content']);
    writeGroupRules(db, rules);
    const arrays = loadEngineData(db);
    return runModel({ ...arrays, grouping: readGrouping(db, arrays.data) }, modelOptionsSchema.parse(options));
  });
}

/** Three accounts' journeys over ads, email and events, some won, some lost. */
function journeys(channelOf: (channel: string) => string): Rows {
  const touch = (id: string, account: string, when: string, channel: string) =>
    touchpoint({ id, account, when, channel: channelOf(channel) });
  return {
    accounts: [{ account_id: 'A1' }, { account_id: 'A2' }, { account_id: 'A3' }],
    opportunities: [
      wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
      lostDeal({ id: 'O2', account: 'A2', amount: 500, created: '2024-03-01', closed: '2024-03-31' }),
      wonDeal({ id: 'O3', account: 'A3', amount: 800, created: '2024-03-01', closed: '2024-03-31' }),
    ],
    touchpoints: [
      touch('T1', 'A1', '2024-01-10', 'ads'),
      touch('T2', 'A1', '2024-02-10', 'email'),
      touch('T3', 'A1', '2024-03-10', 'event'),
      touch('T4', 'A2', '2024-01-10', 'email'),
      touch('T5', 'A2', '2024-02-10', 'ads'),
      touch('T6', 'A3', '2024-01-10', 'event'),
      touch('T7', 'A3', '2024-02-10', 'ads'),
      touch('T8', 'A3', '2024-03-10', 'ads'),
    ],
  };
}

const rule = (group: string, field: string, operator: GroupRule['conditions'][number]['operator'], value: string) => ({
  group,
  conditions: [{ field, operator, value }],
});

describe('channel groups (spec 10)', () => {
  it('changes the Markov removal effects exactly as merging the channels in the data would', () => {
    const merged = (channel: string) => (channel === 'ads' || channel === 'email' ? 'Paid' : channel);
    const grouped = runGrouped(
      journeys((c) => c),
      [rule('Paid', 'channel', 'equals', 'ADS'), rule('Paid', 'channel', 'equals', 'email')],
      {
        model: 'markov',
      },
    );
    const inData = runGrouped(journeys(merged), [], { model: 'markov' });
    expect(grouped.attribution.removalEffects).toEqual(inData.attribution.removalEffects);
    expect(Object.keys(grouped.attribution.removalEffects ?? {})).toEqual(['Paid', 'event']);
    expect(grouped.attribution.byChannel).toEqual(inData.attribution.byChannel);
    expect(grouped.car()).toEqual(inData.car());
  });

  it('reports the group of the first rule a touch matches, on any field, case-insensitively, else its channel', () => {
    const rows: Rows = {
      accounts: [{ account_id: 'A1' }],
      contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm@a1.com' }],
      community_members: [{ member_id: 'M1', email: 'm@a1.com' }],
      opportunities: [wonDeal({ id: 'O1', account: 'A1', amount: 600, created: '2024-03-01', closed: '2024-03-31' })],
      touchpoints: [
        {
          ...touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'google' }),
          medium: 'CPC',
          source: 'google',
        },
        { ...touchpoint({ id: 'T2', account: 'A1', when: '2024-01-02', channel: 'google' }), medium: 'organic' },
        { ...touchpoint({ id: 'T3', account: 'A1', when: '2024-01-03', channel: 'web', campaign: 'Spring Promo' }) },
        {
          ...touchpoint({ id: 'T4', account: 'A1', when: '2024-01-04', channel: 'web' }),
          custom: '{"utm_content":"banner-7"}',
        },
        touchpoint({ id: 'T5', account: 'A1', when: '2024-01-05', channel: 'partner' }),
      ],
      community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-06', type: 'post' })],
    };
    const run = runGrouped(
      rows,
      [
        rule('Paid search', 'medium', 'equals', 'cpc'),
        rule('Search', 'source', 'starts_with', 'goo'),
        rule('Organic', 'medium', 'contains', 'ORGAN'),
        rule('Promo', 'campaign', 'ends_with', 'promo'),
        rule('Display', 'utm_content', 'starts_with', 'banner'),
        rule('Forum', 'action_type', 'equals', 'post'),
        rule('Never', 'touch_kind', 'equals', 'community'),
      ],
      { model: 'linear' },
    );
    expect(Object.fromEntries(run.attribution.byChannel.map((row) => [row.channel, row.credit]))).toEqual({
      'Paid search': 100,
      Organic: 100,
      Promo: 100,
      Display: 100,
      partner: 100,
      Forum: 100,
    });
    // The channels as imported stay beside the groups, for the credits CSV.
    const raw = run.data.rawChannels;
    expect(raw?.channels.values).toContain('google');
  });
});

describe('channel groups over any data', () => {
  const condition = fc.record({
    field: fc.constantFrom('channel', 'campaign', 'touch_kind', 'action_type'),
    operator: fc.constantFrom('equals', 'contains', 'starts_with', 'ends_with'),
    value: fc.constantFrom('email', 'ADS', 'e', 'Spring', 'community', 'post', 'reply', 's'),
  });
  const rules = fc.array(
    fc.record({
      group: fc.constantFrom('G1', 'G2', 'G3'),
      conditions: fc.array(condition, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  );

  it('gives every touch the group of the first rule whose conditions all hold, as a touch-by-touch reading does', () => {
    fc.assert(
      fc.property(rowsArbitrary, rules, (rows, groupRules) => {
        const data = datasetOf(rows);
        const grouped = groupedDataset(data, { rules: groupRules as GroupRule[], fields: NO_TOUCH_FIELDS });
        const { touches } = data;
        for (let t = 0; t < touches.count; t++) {
          const community = touches.kind[t] === COMMUNITY;
          const campaign = touches.campaign[t] as number;
          const value = (field: string): string | null => {
            if (field === 'channel') return data.channels.values[touches.channel[t] as number] as string;
            if (field === 'campaign') return campaign < 0 ? null : (data.campaigns.values[campaign] as string);
            if (field === 'touch_kind') return community ? 'community' : 'marketing';
            return community ? (ACTION_TYPES[touches.actionType[t] as number] as string) : null;
          };
          const rule = groupRules.find((candidate) =>
            candidate.conditions.every((c) => {
              const text = value(c.field);
              return text !== null && conditionMatches(c.operator, text, c.value);
            }),
          );
          const expected = rule?.group ?? value('channel');
          expect(grouped.channels.values[grouped.touches.channel[t] as number]).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });
});
