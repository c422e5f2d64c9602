import { describe, expect, it } from 'vitest';
import { mapActionType, mapOpportunityType, mapStage } from './categories';
import { reasonOf, valueOf } from './testing';

describe('mapStage', () => {
  it.each<[string, string]>([
    ['won', 'won'],
    ['Won', 'won'],
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['Closed/Won', 'won'],
    ['closed_won', 'won'],
    ['Closed - Won', 'won'],
    ['lost', 'lost'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['open', 'open'],
    ['Prospecting', 'open'],
    ['Negotiation/Review', 'open'],
    ['constructor', 'open'],
  ])('maps %s to %s', (raw, expected) => {
    expect(valueOf(mapStage(raw))).toBe(expected);
  });

  it('reads an unknown stage as open, warning only when it looks closed', () => {
    expect(mapStage('Qualification')).toEqual({ ok: true, value: 'open' });
    const closed = mapStage('Closed - Disqualified');
    expect(closed).toMatchObject({ ok: true, value: 'open' });
    expect(closed.ok && closed.warning).toContain('"Closed - Disqualified" was read as open; map it to won or lost');
  });

  it('applies overrides first, keys trimmed and case-insensitive', () => {
    const overrides = { ' Signed ': 'won', 'Closed Won': 'lost' } as const;
    expect(valueOf(mapStage('signed', overrides))).toBe('won');
    expect(valueOf(mapStage('CLOSED WON', overrides))).toBe('lost');
    expect(valueOf(mapStage('Closed Lost', overrides))).toBe('lost');
  });

  it('rejects a blank stage', () => {
    expect(reasonOf(mapStage(' '))).toBe('the stage is blank');
  });
});

describe('mapOpportunityType', () => {
  it.each<[string, string]>([
    ['', 'new_business'],
    ['  ', 'new_business'],
    ['New Business', 'new_business'],
    ['New Customer', 'new_business'],
    ['newbusiness', 'new_business'],
    ['new_business', 'new_business'],
    ['Upgrade', 'upgrade'],
    ['Existing Customer - Upgrade', 'upgrade'],
    ['existingbusiness', 'upgrade'],
    ['Expansion', 'upgrade'],
    ['Cross-sell', 'upgrade'],
    ['cross sell', 'upgrade'],
    ['Add-on', 'upgrade'],
    ['ADD_ON', 'upgrade'],
    ['Renewal', 'renewal'],
    ['Existing Customer - Renewal', 'renewal'],
    ['renewal', 'renewal'],
  ])('maps %s to %s', (raw, expected) => {
    expect(mapOpportunityType(raw)).toEqual({ ok: true, value: expected });
  });

  it('imports an unknown type as new_business with a warning naming it', () => {
    const result = mapOpportunityType('Existing Customer - Downgrade');
    expect(result).toMatchObject({ ok: true, value: 'new_business' });
    expect(result.ok && result.warning).toBe(
      'unknown opportunity type "Existing Customer - Downgrade" was imported as new_business; ' +
        'map it to new_business, upgrade or renewal',
    );
  });

  it('applies overrides first', () => {
    const overrides = { 'existing customer - downgrade': 'renewal', Renewal: 'upgrade' } as const;
    expect(mapOpportunityType('Existing Customer - Downgrade', overrides)).toEqual({ ok: true, value: 'renewal' });
    expect(mapOpportunityType(' RENEWAL ', overrides)).toEqual({ ok: true, value: 'upgrade' });
  });
});

describe('mapActionType', () => {
  it.each<[string, string]>([
    ['event_attended', 'event_attended'],
    ['Event Attended', 'event_attended'],
    ['event-attended', 'event_attended'],
    ['EVENTATTENDED', 'event_attended'],
    ['Internal Referral', 'internal_referral'],
    ['external_referral', 'external_referral'],
    ['Job Move', 'job_move'],
    ['feature-request', 'feature_request'],
    ['post', 'post'],
    ['Reply', 'reply'],
    ['reaction', 'reaction'],
    ['answer', 'answer'],
    ['other', 'other'],
  ])('maps %s to %s', (raw, expected) => {
    expect(mapActionType(raw)).toEqual({ ok: true, value: expected });
  });

  it('imports an unknown action type as other with a warning (data.md)', () => {
    expect(mapActionType('Webinar')).toEqual({
      ok: true,
      value: 'other',
      warning: 'unknown action type "Webinar" was imported as other',
    });
  });

  it('rejects a blank action type', () => {
    expect(reasonOf(mapActionType(''))).toBe('the action type is blank');
  });
});
