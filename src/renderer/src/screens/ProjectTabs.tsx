import { useRef, type KeyboardEvent } from 'react';

export const PROJECT_VIEWS = [
  { id: 'overview', label: 'Overview' },
  { id: 'model', label: 'Model' },
  { id: 'compare', label: 'Compare' },
  { id: 'journeys', label: 'Journeys' },
  { id: 'channels', label: 'Channels' },
  { id: 'import', label: 'Import' },
  { id: 'data', label: 'Data' },
] as const;

export type ProjectView = (typeof PROJECT_VIEWS)[number]['id'];

export const tabId = (view: ProjectView): string => `tab-${view}`;
export const panelId = (view: ProjectView): string => `panel-${view}`;

/** The project's views as ARIA tabs: one tab stop, arrow keys, Home and End move between them. */
export function ProjectTabs({ current, onSelect }: { current: ProjectView; onSelect(view: ProjectView): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = PROJECT_VIEWS.findIndex((view) => view.id === current);
    const last = PROJECT_VIEWS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % PROJECT_VIEWS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % PROJECT_VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const view = PROJECT_VIEWS[next];
    if (!view) return;
    onSelect(view.id);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label="Project views" onKeyDown={onKeyDown}>
      {PROJECT_VIEWS.map((view, index) => (
        <button
          key={view.id}
          ref={(node) => {
            refs.current[index] = node;
          }}
          type="button"
          role="tab"
          id={tabId(view.id)}
          aria-selected={view.id === current}
          aria-controls={panelId(view.id)}
          tabIndex={view.id === current ? 0 : -1}
          onClick={() => onSelect(view.id)}
        >
          {view.label}
        </button>
      ))}
    </div>
  );
}
