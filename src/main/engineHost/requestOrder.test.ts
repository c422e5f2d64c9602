import { describe, expect, it } from 'vitest';
import type { EngineMethod, EngineRequest } from './protocol';
import { takeNextRequest } from './requestOrder';

const project = { path: '/p.sqlite', generation: 1 };
let id = 0;
const call = (method: EngineMethod): EngineRequest => ({ type: 'call', id: ++id, project, method, args: {} });
const order = (queue: EngineRequest[]): string[] => {
  const taken: string[] = [];
  for (let request = takeNextRequest(queue); request; request = takeNextRequest(queue)) {
    taken.push(request.type === 'call' ? `${request.method}#${request.id}` : request.type);
  }
  return taken;
};

describe('the order the engine worker answers in', () => {
  it('answers a model run before the reads sent ahead of it, and the reads in the order sent', () => {
    id = 0;
    const queue = [call('model:series'), call('model:velocity'), call('model:run'), call('journey:list')];
    expect(order(queue)).toEqual(['model:run#3', 'model:series#1', 'model:velocity#2', 'journey:list#4']);
  });

  it('keeps model runs in the order sent', () => {
    id = 0;
    const queue = [call('model:robustness'), call('model:run'), call('model:run')];
    expect(order(queue)).toEqual(['model:run#2', 'model:run#3', 'model:robustness#1']);
  });

  it('never moves a model run before a write, an open or a status, nor anything sent before those', () => {
    id = 0;
    for (const barrier of [call('groups:set'), call('scenario:save'), call('model:bootstrapStart')]) {
      const queue = [call('model:series'), barrier, call('model:run')];
      const [series, write, run] = queue.map((request) => `${(request as { method: string }).method}#${request.id}`);
      expect(order(queue)).toEqual([series, write, run]);
    }
    const opening: EngineRequest[] = [{ type: 'open', id: 100, project }, call('model:run')];
    expect(order(opening)).toEqual(['open', `model:run#${id}`]);
    const status: EngineRequest[] = [call('model:series'), { type: 'status', id: 101 }, call('model:run')];
    expect(order(status)).toEqual([`model:series#${id - 1}`, 'status', `model:run#${id}`]);
  });
});
