import { hasCustomFields, planCustomFields } from '../../../../shared/customFields';
import { KIND_SPECS } from '../../../../shared/importSpec';
import { unmappedHeaderHints } from '../../../../shared/importSuggest';
import { useImportStore } from '../../stores/import';

const NOT_IMPORTED = '';

/** One row per canonical column of the kind, each filled from one of the file's headers or left out. */
export function MappingTable() {
  const inspection = useImportStore((state) => state.inspection);
  const mapping = useImportStore((state) => state.mapping);
  const setColumn = useImportStore((state) => state.setColumn);
  if (!inspection || !mapping) return null;

  const spec = KIND_SPECS[mapping.kind];
  const oneOf = new Set((spec.oneOf ?? []).flat());
  const alternatives = (name: string): string[] =>
    (spec.oneOf ?? []).filter((group) => group.includes(name)).flatMap((group) => group.filter((n) => n !== name));
  // data.md: a column no canonical column takes is kept as a custom field, as the import will.
  const custom = planCustomFields(
    mapping.kind,
    inspection.headers,
    mapping.columns,
    inspection.kind === mapping.kind ? inspection.existingCustomFields : [],
  );
  // Worked out from the mapping as it stands, so mapping the header by hand clears its warning at once.
  const hints = unmappedHeaderHints(mapping.kind, inspection.headers, mapping.columns);
  const missing = [
    ...spec.columns
      .filter((column) => column.required && !oneOf.has(column.name) && !(column.name in mapping.columns))
      .map((column) => column.name),
    ...(spec.oneOf ?? [])
      .filter((group) => !group.some((name) => name in mapping.columns))
      .map((group) => group.join(' or ')),
  ];

  return (
    <>
      <table className="mapping-table">
        <caption>Columns of {mapping.kind}</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">From the file&apos;s column</th>
          </tr>
        </thead>
        <tbody>
          {spec.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
                {column.required && <span className="badge">required</span>}
                {oneOf.has(column.name) && (
                  <span className="badge">required, or {alternatives(column.name).join(' / ')}</span>
                )}
              </th>
              <td>
                <select
                  aria-label={column.name}
                  value={mapping.columns[column.name] ?? NOT_IMPORTED}
                  onChange={(event) =>
                    setColumn(column.name, event.target.value === NOT_IMPORTED ? null : event.target.value)
                  }
                >
                  <option value={NOT_IMPORTED}>— not imported —</option>
                  {inspection.headers.map((header) => (
                    <option key={header} value={header}>
                      {header}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="warning" role="status">
          Required and not mapped: {missing.join(', ')}
        </p>
      )}
      {hints.length > 0 && (
        <ul className="warning" aria-label="Column warnings">
          {hints.map((hint) => (
            <li key={hint.header}>{hint.reason}</li>
          ))}
        </ul>
      )}
      {hasCustomFields(mapping.kind) && (
        <div className="custom-fields">
          <h3>Kept as custom fields</h3>
          {custom.columns.length === 0 ? (
            <p className="muted">None: every column of the file fills a column above.</p>
          ) : (
            <>
              <p className="muted small">Each can scope a report, group a breakdown or feed a channel-group rule.</p>
              <ul className="chips" aria-label="Custom fields">
                {custom.columns.map((column) => (
                  <li key={column.index}>{column.name}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {custom.notices.length > 0 && (
        <ul className="warning" aria-label="Custom field warnings">
          {custom.notices.map((notice) => (
            <li key={notice.header}>{notice.reason}</li>
          ))}
        </ul>
      )}
      <div className="ignored">
        <h3>Ignored columns</h3>
        {custom.ignored.length === 0 ? (
          <p className="muted">None: every column of the file is imported.</p>
        ) : (
          <ul className="chips">
            {custom.ignored.map((header) => (
              <li key={header}>{header}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
