import { contextBridge, ipcRenderer } from 'electron';
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
  'project:saveAs': invoker('project:saveAs'),
  'project:summary': invoker('project:summary'),
  'recent:list': invoker('recent:list'),
  'recent:forget': invoker('recent:forget'),
  'dialog:pickProject': invoker('dialog:pickProject'),
} satisfies TributaryBridge;

contextBridge.exposeInMainWorld('tributary', bridge);
