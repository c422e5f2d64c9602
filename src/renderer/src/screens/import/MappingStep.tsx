import { useImportStore } from '../../stores/import';
import { useImportJobStore } from '../../stores/importJob';
import { FormatOptions } from './FormatOptions';
import { KindPicker } from './KindPicker';
import { MappingTable } from './MappingTable';
import { ValueMapping } from './ValueMapping';

/** Step 2: the file's kind, which of its columns fill which canonical column, its formats and value words. */
export function MappingStep() {
  const saveMappingAs = useImportStore((state) => state.saveMappingAs);
  const setSaveMappingAs = useImportStore((state) => state.setSaveMappingAs);
  const jobRunning = useImportJobStore((state) => state.running !== null);

  return (
    <section className="panel wizard-step" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">2. Map columns</h2>
      <fieldset className="plain" disabled={jobRunning}>
        <legend className="visually-hidden">Mapping</legend>
        <div className="mapping-layout">
          <div>
            <KindPicker />
            <MappingTable />
          </div>
          <div>
            <FormatOptions />
            <ValueMapping />
            <label className="save-mapping">
              Save mapping as
              <input
                value={saveMappingAs}
                onChange={(event) => setSaveMappingAs(event.target.value)}
                placeholder="Optional: reused for files with these headers"
                maxLength={200}
              />
            </label>
          </div>
        </div>
      </fieldset>
    </section>
  );
}
