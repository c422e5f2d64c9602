import type { ComparedModel } from '../../../../shared/scenarioApi';
import { attributedCells } from '../../compare/deltas';
import { compareColor } from '../../compare/palette';
import { formatMoney } from '../../format';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import type { CompareEntry } from '../../stores/compare';
import { DeltaCell } from './DeltaCell';

interface Props {
  compared: { entry: CompareEntry; result: ComparedModel }[];
  baselineIndex: number;
  currency: string;
}

/** One row per compared model: the same won revenue, split into attributed and unattributed. */
export function CompareSummary({ compared, baselineIndex, currency }: Props) {
  const attributed = attributedCells(
    compared.map(({ result }) => result),
    baselineIndex,
  );
  return (
    <div className="table-scroll">
      <table className="data-table compare-table">
        <caption>Compared models</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Model</th>
            <th scope="col" className="number">
              Won revenue
            </th>
            <th scope="col" className="number">
              Attributed
            </th>
            <th scope="col" className="number">
              Unattributed
            </th>
          </tr>
        </thead>
        <tbody>
          {compared.map(({ entry, result }, index) => (
            <tr key={entry.id}>
              <th scope="row">
                <span className="swatch" style={{ background: compareColor(index) }} aria-hidden="true" />
                {entry.label}
                {index === baselineIndex && <span className="badge">baseline</span>}
              </th>
              <td>{MODEL_LABELS[result.model]}</td>
              <td className="number">{formatMoney(result.revenue, currency)}</td>
              {attributed[index] && <DeltaCell cell={attributed[index]} currency={currency} />}
              <td className="number">{formatMoney(result.unattributed, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
