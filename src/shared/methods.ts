/**
 * The fixed list of API methods. The Electron preload exposes exactly these and no other channel; it imports this
 * file alone so the sandboxed preload bundle stays small. src/shared/api.ts checks that every name has a schema.
 */
export const METHOD_NAMES = [
  'app:info',
  'project:create',
  'project:open',
  'project:openDemo',
  'project:current',
  'project:close',
  'project:reopenLast',
  'prefs:get',
  'prefs:set',
  'project:saveAs',
  'project:summary',
  'project:check',
  'recent:list',
  'recent:forget',
  'dialog:pickProject',
  'dialog:pickExport',
  'import:inspect',
  'import:preview',
  'import:start',
  'import:status',
  'import:cancel',
  'import:history',
  'import:issues',
  'import:issuesCsv',
  'data:overview',
  'data:rows',
  'data:unresolved',
  'data:memberNames',
  'data:scopeChoices',
  'data:dateRange',
  'model:car',
  'model:run',
  'journey:list',
  'journey:detail',
  'scenario:list',
  'scenario:save',
  'scenario:delete',
  'model:compare',
  'model:series',
  'model:pipeline',
  'model:velocity',
  'model:working',
  'model:robustness',
  'model:bootstrapStart',
  'model:bootstrapStatus',
  'model:bootstrapCancel',
  'groups:get',
  'groups:set',
  'groups:preview',
  'export:credits',
  'export:report',
  'restore:list',
  'restore:apply',
  'project:saveAnonymised',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel of a method: the method name itself, prefixed so no Electron-internal channel can collide. */
export function ipcChannel(method: MethodName): string {
  return `tributary:${method}`;
}
