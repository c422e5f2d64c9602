import type { DateRange, ProjectSummary } from '../../shared/api';
import { DATA_KINDS } from '../../shared/kinds';
import type { AttributionSummary } from '../../shared/modelApi';
import { MODEL_LABELS } from '../../shared/modelLabels';
import { weightsOf } from '../../shared/modelOptions';
import { describeScope, isAllTime } from '../../shared/scope';
import type { BreakdownEntry, CarResult } from '../../shared/results';
import { CAR_CATEGORIES, carColumns } from '../../shared/vocabulary/carCategories';
import { POSITION_NAMES } from '../../shared/vocabulary/positions';
import { escapeHtml } from './html';
import { robustnessSection } from './robustnessSection';
import type { RobustnessResult } from '../../shared/robustness';

export interface ReportInput {
  project: ProjectSummary & { dateRange: DateRange };
  attribution: AttributionSummary;
  car: CarResult;
  generatedAt: Date;
  /** BCP 47 locale for numbers and dates; the system's when absent. */
  locale?: string;
  /** The figures' ranges (spec 13), when the report shows them. */
  robustness?: RobustnessResult;
}

const TOP_ROWS = 10;

/** Everything a report shows is text from here; the page has no scripts and loads nothing. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
  :root { color-scheme: light; }
  body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 24px auto;
    max-width: 820px; padding: 0 16px; }
  h1 { font-size: 22px; margin: 0 0 2px; }
  h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 1px solid #d0d7de; padding-bottom: 2px; }
  .meta { color: #57606a; margin: 0 0 8px; }
  .kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px 16px; margin: 8px 0; }
  .kpi { border: 1px solid #d0d7de; border-radius: 4px; padding: 6px 8px; }
  .kpi span { display: block; color: #57606a; font-size: 11px; }
  .kpi strong { font-size: 16px; }
  .kpi strong span { font-weight: normal; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0; }
  th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
  .caveat { color: #57606a; font-size: 12px; }
  @media print {
    @page { margin: 10mm; }
    body { margin: 0; max-width: none; padding: 0; font-size: 9.5px; }
    h1 { font-size: 17px; } h2 { font-size: 12px; margin: 9px 0 3px; break-after: avoid; }
    th, td { padding: 1px 4px; } .kpi { padding: 3px 6px; } .kpi strong { font-size: 13px; }
    .caveat { font-size: 9px; } p { margin: 4px 0; } table, .kpis { break-inside: avoid; }
  }
`;

/**
 * The one-page summary of a scenario: the project, its data, the model and every setting, the headline figures,
 * CAR by category, the top channels and campaigns, and the churn comparison with its caveat. Self-contained HTML
 * that prints to one page ("Print to PDF"); every piece of data is escaped.
 */
