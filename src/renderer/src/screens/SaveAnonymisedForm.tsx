import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { useProjectStore } from '../stores/project';

/** Saves a copy without personal data, to send out of the client's premises; the open project does not change. */
export function SaveAnonymisedForm() {
  const { app, summary, busy, saveAnonymised } = useProjectStore();
  const [path, setPath] = useState('');
  const [open, setOpen] = useState(false);
  const desktop = app?.mode === 'desktop';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!summary) return;
    const target = desktop
      ? await call('dialog:pickProject', { purpose: 'save', suggestedName: `${summary.meta.name} anonymised` })
      : path.trim();
    if (!target) return;
    await saveAnonymised(target);
    setOpen(false);
  }

  if (!desktop && !open) {
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={busy !== null}>
        Save anonymised copy…
      </button>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="inline">
      {!desktop && (
        <label>
          Anonymised copy to
          <input value={path} onChange={(event) => setPath(event.target.value)} />
        </label>
      )}
      <button type="submit" disabled={busy !== null || (!desktop && !path.trim())}>
        {desktop ? 'Save anonymised copy…' : 'Save anonymised copy'}
      </button>
    </form>
  );
}
