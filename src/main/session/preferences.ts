import { join } from 'node:path';
import { preferencesSchema, type Preferences } from '../../shared/preferences';
import { readJsonFile, writeJsonFile } from './jsonFile';

const FILE_NAME = 'preferences.json';

/** The theme, the last project and the window's size, in the user-data folder (one small JSON file). */
export class PreferencesFile {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, FILE_NAME);
  }

  read(): Preferences {
    return readJsonFile(this.file, preferencesSchema, preferencesSchema.parse({}));
  }

  update(change: Partial<Preferences>): Preferences {
    const next = { ...this.read(), ...change };
    writeJsonFile(this.file, next);
    return next;
  }
}
