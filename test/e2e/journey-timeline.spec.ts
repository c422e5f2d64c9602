import { expect, importCsv, openTab, startEmptyProject, test } from './fixtures';

const HOUR = 3_600_000;
const START = Date.parse('2023-01-01T00:00:00Z');
const MARKETING = 4000;
const COMMUNITY = 1000;

const iso = (at: number): string => new Date(at).toISOString();

/**
 * One won deal whose journey holds 5,000 touches: Ada's 4,000 marketing touches every 4 hours from 2023-01-01 (the
 * last on 2024-10-28) and Grace's 1,000 community posts every 12 hours from 02:00 the same day (the last on
 * 2024-05-15). Lead created 2024-02-01, the deal created 2024-06-01 and closed 2024-12-31: every touch is in the
 * journey (spec 3, unlimited lookback), FT is the first marketing touch, CW the last.
 */
const ACCOUNTS = 'account_id,name,domain\nA1,Acme,acme.com\n';
const CONTACTS = `contact_id,account_id,email,first_name,last_name,lead_created_at
C1,A1,ada@acme.com,Ada,Lovelace,2024-02-01
C2,A1,grace@acme.com,Grace,Hopper,2024-03-01
`;
const OPPORTUNITIES =
  'opportunity_id,account_id,name,type,stage,amount,created_at,closed_at\n' +
  'O1,A1,Acme platform,new_business,won,100000,2024-06-01,2024-12-31\n';
const TOUCHPOINTS =
  'touchpoint_id,contact_id,occurred_at,channel\n' +
  Array.from(
    { length: MARKETING },
    (_, i) => `T${i},C1,${iso(START + i * 4 * HOUR)},${i % 2 ? 'Webinar' : 'Paid Search'}`,
  ).join('\n') +
  '\n';
/** Grace resolves to her contact; Alan (of no known company) and M3 (no name, no email) stay unresolved. */
const MEMBERS = 'member_id,email,name\nM1,grace@acme.com,Grace Hopper\nM2,alan@bletchley.org,Alan Turing\nM3,,\n';
const ACTIONS =
  'action_id,member_id,occurred_at,action_type\n' +
  Array.from({ length: COMMUNITY }, (_, i) => `X${i},M1,${iso(START + 2 * HOUR + i * 12 * HOUR)},post`).join('\n') +
  '\n';

test('a selected journey shows its touches on a time axis, 5,000 of them drawn as a few paths', async ({
  page,
  browserMode,
}, testInfo) => {
  await startEmptyProject(page, browserMode, 'Long journey');
  await importCsv(page, 'accounts.csv', ACCOUNTS, 1);
  await importCsv(page, 'contacts.csv', CONTACTS, 2);
  await importCsv(page, 'opportunities.csv', OPPORTUNITIES, 1);
  await importCsv(page, 'touchpoints.csv', TOUCHPOINTS, MARKETING);
  await importCsv(page, 'community_members.csv', MEMBERS, 3);
  await importCsv(page, 'community_actions.csv', ACTIONS, COMMUNITY);

  await openTab(page, 'Journeys');
  const list = page.getByRole('table', { name: 'Opportunities' });
  await expect(list.getByRole('row').nth(1)).toContainText('5,000');
  // The account by name, its id on hover.
  await expect(list.getByRole('cell', { name: 'Acme', exact: true })).toHaveAttribute('title', 'A1');
  await list.getByRole('button', { name: 'O1' }).click();

  const chart = page.getByRole('img', { name: /^Timeline of 5,000 touches from 2023-01-01 00:00:00 to 2024-10-28/ });
  await expect(chart).toBeVisible();
  // One path per kind, whatever the number of touches: the chart stays a few dozen nodes.
  await expect(chart.locator('path.community')).toHaveCount(1);
  await expect(chart.locator('path.marketing')).toHaveCount(1);
  expect(await chart.locator('*').count()).toBeLessThan(200);
  // The journey's positions and the deal's dates, each marked once.
  const labels = await chart.locator('.marker text').allTextContents();
  expect([...labels].sort()).toEqual(['CW', 'FT', 'LC', 'OC', 'closed', 'created']);
  // Calendar ticks, in order, on the axis.
  const ticks = await chart.locator('.tick text').allTextContents();
  expect(ticks.length).toBeGreaterThan(2);
  expect(ticks.every((tick) => /^(\d{1,2} )?([A-Z][a-z]{2} )?\d{4}$/.test(tick))).toBe(true);

  // FT sits left of LC, LC of OC, OC of CW, CW of closed: positions follow time.
  const xOf = async (label: string): Promise<number> =>
    Number(
      await chart
        .locator('.marker', { hasText: new RegExp(`^${label}$`) })
        .locator('line')
        .getAttribute('x1'),
    );
  const order = await Promise.all(['FT', 'LC', 'created', 'CW', 'closed'].map(xOf));
  expect(order).toEqual([...order].sort((a, b) => a - b));

  // Hovering the marketing lane early on names a bin: its touches and how many of each kind.
  const target = chart.locator('.hover-target');
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  await target.hover({ position: { x: 40, y: (box?.height ?? 0) - 20 } });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveText(/^\d+ touches, 2023-\d\d-\d\d .*: \d+ community, \d+ marketing$/);
  const [, total, community, marketing] = /^(\d+) touches.*: (\d+) community, (\d+) marketing$/.exec(
    await tooltip.innerText(),
  ) ?? ['', '0', '0', '0'];
  expect(Number(community) + Number(marketing)).toBe(Number(total));
  // Before 2024-05-15 there is a community post every 12 hours and a marketing touch every 4: three to one.
  expect(Number(marketing)).toBeGreaterThanOrEqual(2 * Number(community));
  await page.screenshot({ path: testInfo.outputPath('journey-timeline-5000.png'), fullPage: false });

  // The credit table below shows the first 200 touches and more on demand, each with who made it: Ada's touchpoint
  // at midnight, then Grace's post.
  const touches = page.getByRole('table', { name: 'Journey of O1' }).locator('tbody tr');
  await expect(touches).toHaveCount(200);
  await expect(page.getByText('200 of 5,000 touches shown')).toBeVisible();
  await page.getByRole('button', { name: 'Show 200 more touches' }).click();
  await expect(touches).toHaveCount(400);
  await expect(page.getByText('400 of 5,000 touches shown')).toBeVisible();
  await expect(touches.nth(0).locator('td').nth(2)).toHaveText('Ada Lovelace');
  await expect(touches.nth(0).locator('td').nth(2)).toHaveAttribute('title', 'C1');
  await expect(touches.nth(1).locator('td').nth(2)).toHaveText('Grace Hopper');
  await expect(touches.nth(1).locator('td').nth(2)).toHaveAttribute('title', 'M1');
  await expect(page.getByText(/^Account Acme ·/)).toBeVisible();

  // The Data tab's unresolved members by name, their id on hover; a member without a name shows the id.
  await openTab(page, 'Data');
  const unresolved = page.getByRole('list', { name: 'Unresolved members' });
  await expect(unresolved.locator('strong')).toHaveText(['Alan Turing', 'M3']);
  await expect(unresolved.locator('strong').first()).toHaveAttribute('title', 'M2');
});
