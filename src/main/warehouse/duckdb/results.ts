import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { CarResult, LinkedNotWon, PositionName, SourceKind, SourcedOpportunity } from '../../../shared/results';
import { POSITION_NAMES } from '../../../shared/vocabulary/positions';

/**
 * What the SQL path computes of spec 7's CAR: the three measures, the link, upgrade and engagement categories, the
 * community touches per won deal, attributed CAR per position (for the models the script credits) and the sourced
 * deals. Roadmap, the churn comparison (with its bootstrap interval) and, for Markov and Shapley, CAR per position are
 * not computed by the SQL: they are null here and named by notComputed, never filled with a figure that means
 * something else.
 */
export interface SqlCar extends Omit<CarResult, 'byCategory' | 'attributedByPosition'> {
  byCategory: Omit<CarResult['byCategory'], 'roadmap' | 'churn_reduction'> & { roadmap: null; churn_reduction: null };
  attributedByPosition: CarResult['attributedByPosition'] | null;
}

/** The parts of `attribute --json` the SQL path leaves out for a run, by their place in the JSON. */
export function notComputed(dataDriven: boolean): string[] {
  return [
    'car.byCategory.roadmap',
    'car.byCategory.churn_reduction',
    'car.churn',
    // The script splits the credit of the models it runs over positions; a spread's credit it does not.
    ...(dataDriven ? ['car.attributedByPosition'] : []),
  ];
}

export interface SqlAttribution {
  revenue: number;
  attributed: number;
  unattributed: number;
  /** The in-scope won opportunities with no touch, by id. */
  unattributedOpportunities: string[];
  /** Every channel of the touches, most credit first, then by name (as the engine lists them). */
  byChannel: { channel: string; credit: number }[];
  car: SqlCar;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const num = (value: DuckDBValue | unknown): number => (value === null ? 0 : Number(value));

async function rows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql)).getRowsJS();
}

/**
 * Reads one run's figures from the tables the generated script made, its credits being the `run_credits` view
 * (runAttribution.ts): the model's rows of tributary_credits, or the data-driven spread's.
 */
export async function readAttribution(connection: DuckDBConnection, dataDriven: boolean): Promise<SqlAttribution> {
  const [[revenue, unattributed, wonCount] = []] = await rows(
    connection,
    'SELECT won_revenue, unattributed_revenue, won_count FROM tributary_revenue',
  );
  const channelRows = await rows(
    connection,
    `SELECT t.channel, COALESCE(SUM(c.credit), 0) AS credit
     FROM (SELECT DISTINCT channel FROM tributary_touches) t LEFT JOIN run_credits c ON c.channel = t.channel
     GROUP BY t.channel`,
  );
  const byChannel = channelRows
    .map(([channel, credit]) => ({ channel: String(channel), credit: num(credit) }))
    .sort((a, b) => b.credit - a.credit || byName(a.channel, b.channel));
  const [[attributed] = []] = await rows(connection, 'SELECT COALESCE(SUM(credit), 0) FROM run_credits');
  const unattributedOpportunities = (await rows(connection, 'SELECT opportunity_id FROM tributary_unattributed'))
    .map(([id]) => String(id))
    .sort(byName);
  return {
    revenue: num(revenue),
    attributed: num(attributed),
    unattributed: num(unattributed),
    unattributedOpportunities,
    byChannel,
    car: await readCar(connection, num(wonCount), dataDriven),
  };
}

/**
 * spec 7. Attributed CAR and its categories sum the run's credit on community touches (by action type; on upgrade
 * deals); influenced and sourced do not depend on the model and come from the script's tributary_car rows.
 */
