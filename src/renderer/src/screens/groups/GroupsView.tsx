import { useEffect } from 'react';
import { useGroupsStore } from '../../stores/groups';
import { GroupPreviewTable } from './GroupPreviewTable';
import { RulesEditor } from './RulesEditor';

/** The Channels tab: the channel-group rules (spec 10) on the left, what they would report on the right. */
export function GroupsView() {
  const read = useGroupsStore((state) => state.saved !== null || state.loading || state.error !== null);
  const load = useGroupsStore((state) => state.load);

  // Read once per project; a draft being edited survives a visit to another tab.
  useEffect(() => {
    if (!read) void load();
  }, [read, load]);

  return (
    <div className="groups-view">
      <RulesEditor />
      <GroupPreviewTable />
    </div>
  );
}
