import type { Method } from '../../../shared/api';
import { CHANNEL_GROUP_PRESET, ruleFieldProblems, type GroupRule } from '../../../shared/channelGroups';
import { TributaryError } from '../../../shared/errors';
import type { GroupPreview, GroupsState, ReportResults } from '../../../shared/reportApi';
import { parseIsoDate } from '../../../shared/scope';
import type { EngineCache } from '../../engine/cache/cache';
import { groupedDataset } from '../../engine/groups/channelGroups';
import { pipelineAttribution, pipelineFigures, runPipeline } from '../../engine/pipeline/pipeline';
import { breakdowns } from '../../engine/models/breakdowns';
import { sankeyFlows } from '../../engine/models/flows';
import { focusRun } from '../../engine/models/focus';
import { opportunityFieldValues } from '../../engine/scope/fieldValues';
import { runModel } from '../../engine/run';
import { seriesOf } from '../../engine/series/series';
import { dealVelocity } from '../../engine/velocity/velocity';
import { modelWorking } from '../../engine/models/working';
import { readGroupRules, writeGroupRules } from '../../store/channelGroups';
import { readCustomFields } from '../../store/customFields';
import { inOneTransaction, translateSqliteError } from '../../store/database';
import type { Handlers } from '../../handlerTable';
import type { ProjectSource } from './projectSource';

type ReportMethod = keyof ReportResults & Method;
export type ReportHandlerTable = Handlers<ReportMethod>;

const DAY_MS = 86_400_000;

/** Series, pipeline and channel groups (spec 9-11) over the open project, from the engine's loaded arrays. */
export function createReportHandlers(session: ProjectSource, cache: EngineCache): ReportHandlerTable {
  const groupsState = (): GroupsState => {
    const { db } = session.require();
    return {
      rules: readGroupRules(db),
      preset: CHANNEL_GROUP_PRESET,
      customFields: readCustomFields(db, 'touchpoints'),
    };
  };
  const checkFields = (rules: GroupRule[]): void => {
    const problems = ruleFieldProblems(rules, readCustomFields(session.require().db, 'touchpoints'));
    if (problems.length > 0) throw new TributaryError('bad_request', `${problems[0]}.`);
  };
  return {
    'model:series': ({ options, by }) => seriesOf(runModel(cache.load(session.require().db), options), by),
    'model:pipeline': ({ options, asOf, flows: touches, topN, focus, breakdownField }) => {
      const day = asOf === undefined ? undefined : (parseIsoDate(asOf) as number) + DAY_MS - 1;
      const loaded = cache.load(session.require().db);
      const run = runPipeline(loaded, options, day);
      const { data } = run;
      // The flows chart and the breakdowns over the pipeline, as model:run gives them over revenue.
      const credited = pipelineAttribution(run);
      const all = sankeyFlows(data, credited, { scope: touches, topN });
      const focused = focus === null ? null : focusRun(data, credited, touches, focus, all);
      const field = breakdownField === null ? null : opportunityFieldValues(data, loaded.fields, breakdownField);
      return {
        ...pipelineFigures(run),
        asOf: new Date(run.asOf).toISOString(),
        flows: focused ? sankeyFlows(data, focused.run, { scope: touches, topN }) : all,
        focus: focused?.focus ?? null,
        breakdowns: breakdowns(data, focused?.run ?? credited, { field }),
      };
    },
    'model:velocity': ({ options, type, days }) => dealVelocity(cache.load(session.require().db), options, type, days),
    'model:working': ({ options }) => modelWorking(runModel(cache.load(session.require().db), options)),
    'groups:get': groupsState,
    'groups:set': ({ rules }) => {
      checkFields(rules);
      const { db, path } = session.require();
      try {
        inOneTransaction(db, () => writeGroupRules(db, rules));
      } catch (error) {
        throw translateSqliteError(error, path);
      }
      return groupsState();
    },
    'groups:preview': ({ rules }) => {
      checkFields(rules);
      const loaded = cache.load(session.require().db);
      return previewGroups(loaded.data, groupedDataset(loaded.data, { rules, fields: loaded.grouping.fields }), rules);
    },
  };
}

/** Each reported channel with the raw channels whose touches land in it, and how many. */
function previewGroups(
  raw: Parameters<typeof groupedDataset>[0],
  grouped: Parameters<typeof groupedDataset>[0],
  rules: readonly GroupRule[],
): GroupPreview {
  const groupNames = new Set(rules.map((rule) => rule.group));
  const counts = new Map<number, Map<number, number>>();
  for (let t = 0; t < raw.touches.count; t++) {
    const to = grouped.touches.channel[t] as number;
    const from = raw.touches.channel[t] as number;
    let inGroup = counts.get(to);
    if (!inGroup) counts.set(to, (inGroup = new Map()));
    inGroup.set(from, (inGroup.get(from) ?? 0) + 1);
  }
  const groups = [...counts].map(([to, from]) => {
    const rawRows = [...from]
      .map(([channel, touches]) => ({ channel: raw.channels.values[channel] as string, touches }))
      .sort((a, b) => b.touches - a.touches || (a.channel < b.channel ? -1 : 1));
    const channel = grouped.channels.values[to] as string;
    return {
      channel,
      grouped: groupNames.has(channel),
      touches: rawRows.reduce((sum, row) => sum + row.touches, 0),
      raw: rawRows,
    };
  });
  return { groups: groups.sort((a, b) => b.touches - a.touches || (a.channel < b.channel ? -1 : 1)) };
}
