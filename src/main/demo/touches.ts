import type { AccountContext } from './account';
import { DAY, DEMO_END, wholeSecond } from './plan';
import { WeightedChoice, type Random } from './random';
import type { DemoWriter } from './writer';

type Channel =
  | 'paid_search'
  | 'paid_social'
  | 'organic_search'
  | 'email'
  | 'webinar'
  | 'events'
  | 'content'
  | 'direct'
  | 'referral_partner'
  | 'review_site';

interface ChannelOption {
  /** Campaign name without its quarter ("Webinar Series" runs as "2024-Q2 Webinar Series"); null: no campaign. */
  theme: string | null;
  source: string;
  medium: string;
}

const OPTIONS: Record<Channel, readonly ChannelOption[]> = {
  paid_search: [
    { theme: 'Google Brand Search', source: 'google', medium: 'cpc' },
    { theme: 'Google Non-Brand Search', source: 'google', medium: 'cpc' },
    { theme: 'Bing Search', source: 'bing', medium: 'cpc' },
  ],
  paid_social: [
    { theme: 'LinkedIn Lead Gen', source: 'linkedin', medium: 'paid_social' },
    { theme: 'LinkedIn Retargeting', source: 'linkedin', medium: 'paid_social' },
    { theme: 'Meta Awareness', source: 'facebook', medium: 'paid_social' },
  ],
  organic_search: [
    { theme: null, source: 'google', medium: 'organic' },
    { theme: null, source: 'bing', medium: 'organic' },
  ],
  email: [
    { theme: 'Nurture Track', source: 'hubspot', medium: 'email' },
    { theme: 'Product Newsletter', source: 'newsletter', medium: 'email' },
    { theme: 'Sales Sequence', source: 'outreach', medium: 'email' },
  ],
  webinar: [
    { theme: 'Webinar Series', source: 'zoom', medium: 'webinar' },
    { theme: 'Attribution Masterclass', source: 'zoom', medium: 'webinar' },
    { theme: 'Customer Office Hours', source: 'zoom', medium: 'webinar' },
  ],
  events: [
    { theme: 'RevOps Summit Booth', source: 'revops-summit', medium: 'event' },
    { theme: 'Field Dinner Series', source: 'field-marketing', medium: 'event' },
    { theme: 'SaaStr Annual', source: 'saastr', medium: 'event' },
  ],
  content: [
    { theme: 'State of Attribution Report', source: 'website', medium: 'content' },
    { theme: 'ROI Calculator', source: 'website', medium: 'content' },
    { theme: 'Blog', source: 'blog', medium: 'content' },
  ],
  direct: [{ theme: null, source: '(direct)', medium: '(none)' }],
  referral_partner: [
    { theme: 'Partner Program', source: 'northbeam-consulting', medium: 'referral' },
    { theme: 'Partner Program', source: 'revgrowth-agency', medium: 'referral' },
  ],
  review_site: [
    { theme: 'G2 Profile', source: 'g2', medium: 'referral' },
    { theme: 'Capterra Listing', source: 'capterra', medium: 'referral' },
  ],
};

const AWARENESS = new WeightedChoice<Channel>([
  ['organic_search', 24],
  ['paid_search', 20],
  ['paid_social', 15],
  ['content', 14],
  ['direct', 9],
  ['events', 7],
  ['referral_partner', 6],
  ['review_site', 5],
]);
const FORM_FILL = new WeightedChoice<Channel>([
  ['content', 35],
  ['webinar', 25],
  ['paid_social', 15],
  ['paid_search', 10],
  ['events', 10],
  ['referral_partner', 5],
]);
const NURTURE = new WeightedChoice<Channel>([
  ['email', 35],
  ['webinar', 20],
  ['content', 15],
  ['events', 10],
  ['paid_social', 8],
  ['organic_search', 7],
  ['direct', 5],
]);
const SALES = new WeightedChoice<Channel>([
  ['email', 30],
  ['direct', 25],
  ['events', 15],
  ['webinar', 10],
  ['content', 10],
  ['paid_search', 5],
  ['referral_partner', 5],
]);
const CUSTOMER = new WeightedChoice<Channel>([
  ['email', 35],
  ['webinar', 25],
  ['events', 15],
  ['content', 15],
  ['direct', 10],
]);

interface Stretch {
  start: number;
  end: number;
  weight: number;
  channels: WeightedChoice<Channel>;
  /** Early touches come from the person who becomes the lead; later ones from anyone at the account. */
  leadOnly: boolean;
}

