import { describe, expect, it } from 'vitest';
import { HEADER_ALIASES } from './importAliases';
import { KIND_SPECS } from './importSpec';
import { autoMap, headerSignature, normalizeHeader, suggestKinds, unmappedHeaderHints } from './importSuggest';
import { DATA_KINDS } from './kinds';
import type { DataKind } from './kinds';

/** A seeded Fisher–Yates shuffle, so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

const titleCase = (name: string): string =>
  name
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
const camelCase = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const SPELLINGS: [string, (name: string) => string][] = [
  ['UPPER_CASE', (name) => name.toUpperCase()],
  ['Title Case', titleCase],
  ['camelCase', camelCase],
];

function topKind(headers: string[]): DataKind | undefined {
  return suggestKinds(headers)[0]?.kind;
}

describe('normalizeHeader', () => {
  it('ignores case, spaces, underscores, hyphens, dots, a BOM and surrounding quotes', () => {
    for (const header of [
      'Account ID',
      'account_id',
      'ACCOUNT-ID',
      'Account.Id',
      '\uFEFF"Account ID"',
      " 'AccountId' ",
    ]) {
      expect(normalizeHeader(header)).toBe('accountid');
    }
  });

  it('keeps what does tell headers apart', () => {
    expect(normalizeHeader('Amount (converted)')).toBe('amount(converted)');
    expect(normalizeHeader('Employés')).toBe('employés');
    expect(normalizeHeader('Created Date')).not.toBe(normalizeHeader('Create Date'));
  });
});

describe('HEADER_ALIASES', () => {
  it('names only canonical columns, for every kind', () => {
    expect(Object.keys(HEADER_ALIASES).sort()).toEqual([...DATA_KINDS].sort());
    for (const kind of DATA_KINDS) {
      const canonical = KIND_SPECS[kind].columns.map((column) => column.name);
      for (const column of Object.keys(HEADER_ALIASES[kind])) expect(canonical).toContain(column);
    }
  });

  it('stores each header once per kind, never repeating a canonical name', () => {
    for (const kind of DATA_KINDS) {
      const seen = new Map<string, string>();
      for (const { name } of KIND_SPECS[kind].columns) {
        for (const header of [name, ...(HEADER_ALIASES[kind][name] ?? [])]) {
          const key = normalizeHeader(header);
          expect(seen.get(key), `${kind}: "${header}" already names ${seen.get(key) ?? ''}`).toBeUndefined();
          seen.set(key, name);
        }
      }
    }
  });
});

describe('canonical files', () => {
  for (const kind of DATA_KINDS) {
    const names = KIND_SPECS[kind].columns.map((column) => column.name);
    SPELLINGS.forEach(([label, spell], seed) => {
      it(`${kind} (${label}, shuffled) is suggested first and maps every column`, () => {
        const headers = shuffled(names, seed + 7).map(spell);
        const [best, runnerUp] = suggestKinds(headers);
        expect(best).toMatchObject({ kind, score: 1, matched: names.length, missingRequired: [] });
        expect(runnerUp?.score ?? 0).toBeLessThan(1);

        const mapping = autoMap(kind, headers);
        expect(mapping.columns).toEqual(Object.fromEntries(names.map((name) => [name, spell(name)])));
        expect(mapping).toMatchObject({ unmappedHeaders: [], missingRequired: [], ambiguous: [] });
      });
    });
  }

  it('ranks every kind and keeps scores within 0..1', () => {
    const suggestions = suggestKinds(['opportunity_id', 'feature_id']);
    expect(suggestions.map((suggestion) => suggestion.kind).sort()).toEqual([...DATA_KINDS].sort());
    for (const { score } of suggestions) expect(score).toBeGreaterThanOrEqual(0);
    for (const { score } of suggestions) expect(score).toBeLessThanOrEqual(1);
    expect(suggestions.map((suggestion) => suggestion.score)).toEqual(
      [...suggestions.map((suggestion) => suggestion.score)].sort((a, b) => b - a),
    );
  });

  it('tells a link table from the kinds that share its columns', () => {
    expect(topKind(['opportunity_id', 'feature_id'])).toBe('opportunity_features');
    const opportunities = suggestKinds(['opportunity_id', 'feature_id']).find((s) => s.kind === 'opportunities');
    expect(opportunities?.missingRequired).toEqual(['account_id', 'stage', 'amount', 'created_at']);
    expect(topKind(['feature_id', 'name'])).toBe('features');
    expect(topKind(['member_id', 'email', 'name'])).toBe('community_members');
    expect(topKind(['contact_id', 'email', 'first_name'])).toBe('contacts');
  });
});

describe('CRM exports', () => {
  it('maps a Salesforce opportunity report', () => {
    const headers = [
      'Opportunity Owner',
      'Account Name',
      'Account ID',
      'Opportunity Name',
      'Opportunity ID',
      'Type',
      'Stage',
      'Amount',
      'Probability (%)',
      'Created Date',
      'Close Date',
      'Lead Source',
    ];
    expect(topKind(headers)).toBe('opportunities');
    expect(autoMap('opportunities', headers)).toEqual({
      columns: {
        opportunity_id: 'Opportunity ID',
        account_id: 'Account ID',
        name: 'Opportunity Name',
        type: 'Type',
        stage: 'Stage',
        amount: 'Amount',
        created_at: 'Created Date',
        closed_at: 'Close Date',
      },
      unmappedHeaders: ['Opportunity Owner', 'Account Name', 'Probability (%)', 'Lead Source'],
      missingRequired: [],
      ambiguous: [],
    });
  });

  it('maps a Salesforce Data Loader opportunity export by API names, the bare Id included', () => {
    const headers = ['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'CreatedDate', 'Type', 'IsWon'];
    expect(topKind(headers)).toBe('opportunities');
    expect(autoMap('opportunities', headers).columns).toMatchObject({
      opportunity_id: 'Id',
      account_id: 'AccountId',
      stage: 'StageName',
      created_at: 'CreatedDate',
      closed_at: 'CloseDate',
    });
  });

  it('never takes a bare Id as a reference column', () => {
    expect(autoMap('opportunities', ['Id', 'Stage']).columns).toEqual({ opportunity_id: 'Id', stage: 'Stage' });
    expect(autoMap('opportunity_features', ['Id']).unmappedHeaders).toEqual(['Id']);
  });

  it('maps a HubSpot deals export', () => {
    const headers = [
      'Record ID',
      'Deal Name',
      'Deal Stage',
      'Amount',
      'Close Date',
      'Create Date',
      'Deal Type',
      'Pipeline',
      'Deal owner',
      'Associated Company IDs',
      'Associated Contact IDs',
    ];
    expect(topKind(headers)).toBe('opportunities');
    const mapping = autoMap('opportunities', headers);
    expect(mapping.columns).toEqual({
      opportunity_id: 'Record ID',
      account_id: 'Associated Company IDs',
      name: 'Deal Name',
      type: 'Deal Type',
      stage: 'Deal Stage',
      amount: 'Amount',
      created_at: 'Create Date',
      closed_at: 'Close Date',
    });
    expect(mapping.unmappedHeaders).toEqual(['Pipeline', 'Deal owner', 'Associated Contact IDs']);
  });

  it('maps a HubSpot contacts export, preferring the lead date to the record date', () => {
    const headers = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Job Title',
      'Phone Number',
      'Lifecycle Stage',
      'Create Date',
      'Became a Lead Date',
      'Associated Company IDs',
      'Contact owner',
      'Original Source',
      'Original Source Drill-Down 1',
    ];
    expect(topKind(headers)).toBe('contacts');
    const mapping = autoMap('contacts', headers);
    expect(mapping.columns).toEqual({
      contact_id: 'Record ID',
      account_id: 'Associated Company IDs',
      email: 'Email',
      first_name: 'First Name',
      last_name: 'Last Name',
      title: 'Job Title',
      lead_created_at: 'Became a Lead Date',
    });
    expect(mapping.ambiguous).toEqual([{ column: 'lead_created_at', headers: ['Became a Lead Date', 'Create Date'] }]);
    expect(mapping.unmappedHeaders).toEqual([
      'Phone Number',
      'Lifecycle Stage',
      'Create Date',
      'Contact owner',
      'Original Source',
      'Original Source Drill-Down 1',
    ]);
  });

  it('maps a Salesforce campaign member report to touchpoints', () => {
    const headers = [
      'Campaign Name',
      'Campaign Type',
      'Member Status',
      'Member First Responded Date',
      'Member First Associated Date',
      'Contact ID',
      'Lead ID',
      'Account ID',
      'Campaign Member ID',
      'Lead Source',
    ];
    expect(topKind(headers)).toBe('touchpoints');
    const mapping = autoMap('touchpoints', headers);
    expect(mapping.columns).toEqual({
      touchpoint_id: 'Campaign Member ID',
      contact_id: 'Contact ID',
      account_id: 'Account ID',
      occurred_at: 'Member First Responded Date',
      channel: 'Campaign Type',
      campaign: 'Campaign Name',
      source: 'Lead Source',
    });
    expect(mapping.ambiguous).toEqual([
      { column: 'contact_id', headers: ['Contact ID', 'Lead ID'] },
      { column: 'occurred_at', headers: ['Member First Responded Date', 'Member First Associated Date'] },
    ]);
    expect(mapping.missingRequired).toEqual([]);
  });

  it('maps HubSpot UTM touches', () => {
    const headers = [
      'Record ID',
      'Associated Contact IDs',
      'Timestamp',
      'Original Source',
      'UTM Campaign',
      'utm_source',
      'utm_medium',
    ];
    expect(topKind(headers)).toBe('touchpoints');
    expect(autoMap('touchpoints', headers).columns).toEqual({
      touchpoint_id: 'Record ID',
      contact_id: 'Associated Contact IDs',
      occurred_at: 'Timestamp',
      channel: 'Original Source',
      campaign: 'UTM Campaign',
      source: 'utm_source',
      medium: 'utm_medium',
    });
  });

  it('reads a semicolon export from a European Excel, BOM and quotes included', () => {
    const line = '\uFEFF"Account-ID";"Accountname";"Website";"Kundensegment";"Mitarbeiter";"Branche"';
    const headers = line.split(';');
    expect(topKind(headers)).toBe('accounts');
    expect(autoMap('accounts', headers)).toEqual({
      columns: {
        account_id: '\uFEFF"Account-ID"',
        name: '"Accountname"',
        domain: '"Website"',
        segment: '"Kundensegment"',
        employees: '"Mitarbeiter"',
      },
      unmappedHeaders: ['"Branche"'],
      missingRequired: [],
      ambiguous: [],
    });
  });

  it('maps a HubSpot companies export, leaving industry out of segment', () => {
    const headers = ['Record ID', 'Company name', 'Company Domain Name', 'Number of Employees', 'Industry'];
    expect(topKind(headers)).toBe('accounts');
    const mapping = autoMap('accounts', headers);
    expect(mapping.columns).toEqual({
      account_id: 'Record ID',
      name: 'Company name',
      domain: 'Company Domain Name',
      employees: 'Number of Employees',
    });
    expect(mapping.unmappedHeaders).toEqual(['Industry']);
  });
});

describe('community and roadmap exports', () => {
  it('maps a Discourse user export to community members', () => {
    const headers = 'id,username,name,email,created_at,last_seen_at,trust_level,admin,moderator,post_count'.split(',');
    expect(topKind(headers)).toBe('community_members');
    const mapping = autoMap('community_members', headers);
    expect(mapping.columns).toEqual({ member_id: 'id', email: 'email', name: 'name', joined_at: 'created_at' });
    expect(mapping.ambiguous).toEqual([{ column: 'name', headers: ['name', 'username'] }]);
    expect(mapping.unmappedHeaders).toEqual([
      'username',
      'last_seen_at',
      'trust_level',
      'admin',
      'moderator',
      'post_count',
    ]);
  });

  it('still tells members from accounts, contacts and features in the full thirty-column Discourse export', () => {
    const headers = [
      ...['id', 'name', 'username', 'email', 'title', 'created_at', 'last_seen_at', 'last_posted_at'],
      ...['last_emailed_at', 'trust_level', 'approved', 'suspended_at', 'suspended_till', 'silenced_till'],
      ...['active', 'admin', 'moderator', 'ip_address', 'staged', 'secondary_emails', 'topics_entered'],
      ...['posts_read_count', 'time_read', 'topic_count', 'post_count', 'likes_given', 'likes_received'],
      ...['location', 'website', 'views'],
    ];
    const [best, runnerUp] = suggestKinds(headers);
    expect(best?.kind).toBe('community_members');
    expect((best?.score ?? 0) - (runnerUp?.score ?? 0)).toBeGreaterThan(0.03);
    expect(autoMap('community_members', headers).columns).toEqual({
      member_id: 'id',
      email: 'email',
      name: 'name',
      joined_at: 'created_at',
    });
  });

  it('maps a Discourse activity export to community actions, leaving the topic unmapped', () => {
    const headers = ['post_id', 'user_id', 'topic_id', 'created_at', 'type', 'category', 'raw'];
    expect(topKind(headers)).toBe('community_actions');
    const mapping = autoMap('community_actions', headers);
    expect(mapping.columns).toEqual({
      action_id: 'post_id',
      member_id: 'user_id',
      occurred_at: 'created_at',
      action_type: 'type',
      channel: 'category',
    });
    expect(mapping.unmappedHeaders).toEqual(['topic_id', 'raw']);
  });

  it('maps a Circle activity export', () => {
    const headers = ['activity_id', 'member_id', 'activity_type', 'timestamp', 'space'];
    expect(topKind(headers)).toBe('community_actions');
    expect(autoMap('community_actions', headers).missingRequired).toEqual([]);
  });

  it('maps Productboard and Canny feature exports', () => {
    const productboard = ['Feature ID', 'Feature name', 'Status', 'Release date', 'Owner'];
    expect(topKind(productboard)).toBe('features');
    expect(autoMap('features', productboard).columns).toEqual({
      feature_id: 'Feature ID',
      name: 'Feature name',
      shipped_at: 'Release date',
    });
    const canny = ['ID', 'Title', 'Status', 'Board', 'Votes', 'Created At', 'Completed At'];
    expect(topKind(canny)).toBe('features');
    expect(autoMap('features', canny).columns).toEqual({ feature_id: 'ID', name: 'Title', shipped_at: 'Completed At' });
  });
});

describe('autoMap', () => {
  it('reports unknown columns as unmapped, in file order', () => {
    const mapping = autoMap('accounts', ['Notes', 'account_id', 'Favourite colour', 'name']);
    expect(mapping.columns).toEqual({ account_id: 'account_id', name: 'name' });
    expect(mapping.unmappedHeaders).toEqual(['Notes', 'Favourite colour']);
  });

  it('reports missing required columns', () => {
    expect(autoMap('opportunities', ['Opportunity ID', 'Stage', 'Close Date']).missingRequired).toEqual([
      'account_id',
      'amount',
      'created_at',
    ]);
    expect(autoMap('accounts', ['name', 'domain']).missingRequired).toEqual(['account_id']);
  });

  it("treats touchpoints' contact or account as one requirement", () => {
    const base = ['touchpoint_id', 'occurred_at', 'channel'];
    expect(autoMap('touchpoints', [...base, 'account_id']).missingRequired).toEqual([]);
    expect(autoMap('touchpoints', [...base, 'contact_id']).missingRequired).toEqual([]);
    expect(autoMap('touchpoints', base).missingRequired).toEqual(['contact_id or account_id']);
    // A canonical touchpoints file that credits accounts only is as complete as one that has both columns.
    const accountsOnly = KIND_SPECS.touchpoints.columns
      .map((column) => column.name)
      .filter((name) => name !== 'contact_id');
    expect(suggestKinds(accountsOnly)[0]).toMatchObject({ kind: 'touchpoints', score: 1, missingRequired: [] });
  });

  it('prefers the canonical name over an alias and lists the rival', () => {
    const mapping = autoMap('contacts', ['Created Date', 'lead_created_at', 'contact_id']);
    expect(mapping.columns.lead_created_at).toBe('lead_created_at');
    expect(mapping.ambiguous).toEqual([{ column: 'lead_created_at', headers: ['lead_created_at', 'Created Date'] }]);
    expect(mapping.unmappedHeaders).toEqual(['Created Date']);
  });

  it('takes the first of two headers that differ only in spelling', () => {
    const mapping = autoMap('contacts', ['contact_id', 'E-mail', 'Email']);
    expect(mapping.columns.email).toBe('E-mail');
    expect(mapping.ambiguous).toEqual([{ column: 'email', headers: ['E-mail', 'Email'] }]);
  });

  it('uses each header at most once', () => {
    const headers = ['Record ID', 'Associated Company IDs', 'Timestamp', 'Original Source'];
    for (const kind of DATA_KINDS) {
      const used = Object.values(autoMap(kind, headers).columns);
      expect(new Set(used).size).toBe(used.length);
    }
  });

  it('maps nothing from blank headers', () => {
    expect(autoMap('features', ['', '  ', 'feature_id'])).toMatchObject({
      columns: { feature_id: 'feature_id' },
      unmappedHeaders: ['', '  '],
    });
    expect(suggestKinds([]).every((suggestion) => suggestion.score === 0)).toBe(true);
  });

  it("keeps a mapping's own columns and fills only the rest, from the headers the mapping leaves free", () => {
    // `domain` is the key here, so the domain column takes the next header that fits it, not `domain` again.
    expect(autoMap('accounts', ['domain', 'Notes', 'Website', 'name'], { account_id: 'domain' })).toEqual({
      columns: { account_id: 'domain', name: 'name', domain: 'Website' },
      unmappedHeaders: ['Notes'],
      missingRequired: [],
      ambiguous: [],
    });
    expect(autoMap('accounts', ['Key', 'name'], { employees: 'Key' }).missingRequired).toEqual(['account_id']);
  });
});

describe('unmappedHeaderHints', () => {
  const hintsFor = (kind: DataKind, headers: string[]) =>
    unmappedHeaderHints(kind, headers, autoMap(kind, headers).columns);

  it('suggests the column a misspelt header was meant for, naming both', () => {
    expect(hintsFor('accounts', ['account_id', 'name', 'domian'])).toEqual([
      { header: 'domian', column: 'domain', reason: 'column `domian` is not mapped: did you mean `domain`?' },
    ]);
    expect(hintsFor('opportunities', ['opportunity_id', 'account_id', 'stage', 'ammount', 'created_at'])).toEqual([
      { header: 'ammount', column: 'amount', reason: 'column `ammount` is not mapped: did you mean `amount`?' },
    ]);
    expect(hintsFor('contacts', ['contact_id', 'Frist Name', 'last_name']).map((hint) => hint.column)).toEqual([
      'first_name',
    ]);
  });

  it('never flags a header a known export uses, even when its column is taken by another', () => {
    expect(hintsFor('accounts', ['account_id', 'domain', 'Website', 'Company Domain Name'])).toEqual([]);
    expect(hintsFor('contacts', ['contact_id', 'email', 'Work Email', 'Created Date', 'lead_created_at'])).toEqual([]);
  });

  it('never suggests a column another header already fills', () => {
    expect(hintsFor('accounts', ['account_id', 'domain', 'domian'])).toEqual([]);
    expect(
      unmappedHeaderHints('accounts', ['account_id', 'url_of_site', 'domian'], {
        account_id: 'account_id',
        domain: 'url_of_site',
      }),
    ).toEqual([]);
  });

  it('follows the mapping the user set: a header mapped by hand is no longer a hint', () => {
    expect(
      unmappedHeaderHints('accounts', ['account_id', 'domian'], { account_id: 'account_id', domain: 'domian' }),
    ).toEqual([]);
  });

  it('leaves alone columns that are merely extra', () => {
    const discourse = [
      ...['id', 'name', 'username', 'email', 'title', 'created_at', 'last_seen_at', 'last_posted_at'],
      ...['last_emailed_at', 'trust_level', 'approved', 'suspended_at', 'suspended_till', 'silenced_till'],
      ...['active', 'admin', 'moderator', 'ip_address', 'staged', 'secondary_emails', 'topics_entered'],
      ...['posts_read_count', 'time_read', 'topic_count', 'post_count', 'likes_given', 'likes_received'],
      ...['location', 'website', 'views'],
    ];
    expect(hintsFor('community_members', discourse)).toEqual([]);
    const salesforce =
      'Opportunity ID,Account ID,Opportunity Name,Type,Stage,Amount,Created Date,Close Date,Lead Source';
    expect(hintsFor('opportunities', salesforce.split(','))).toEqual([]);
    expect(hintsFor('accounts', ['account_id', 'industry', 'owner', 'country', ''])).toEqual([]);
  });
});

describe('headerSignature', () => {
  it('ignores column order and spelling', () => {
    const a = headerSignature(['Account ID', 'Name', 'Website']);
    expect(headerSignature(['website', 'ACCOUNT_ID', 'name'])).toBe(a);
    expect(headerSignature(['\uFEFF"Name"', 'account-id', 'Web Site'])).toBe(a);
    expect(a).toBe('accountid|name|website');
  });

  it('tells different header sets apart', () => {
    expect(headerSignature(['Account ID', 'Name'])).not.toBe(headerSignature(['Account ID', 'Name', 'Website']));
    expect(headerSignature(['Account ID', 'Name'])).not.toBe(headerSignature(['Contact ID', 'Name']));
  });
});
