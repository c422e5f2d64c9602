import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../test/helpers/cliIo';

describe('a name typed wrong on the command line', () => {
  it('gets the nearest command suggested', async () => {
    const run = await runCliCaptured(['atribute', 'p.sqlite']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('unknown command "atribute" (did you mean attribute?)');
  });

  it('gets the nearest option of the command suggested', async () => {
    const run = await runCliCaptured(['attribute', 'p.sqlite', '--modle', 'linear']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('unknown option --modle (did you mean --model?)');
  });

  it('gets the nearest top-level option suggested', async () => {
    const run = await runCliCaptured(['--verison']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('unknown option --verison (did you mean --version?)');
  });

  it('gets the nearest kind suggested by import', async () => {
    const run = await runCliCaptured(['import', 'p.sqlite', 'acounts', 'a.csv']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('unknown kind "acounts" (did you mean accounts?)');
  });

  it('gets the nearest command suggested by help', async () => {
    const run = await runCliCaptured(['help', 'atribute']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('no command "atribute" (did you mean attribute?)');
  });

  it('gets no suggestion when nothing is close', async () => {
    const run = await runCliCaptured(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('unknown command "frobnicate"\n');
  });
});