function campaignName(time: number, theme: string | null): string | null {
  if (theme === null) return null;
  const date = new Date(time);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1} ${theme}`;
}

/** An opportunity still open at the end has run only part of its course, and has had only part of its touches. */
function openShare(closedAt: number | null, start: number): number {
  return closedAt === null ? Math.min(1, (DEMO_END - start) / (60 * DAY)) : 1;
}

/** The stretches of an account's journey that touches fall into, with how much of them each gets. */
function stretchesOf(account: AccountContext): Stretch[] {
  const { plan } = account;
  const first = plan.firstTouchAt;
  const lead = plan.leadCreatedAt;
  const newBusiness = plan.opportunities[0];
  if (!newBusiness) {
    const stretches: Stretch[] = [
      { start: first, end: lead ?? plan.activeUntil, weight: 0.6, channels: AWARENESS, leadOnly: true },
    ];
    if (lead !== null)
      stretches.push({ start: lead, end: plan.activeUntil, weight: 0.4, channels: NURTURE, leadOnly: false });
    return stretches;
  }
  const stretches: Stretch[] = [
    { start: first, end: lead ?? newBusiness.createdAt, weight: 0.3, channels: AWARENESS, leadOnly: true },
    { start: lead ?? first, end: newBusiness.createdAt, weight: 0.25, channels: NURTURE, leadOnly: false },
    {
      start: newBusiness.createdAt,
      end: newBusiness.closedAt ?? DEMO_END,
      weight: 0.3 * openShare(newBusiness.closedAt, newBusiness.createdAt),
      channels: SALES,
      leadOnly: false,
    },
  ];
  let previousClose = newBusiness.closedAt ?? DEMO_END;
  for (const later of plan.opportunities.slice(1)) {
    const end = later.closedAt ?? DEMO_END;
    const start = Math.max(previousClose, later.createdAt - 90 * DAY);
    stretches.push({
      start,
      end,
      weight: 0.25 * openShare(later.closedAt, start),
      channels: CUSTOMER,
      leadOnly: false,
    });
    previousClose = Math.max(previousClose, end);
  }
  const open = stretches.filter((stretch) => stretch.end > stretch.start);
  // A journey squeezed into one instant still takes its share of touches, all at that instant.
  return open.length > 0 ? open : [{ start: first, end: first, weight: 1, channels: AWARENESS, leadOnly: true }];
}

/**
 * Writes `count` marketing touches over the account's journey: the first touch at its start, a form fill just before
 * lead creation, a sales touch just before the new-business opportunity, and the rest spread over the stretches.
 */
export function writeMarketingTouches(
  random: Random,
  writer: DemoWriter,
  account: AccountContext,
  count: number,
): void {
  const { plan, contacts, accountId } = account;
  const lead = contacts[0];
  const write = (time: number, channels: WeightedChoice<Channel>, leadOnly: boolean): void => {
    const channel = channels.draw(random);
    const option = random.pick(OPTIONS[channel]);
    // Some touches are known only at account level (badge scans, intent data) and carry no contact.
    const accountLevel = random.chance(0.08) || !lead;
    const contact = accountLevel ? null : leadOnly ? lead : random.pick(contacts);
    writer.touchpoint(
      contact ? contact.id : null,
      contact ? null : accountId,
      time,
      channel,
      campaignName(time, option.theme),
      option.source,
      option.medium,
    );
  };

  let written = 0;
  if (count > written) {
    write(plan.firstTouchAt, AWARENESS, true);
    written++;
  }
  if (count > written && plan.leadCreatedAt !== null) {
    write(wholeSecond(Math.max(plan.firstTouchAt, plan.leadCreatedAt - random.float(0, 20 * 60_000))), FORM_FILL, true);
    written++;
  }
  const newBusiness = plan.opportunities[0];
  if (count > written && newBusiness) {
    const floor = plan.leadCreatedAt ?? plan.firstTouchAt;
    write(wholeSecond(Math.max(floor, newBusiness.createdAt - random.float(0, 2 * DAY))), SALES, false);
    written++;
  }
  const stretches = stretchesOf(account);
  let totalWeight = 0;
  for (const stretch of stretches) totalWeight += stretch.weight;
  for (; written < count; written++) {
    let target = random.next() * totalWeight;
    let stretch = stretches[stretches.length - 1] as Stretch;
    for (const candidate of stretches) {
      target -= candidate.weight;
      if (target < 0) {
        stretch = candidate;
        break;
      }
    }
    write(wholeSecond(random.float(stretch.start, stretch.end)), stretch.channels, stretch.leadOnly);
  }
}
