import { useEffect } from 'react';
import { DATA_KINDS } from '../../../../shared/kinds';
import { KIND_LABELS } from '../../kindLabels';
import { useDataStore } from '../../stores/data';
import { useRowsStore } from '../../stores/rows';
import { ChoiceSelect } from '../ChoiceSelect';
import { RowsGrid } from './RowsGrid';

const KIND_OPTIONS = DATA_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/** One kind's rows as stored, in a table that scrolls through a million rows a page at a time. */
export function RowsPanel() {
  const kind = useDataStore((state) => state.tableKind);
  const generation = useDataStore((state) => state.generation);
  const setTableKind = useDataStore((state) => state.setTableKind);
  const open = useRowsStore((state) => state.open);
  const error = useRowsStore((state) => state.error);

  useEffect(() => {
    void open(kind, generation);
  }, [open, kind, generation]);

  return (
    <section className="panel" aria-labelledby="rows-heading">
      <div className="rows-header">
        <h2 id="rows-heading">Browse rows</h2>
        <label className="inline-label">
          Table
          <ChoiceSelect options={KIND_OPTIONS} value={kind} onChange={setTableKind} />
        </label>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <RowsGrid key={kind} kind={kind} />
    </section>
  );
}
