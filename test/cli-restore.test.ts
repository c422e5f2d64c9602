import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/main/cli/main';
import { RestorePoints } from '../src/main/store/restorePoints';
import { openProject } from '../src/main/store/project';
import { useTempDir } from './helpers/files';

const tempDir = useTempDir();

function captured(home: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTTY: false,
    env: { TRIBUTARY_HOME: home },
  };
}

async function cli(home: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captured(home);
  const code = await runCli(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('tributary restore-points, restore and anonymise', () => {
  it('lists the points the app made and restores one, which can be undone', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const path = join(dir, 'p.sqlite');
    expect((await cli(home, ['new', path])).code).toBe(0);
    expect(await cli(home, ['restore-points', path])).toMatchObject({ code: 0, out: /^No restore points/ });

    // What the app does before an import: a point in the same user-data folder.
    const project = openProject(path);
    const point = await new RestorePoints(home).make(project, 'import');
    project.db.prepare("INSERT INTO accounts (account_id) VALUES ('A1')").run();
    project.close();

    const listed = await cli(home, ['restore-points', path]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${point.id}  ${point.createdAt}  import +\\d+ bytes$`, 'm'));

    expect((await cli(home, ['restore', path, point.id])).code).toBe(0);
    const check = await cli(home, ['check', path]);
    expect(check.out).toMatch(/accounts:\s+0$/m);
    expect((await cli(home, ['restore-points', path])).out).toMatch(/_restore {2}\S+ {2}restore/);

    expect(await cli(home, ['restore', path, 'nope'])).toMatchObject({ code: 1, err: /No restore point nope/ });
    expect(await cli(home, ['restore', path])).toMatchObject({ code: 2 });
  });

  it('writes an anonymised copy that check reports as such, and refuses to overwrite', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const path = join(dir, 'demo.sqlite');
    const out = join(dir, 'shared.sqlite');
    expect((await cli(home, ['demo', path, '--scale', '500'])).code).toBe(0);
    expect(await cli(home, ['anonymise', path, out])).toMatchObject({ code: 0, out: /^Wrote .*anonymised copy/ });
    expect((await cli(home, ['check', out])).out).toMatch(/anonymised:\s+\d{4}-\d\d-\d\dT.*without personal data/);
    expect((await cli(home, ['check', path])).out).not.toMatch(/anonymised/);
    expect(await cli(home, ['anonymise', path, out])).toMatchObject({ code: 1, err: /already exists/ });
  });
});
