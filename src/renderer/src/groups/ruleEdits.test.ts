import { describe, expect, it } from 'vitest';
import type { GroupRule } from '../../../shared/channelGroups';
import {
  addCondition,
  addRule,
  editCondition,
  moveRule,
  NEW_CONDITION,
  removeCondition,
  removeRule,
  renameRule,
  sameRules,
} from './ruleEdits';

const rule = (group: string, value: string): GroupRule => ({
  group,
  conditions: [{ field: 'channel', operator: 'equals', value }],
});
const RULES = [rule('Events', 'webinar'), rule('Search', 'paid_search'), rule('Social', 'paid_social')];
const groups = (rules: GroupRule[]) => rules.map((each) => each.group);

describe('moving rules', () => {
  it('swaps a rule with its neighbour', () => {
    expect(groups(moveRule(RULES, 1, -1))).toEqual(['Search', 'Events', 'Social']);
    expect(groups(moveRule(RULES, 1, 1))).toEqual(['Events', 'Social', 'Search']);
  });

  it('leaves the first rule first and the last one last', () => {
    expect(moveRule(RULES, 0, -1)).toEqual(RULES);
    expect(moveRule(RULES, 2, 1)).toEqual(RULES);
  });

  it('does not change the list it was given', () => {
    moveRule(RULES, 0, 1);
    expect(groups(RULES)).toEqual(['Events', 'Search', 'Social']);
  });
});

describe('adding and removing', () => {
  it('adds a rule at the end with one condition to fill in', () => {
    const added = addRule(RULES);
    expect(added).toHaveLength(4);
    expect(added[3]).toEqual({ group: '', conditions: [NEW_CONDITION] });
  });

  it('removes the rule asked for', () => {
    expect(groups(removeRule(RULES, 1))).toEqual(['Events', 'Social']);
  });

  it('adds a condition to one rule only', () => {
    const added = addCondition(RULES, 2);
    expect(added[2]?.conditions).toHaveLength(2);
    expect(added[0]?.conditions).toHaveLength(1);
  });

  it('removes a condition but keeps a rule its last one', () => {
    const two = editCondition(addCondition(RULES, 0), 0, 1, { value: 'event' });
    expect(removeCondition(two, 0, 0)[0]?.conditions).toEqual([
      { field: 'channel', operator: 'equals', value: 'event' },
    ]);
    expect(removeCondition(RULES, 0, 0)).toEqual(RULES);
  });
});

describe('editing', () => {
  it('renames a rule and edits one condition', () => {
    const edited = editCondition(renameRule(RULES, 0, 'Live'), 0, 0, { field: 'medium', operator: 'contains' });
    expect(edited[0]).toEqual({
      group: 'Live',
      conditions: [{ field: 'medium', operator: 'contains', value: 'webinar' }],
    });
    expect(edited[1]).toBe(RULES[1]);
  });

  it('tells an edited list from the saved one', () => {
    expect(sameRules(RULES, [...RULES])).toBe(true);
    expect(sameRules(RULES, renameRule(RULES, 1, 'Paid'))).toBe(false);
  });
});
