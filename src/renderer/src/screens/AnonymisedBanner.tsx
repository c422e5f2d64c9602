import { formatDateTime } from '../format';
import { useProjectStore } from '../stores/project';

/** Says that the open project is an anonymised copy, and what the last anonymised save wrote. */
export function AnonymisedBanner() {
  const anonymisedAt = useProjectStore((state) => state.summary?.meta.anonymisedAt);
  const notice = useProjectStore((state) => state.notice);
  const dismissNotice = useProjectStore((state) => state.dismissNotice);
  return (
    <>
      {anonymisedAt && (
        <p className="anonymised-banner" role="note">
          This is an anonymised copy made on {formatDateTime(Date.parse(anonymisedAt))}: names are removed and emails
          and member ids are replaced, so its attribution and CAR match the original without its personal data.
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
