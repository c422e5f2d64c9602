import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

const APP_FOLDER = 'Tributary';

/**
 * The folder for what belongs to this computer rather than to a project: recent projects, the demo project.
 * `TRIBUTARY_HOME` wins (tests, portable setups); otherwise the XDG config folder, which is where Electron keeps
 * the desktop app's user data on Linux, so browser mode and the desktop app share their recent list there.
 */
export function resolveUserDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  const explicit = env['TRIBUTARY_HOME'];
  if (explicit) return resolve(explicit);
  const xdg = env['XDG_CONFIG_HOME'];
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, APP_FOLDER);
  return join(home, '.config', APP_FOLDER);
}
