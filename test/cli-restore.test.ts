import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestorePoints } from '../src/main/store/restorePoints';
import { openProject } from '../src/main/store/project';
import { runCliCaptured } from './helpers/cliIo';
import { useTempDir } from './helpers/files';

const tempDir = useTempDir();

/** Runs the CLI in-process with its user-data folder at `home`. */
const cli = (home: string, args: string[]) => runCliCaptured(args, { TRIBUTARY_HOME: home });

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
