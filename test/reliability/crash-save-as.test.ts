import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/main/store/project';
import { sha256OfFile } from '../helpers/files';
import { HANG_GUARD_MS, runAndKill, type KillAt } from './children';
import { killMoments, ranUnkilled, seededRandom, type KillSpan } from './state';
import { KILLS, plainState, removeProject, useStoreCrashSetup } from './storeCrash';

const setup = useStoreCrashSetup();

describe('save-as killed with SIGKILL', () => {
  it(
    `leaves no target or a complete one, and the source untouched (${KILLS} kills)`,
    { timeout: HANG_GUARD_MS },
    async () => {
      const { dir, big, child } = setup();
      const source = join(dir, 'source.sqlite');
      copyFileSync(big, source);
      const sourceHash = sha256OfFile(source);
      const sourceState = plainState(source);
      expect(sha256OfFile(source)).toBe(sourceHash);

      const saves = join(dir, 'saves');
      mkdirSync(saves);
      const full = await runAndKill([child, 'save-as', source, join(saves, 'full.sqlite')], process.env);
      expect(full.stderr).toBe('');
      expect(full.code).toBe(0);
      expect(plainState(join(saves, 'full.sqlite'))).toEqual(sourceState);

      const random = seededRandom(0x5a5e);
      const tally = { absent: 0, complete: 0, finished: 0, partialsLeft: 0 };
      // One target name for every run, as a user saving again after a crash would: each save clears what the
      // killed one before it left.
      const target = join(saves, 'copy.sqlite');
      const span: KillSpan = { ms: full.ms };
      for (const [run, delay] of killMoments(KILLS, span, random, () => tally.absent + tally.complete)) {
        // Two kills in five wait for a moment too short for wall-clock delays to hit reliably: the copy being
        // written under its hidden name, and the target just renamed into place.
        const killAt: KillAt =
          run % 5 === 2
            ? { when: () => readdirSync(saves).some((name) => name.includes('.partial-')) }
            : run % 5 === 4
              ? { when: () => existsSync(target) }
              : { afterMs: delay };
        const end = await runAndKill([child, 'save-as', source, target], process.env, killAt);
        if (!end.killed) ranUnkilled(span, end.ms);
        const label = `run ${run}, ${'afterMs' in killAt ? `killed after ${Math.round(delay)} ms` : 'killed on a file event'}`;
        if (!end.killed) expect(end.code, `${label}: ${end.stderr}`).toBe(0);
        expect(sha256OfFile(source), label).toBe(sourceHash);
        if (!existsSync(target)) {
          expect(end.killed, label).toBe(true);
          tally.absent++;
        } else {
          expect(checkProject(target).problems, label).toEqual([]);
          expect(plainState(target, true), label).toEqual(sourceState);
          if (end.killed) tally.complete++;
          else tally.finished++;
        }
        removeProject(target);
      }
      const partials = (): string[] => readdirSync(saves).filter((name) => name.includes('.partial-'));
      tally.partialsLeft = partials().length;
      console.info(`save-as crash test: full run ${Math.round(full.ms)} ms; ${JSON.stringify(tally)}`);
      expect(plainState(source)).toEqual(sourceState);
      // A killed save leaves its half-made copy under a hidden name; the next save to that name removes it.
      const last = await runAndKill([child, 'save-as', source, target], process.env);
      expect(last.code, last.stderr).toBe(0);
      expect(partials()).toEqual([]);
      expect(tally.absent).toBeGreaterThan(0);
      expect(tally.complete).toBeGreaterThan(0);
    },
  );
});
