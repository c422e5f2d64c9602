import { useState, type DragEvent } from 'react';
import { useImportStore } from '../../stores/import';
import { useImportJobStore } from '../../stores/importJob';
import { FileStep, useTakeFile } from './FileStep';
import { MappingStep } from './MappingStep';
import { PreviewPanel } from './PreviewPanel';
import { RunStep } from './RunStep';

/** Import one CSV: choose it, map its columns with a live preview, validate the whole file, then import. */
export function ImportWizard() {
  const inspected = useImportStore((state) => state.inspection !== null);
  const jobRunning = useImportJobStore((state) => state.running !== null);
  const take = useTakeFile();
  const [dragging, setDragging] = useState(false);

  // A CSV dropped anywhere on the import tab starts over with that file.
  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!jobRunning) void take(event.dataTransfer.files[0]);
  }

  return (
    <div
      className={`import-wizard${dragging ? ' drop-target' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
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
