import { addRule } from '../../groups/ruleEdits';
import { draftIsEdited, useGroupsStore } from '../../stores/groups';
import { RuleCard } from './RuleCard';

/** The ordered channel-group rules as drafted: the first rule a touch matches gives its reported channel. */
export function RulesEditor() {
  const draft = useGroupsStore((state) => state.draft);
  const customFields = useGroupsStore((state) => state.customFields);
  const edited = useGroupsStore(draftIsEdited);
  const saving = useGroupsStore((state) => state.saving);
  const error = useGroupsStore((state) => state.error);
  const notice = useGroupsStore((state) => state.notice);
  const edit = useGroupsStore((state) => state.edit);
  const applyPreset = useGroupsStore((state) => state.applyPreset);
  const discard = useGroupsStore((state) => state.discard);
  const save = useGroupsStore((state) => state.save);

  return (
    <section className="group-rules panel" aria-labelledby="group-rules-heading">
      <h2 id="group-rules-heading">Channel groups</h2>
      <p className="muted small">
        Each touch is reported under the group of the first rule it matches, else under its own channel. Comparisons
        ignore case.
      </p>
      <div className="group-actions">
        <button type="button" onClick={() => edit(addRule)}>
          Add rule
        </button>
        <button type="button" onClick={applyPreset}>
          Use the web-analytics preset
        </button>
        <button type="button" className="primary" disabled={!edited || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" disabled={!edited || saving} onClick={discard}>
          Discard changes
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
      {edited && !notice && <p className="muted small">Unsaved changes: the views report the saved rules.</p>}
      {draft.length === 0 ? <p className="muted">No rules: every touch is reported under its own channel.</p> : null}
      <ol className="group-rule-list" aria-label="Channel-group rules">
        {draft.map((rule, index) => (
          <RuleCard key={index} rule={rule} index={index} count={draft.length} customFields={customFields} />
        ))}
      </ol>
    </section>
  );
}