export function buildReport({ project, attribution, car, generatedAt, locale, robustness }: ReportInput): string {
  const currency = project.meta.currency;
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const money = (value: number) => escapeHtml(moneyFormat.format(value));
  const count = (value: number) => escapeHtml(new Intl.NumberFormat(locale).format(value));
  const percent = (value: number) => `${Number((value * 100).toFixed(1))}%`;
  const date = (millis: number) =>
    escapeHtml(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(millis)));
  const options = attribution.options;
  const modelLabel = MODEL_LABELS[options.model];
  const churn = car.byCategory.churn_reduction;
  const roadmap = car.byCategory.roadmap;

  const weights = weightsOf(options);
  const weightTotal = weights ? POSITION_NAMES.reduce((sum, name) => sum + weights[name], 0) : 0;
  const settings: [string, string][] = [
    ['Model', `${escapeHtml(modelLabel)} (${escapeHtml(options.model)})`],
    ...(weights && weightTotal > 0
      ? ([
          [
            'Position weights',
            POSITION_NAMES.map((name) => `${name} ${percent(weights[name] / weightTotal)}`).join(', '),
          ],
        ] as [string, string][])
      : []),
    ['Time-decay half-life', `${count(options.halfLifeDays)} days`],
    ['Lookback', options.lookbackDays === 0 ? 'unlimited' : `${count(options.lookbackDays)} days`],
    ['Upgrade policy', escapeHtml(options.upgradePolicy)],
    ['Markov order', String(options.markovOrder)],
    ['Collapse repeated channels', options.collapseRepeats ? 'yes' : 'no'],
    ['Referral window', `${count(options.referralWindowDays)} days`],
    ['Roadmap share', percent(options.roadmapShare)],
    ['Random seed', String(options.seed)],
  ];

  const communityShare = attribution.revenue > 0 ? car.attributed / attribution.revenue : 0;
  const kpis: [string, string][] = [
    ['Won revenue', money(attribution.revenue)],
    ['Attributed CAR', money(car.attributed)],
    ['Influenced CAR', money(car.influenced)],
    ['Sourced CAR', money(car.sourced)],
    ['Community share of revenue', percent(communityShare)],
    [
      'Unattributed revenue',
      `${money(attribution.unattributed)} <span>${count(attribution.unattributedDeals)} won deals without a touch</span>`,
    ],
  ];

  const dash = '—';
  const orDash = (value: number | null) => (value === null ? dash : money(value));
  const categories = CAR_CATEGORIES.map((category) => ({
    label: category.label,
    ...carColumns(car.byCategory, category),
  }));

  const dataCounts = DATA_KINDS.filter((kind) => project.counts[kind] > 0)
    .map((kind) => `${count(project.counts[kind])} ${escapeHtml(kind.replace(/_/g, ' '))}`)
    .join(', ');
  const span = project.dateRange ? `; ${date(project.dateRange.first)} to ${date(project.dateRange.last)}` : '';

  const topTable = (title: string, column: string, entries: BreakdownEntry[]) => `
    <section>
      <h2>Top ${escapeHtml(title)} by credit</h2>
      ${
        entries.length === 0
          ? '<p class="caveat">None for these settings.</p>'
          : `<table>
        <thead><tr><th>${column}</th><th class="n">Credit</th><th class="n">Share</th></tr></thead>
        <tbody>${entries
          .slice(0, TOP_ROWS)
          .map(
            (entry) =>
              `<tr><td>${escapeHtml(entry.label)}</td><td class="n">${money(entry.credit)}</td><td class="n">${percent(
                attribution.attributed > 0 ? entry.credit / attribution.attributed : 0,
              )}</td></tr>`,
          )
          .join('')}</tbody>
      </table>`
      }
    </section>`;

  const group = (label: string, stats: typeof churn.engaged) =>
    `<tr><td>${label}</td><td class="n">${count(stats.renewals)}</td><td class="n">${count(stats.won)}</td>` +
    `<td class="n">${percent(stats.retention)}</td></tr>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(project.meta.name)}: ${escapeHtml(modelLabel)} summary</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(project.meta.name)}</h1>
  <p class="meta">Revenue attribution summary, ${escapeHtml(modelLabel)} model. Generated ${escapeHtml(
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(generatedAt),
  )} by Tributary ${escapeHtml(project.meta.appVersion)}.</p>
  <p class="meta">Data: ${dataCounts || 'no rows'}${span}. ${count(project.wonOpportunities)} won opportunities.</p>
  <p class="meta">Scope: ${escapeHtml(describeScope(options.scope))}${isAllTime(options.scope) ? ' (every opportunity)' : '. Every figure below covers the opportunities in this scope only'}.</p>
</header>
<section>
  <h2>Headline figures</h2>
  <div class="kpis">${kpis.map(([label, value]) => `<div class="kpi"><span>${label}</span><strong>${value}</strong></div>`).join('')}</div>
  <p class="caveat">Attributed, influenced and sourced CAR measure different things and are never added together.</p>
</section>
<div class="columns">
<section>
  <h2>Model settings</h2>
  <table><tbody>${settings.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</tbody></table>
</section>
<section>
  <h2>CAR by category</h2>
  <table>
    <thead><tr><th>Category</th><th class="n">Attributed</th><th class="n">Influenced</th><th class="n">Sourced</th></tr></thead>
    <tbody>${categories
      .map(
        ({ label, attributed, influenced, sourced }) =>
          `<tr><td>${escapeHtml(label)}</td><td class="n">${orDash(attributed)}</td><td class="n">${orDash(influenced)}</td><td class="n">${orDash(sourced)}</td></tr>`,
      )
      .join('')}</tbody>
  </table>
  <p class="caveat">Categories overlap (an upgrade can be referral-sourced), so they are not summed. Roadmap: ${count(
    roadmap.opportunities.length,
  )} opportunities at stake.</p>
</section>
</div>
<div class="columns">
${topTable('channels', 'Channel', attribution.breakdowns.byChannel)}
${topTable('campaigns', 'Campaign', attribution.breakdowns.byCampaign)}
</div>
<section>
  <h2>Churn comparison</h2>
  <p>Retained revenue ${money(churn.retained)} (95% interval ${money(churn.interval[0])} – ${money(
    churn.interval[1],
  )}, ${count(churn.resamples)} resamples).</p>
  <table>
    <thead><tr><th>Renewals</th><th class="n">Count</th><th class="n">Won</th><th class="n">Retention</th></tr></thead>
    <tbody>${group('Community-engaged accounts', churn.engaged)}${group('Other accounts', churn.other)}</tbody>
  </table>
  <p class="caveat">${escapeHtml(churn.caveat)}${churn.note ? ` ${escapeHtml(churn.note)}` : ''}</p>
</section>
${robustness ? robustnessSection(robustness, money) : ''}
</body>
</html>
`;
}
