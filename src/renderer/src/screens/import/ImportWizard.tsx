import { useImportStore } from '../../stores/import';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewPanel } from './PreviewPanel';
import { RunStep } from './RunStep';

/** Import one CSV: choose it, map its columns with a live preview, validate the whole file, then import. */
export function ImportWizard() {
  const inspected = useImportStore((state) => state.inspection !== null);
  return (
    <div className="import-wizard">
      <FileStep />
      {inspected && (
        <>
          <MappingStep />
          <PreviewPanel />
          <RunStep />
        </>
      )}
    </div>
  );
}
