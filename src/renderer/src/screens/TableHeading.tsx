/** A table's heading, with its "Download CSV" button when there is something to download. */
export function TableHeading({
  id,
  title,
  onDownload,
}: {
  /** The heading's id: the table and its section are labelled by it. */
  id: string;
  title: string;
  onDownload?: (() => void) | undefined;
}) {
  return (
    <div className="results-header">
      <h3 id={id}>{title}</h3>
      {onDownload && (
        <button type="button" className="secondary" onClick={onDownload}>
          Download CSV
        </button>
      )}
    </div>
  );
}
