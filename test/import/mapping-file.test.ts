import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cliIo';
import { useTempDir } from '../helpers/files';
import { writeFixture } from './fixtures';

const tempDir = useTempDir();

describe('a mapping file that names a column the kind does not have', () => {
  it('is refused with the nearest column, before a project is made, so no header is lost in silence', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const csv = writeFixture(dir, 'accounts.csv', 'account_id,name,Website\nA1,Acme,acme.com\n');
    const mapping = writeFixture(dir, 'm.json', '{"columns": {"domian": "Website"}}');
    const result = await runCliCaptured(['import', project, 'accounts', csv, '--mapping', mapping], {
      TRIBUTARY_HOME: dir,
    });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `The mapping file ${mapping} maps "domian", which is not a column of accounts (did you mean domain?); ` +
        'the columns are account_id, name, domain, segment, employees.\n',
    );
    expect(existsSync(project)).toBe(false);
  });
});
