import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** The packaged app's fuses cannot be checked here (no Electron binary); their configuration can. */
describe('the desktop package', () => {
  it('sets the fuses of the security checklist', () => {
    const config = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');
    const fuses = config.slice(config.indexOf('electronFuses:'));
    const expected = {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    };
    for (const [fuse, value] of Object.entries(expected)) {
      expect(fuses, fuse).toMatch(new RegExp(`^\\s+${fuse}: ${value}$`, 'm'));
    }
  });
});