async function readCar(connection: DuckDBConnection, wonCount: number, dataDriven: boolean): Promise<SqlCar> {
  const [credit = []] = await rows(
    connection,
    `SELECT COALESCE(SUM(c.credit), 0),
       COALESCE(SUM(c.credit) FILTER (WHERE j.action_type = 'internal_referral'), 0),
       COALESCE(SUM(c.credit) FILTER (WHERE j.action_type = 'external_referral'), 0),
       COALESCE(SUM(c.credit) FILTER (WHERE j.action_type = 'job_move'), 0),
       COALESCE(SUM(c.credit) FILTER (WHERE j.opportunity_type = 'upgrade'), 0),
       COALESCE(SUM(c.credit) FILTER (WHERE j.action_type IN ('post', 'reply', 'reaction', 'event_attended', 'answer', 'other')), 0)
     FROM run_credits c
     JOIN tributary_journey_touches j
       ON j.opportunity_id = c.opportunity_id AND j.touch_kind = c.touch_kind AND j.touch_id = c.touch_id
     WHERE c.touch_kind = 'community'`,
  );
  const measures = new Map<string, unknown[]>();
  for (const [category, influenced, sourced] of await rows(
    connection,
    `SELECT category, influenced, sourced FROM tributary_car
     WHERE model = (SELECT min(model) FROM tributary_car)`,
  )) {
    measures.set(String(category), [influenced, sourced]);
  }
  const influenced = (category: string): number => num(measures.get(category)?.[0] ?? null);
  const sourced = (category: string): number => num(measures.get(category)?.[1] ?? null);
  const [[communityTouches] = []] = await rows(
    connection,
    "SELECT count(*) FROM tributary_journey_touches WHERE stage = 'won' AND touch_kind = 'community'",
  );
  const { sourcedOpportunities, linkedNotWon } = await readSourced(connection);
  const [total, internal, external, jobMove, upgrade, engagement] = credit.map(num);
  return {
    attributed: total ?? 0,
    influenced: influenced('all'),
    sourced: sourced('all'),
    byCategory: {
      internal_referral: { attributed: internal ?? 0, sourced: sourced('internal_referral') },
      external_referral: { attributed: external ?? 0, sourced: sourced('external_referral') },
      job_move: { attributed: jobMove ?? 0, sourced: sourced('job_move') },
      upgrade: { attributed: upgrade ?? 0, influenced: influenced('upgrade'), sourced: sourced('upgrade') },
      roadmap: null,
      churn_reduction: null,
      engagement: { attributed: engagement ?? 0 },
    },
    communityTouchesPerWonDeal: wonCount > 0 ? num(communityTouches) / wonCount : 0,
    attributedByPosition: dataDriven ? null : await readByPosition(connection),
    sourcedOpportunities,
    linkedNotWon,
  };
}

/** spec 7, also reported: the script's attributed CAR per position of the one model it credited. */
async function readByPosition(connection: DuckDBConnection): Promise<Record<PositionName, number>> {
  const byPosition = Object.fromEntries(POSITION_NAMES.map((name) => [name, 0])) as Record<PositionName, number>;
  for (const [position, attributed] of await rows(
    connection,
    'SELECT position, attributed FROM tributary_car_positions',
  )) {
    byPosition[String(position) as PositionName] = num(attributed);
  }
  return byPosition;
}

/** spec 7: each sourced deal once, with its earliest source; won ones are sourced CAR, the rest only listed. */
async function readSourced(
  connection: DuckDBConnection,
): Promise<{ sourcedOpportunities: SourcedOpportunity[]; linkedNotWon: LinkedNotWon[] }> {
  const sourcedOpportunities: SourcedOpportunity[] = [];
  const linkedNotWon: LinkedNotWon[] = [];
  for (const [id, stage, amount, source, action, at] of await rows(
    connection,
    'SELECT opportunity_id, stage, amount, source, action_id, occurred_at FROM tributary_sourced',
  )) {
    // Keys in the engine's order (car.ts), so the JSON reads the same.
    const [opportunityId, money] = [String(id), num(amount)];
    const rest = { source: String(source) as SourceKind, actionId: String(action), at: num(at) };
    if (stage === 'won') sourcedOpportunities.push({ opportunityId, amount: money, ...rest });
    else linkedNotWon.push({ opportunityId, amount: money, stage: stage === 'lost' ? 'lost' : 'open', ...rest });
  }
  sourcedOpportunities.sort((a, b) => byName(a.opportunityId, b.opportunityId));
  linkedNotWon.sort((a, b) => byName(a.opportunityId, b.opportunityId));
  return { sourcedOpportunities, linkedNotWon };
}
