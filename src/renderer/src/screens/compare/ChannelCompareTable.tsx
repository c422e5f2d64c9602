import type { ChannelRow } from '../../compare/deltas';
import type { CompareEntry } from '../../stores/compare';
import { CompareTable } from './CompareTable';

interface Props {
  rows: ChannelRow[];
  entries: CompareEntry[];
  baselineIndex: number;
  currency: string;
}

/** Credit by channel for every compared model, each with its delta vs the baseline. */
export function ChannelCompareTable({ rows, ...rest }: Props) {
  return (
    <CompareTable
      id="compare-channel-heading"
      title="Credit by channel"
      nameColumns={[{ label: 'Channel', csv: 'channel' }]}
      rows={rows.map((row) => ({ key: row.channel, names: [row.channel], cells: row.cells }))}
      {...rest}
    />
  );
}
