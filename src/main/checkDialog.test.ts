import { describe, expect, it } from 'vitest';
import { checkDialog } from './checkDialog';

describe('checkDialog', () => {
  const report = { path: '/p.sqlite', ok: true, schemaVersion: 1, problems: [] };

  it('says a sound project has no problems', () => {
    expect(checkDialog({ report })).toEqual({ type: 'info', message: 'No problems found', detail: '/p.sqlite' });
  });

  it('lists the first problems and counts the rest', () => {
    const problems = Array.from({ length: 20 }, (_, i) => `problem ${i}`);
    const shown = checkDialog({ report: { ...report, ok: false, problems } });
    expect(shown.type).toBe('warning');
    expect(shown.message).toBe('20 problems found in /p.sqlite');
    expect(shown.detail.split('\n')).toHaveLength(16);
    expect(shown.detail).toMatch(/…and 5 more \(tributary check lists them all\)$/);
  });

  it('says why the check could not run', () => {
    expect(checkDialog({ error: 'No project is open' })).toMatchObject({ type: 'error', detail: 'No project is open' });
  });
});
