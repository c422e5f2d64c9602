import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Args, Envelope, Method, Results, TributaryBridge } from '../shared/api';
import { ipcChannel } from '../shared/methods';

function invoker<M extends Method>(method: M) {
  return (args: Args<M>) => ipcRenderer.invoke(ipcChannel(method), args) as Promise<Envelope<Results[M]>>;
}

// One fixed object, one entry per API method and nothing else: the renderer cannot reach any other channel.
const bridge = {
  'app:info': invoker('app:info'),
  'project:create': invoker('project:create'),
  'project:open': invoker('project:open'),
  'project:openDemo': invoker('project:openDemo'),
  'project:current': invoker('project:current'),
  'project:close': invoker('project:close'),
  'project:reopenLast': invoker('project:reopenLast'),
  'prefs:get': invoker('prefs:get'),
  'prefs:set': invoker('prefs:set'),
  'project:saveAs': invoker('project:saveAs'),
  'project:summary': invoker('project:summary'),
  'project:check': invoker('project:check'),
  'recent:list': invoker('recent:list'),
  'recent:forget': invoker('recent:forget'),
  'dialog:pickProject': invoker('dialog:pickProject'),
  'dialog:pickExport': invoker('dialog:pickExport'),
  'import:inspect': invoker('import:inspect'),
  'import:preview': invoker('import:preview'),
  'import:start': invoker('import:start'),
  'import:status': invoker('import:status'),
  'import:cancel': invoker('import:cancel'),
  'import:history': invoker('import:history'),
  'import:issues': invoker('import:issues'),
  'import:issuesCsv': invoker('import:issuesCsv'),
  'data:overview': invoker('data:overview'),
  'data:rows': invoker('data:rows'),
  'data:scopeChoices': invoker('data:scopeChoices'),
  'data:dateRange': invoker('data:dateRange'),
  'model:series': invoker('model:series'),
  'model:pipeline': invoker('model:pipeline'),
  'model:velocity': invoker('model:velocity'),
  'model:working': invoker('model:working'),
  'model:robustness': invoker('model:robustness'),
  'model:bootstrapStart': invoker('model:bootstrapStart'),
  'model:bootstrapStatus': invoker('model:bootstrapStatus'),
  'model:bootstrapCancel': invoker('model:bootstrapCancel'),
  'groups:get': invoker('groups:get'),
  'groups:set': invoker('groups:set'),
  'groups:preview': invoker('groups:preview'),
  'data:unresolved': invoker('data:unresolved'),
  'data:memberNames': invoker('data:memberNames'),
  'model:car': invoker('model:car'),
  'model:run': invoker('model:run'),
  'journey:list': invoker('journey:list'),
  'journey:detail': invoker('journey:detail'),
  'scenario:list': invoker('scenario:list'),
  'scenario:save': invoker('scenario:save'),
  'scenario:delete': invoker('scenario:delete'),
  'model:compare': invoker('model:compare'),
  'export:credits': invoker('export:credits'),
  'export:report': invoker('export:report'),
  'restore:list': invoker('restore:list'),
  'restore:apply': invoker('restore:apply'),
  'project:saveAnonymised': invoker('project:saveAnonymised'),
} satisfies TributaryBridge;

contextBridge.exposeInMainWorld('tributary', bridge);

// A file dropped on the window: its path on disk, so the import reads it where it is (browser mode uploads it).
contextBridge.exposeInMainWorld('tributaryFiles', {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
