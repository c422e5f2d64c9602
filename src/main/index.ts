import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, net, protocol, screen, session as electronSession } from 'electron';
import { METHOD_NAMES, ipcChannel } from '../shared/methods';
import { dispatch } from './handlers/dispatch';
import { EngineClient } from './engineHost/engineClient';
import type { Dialogs } from './handlers/dialogHandlers';
import { createHandlers } from './handlers/index';
import { ImportJobs } from './import/jobs';
import { installMenu } from './menu';
import type { PreferencesFile } from './session/preferences';
import { Session } from './session/session';
import { windowBounds } from './session/windowState';

/**
 * The desktop shell: a window, IPC onto the shared handler table, and the security settings of Electron's
 * checklist. Everything else lives in plain-Node modules that the CLI and browser mode share.
 */

const APP_SCHEME = 'tributary';
const rendererDir = join(import.meta.dirname, '../renderer');
// Development aids only: a packaged app trusts no other page and loads no other native module, whatever the
// environment says (the fuses in electron-builder.yml close the same doors for NODE_OPTIONS and --inspect).
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Tests and side-by-side installs point the app at another user-data folder (recent projects, demo project).
if (process.env['TRIBUTARY_HOME']) app.setPath('userData', process.env['TRIBUTARY_HOME']);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The Electron-ABI build of better-sqlite3 that `npm start` makes, kept apart from Node's (scripts/start.mjs). */
function nativeBinding(): string | undefined {
  const candidate =
    (app.isPackaged ? undefined : process.env['TRIBUTARY_NATIVE_BINDING']) ??
    join(app.getAppPath(), '.electron-native/better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function isOwnContent(url: string): boolean {
  return url.startsWith(`${APP_SCHEME}://app/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = resolve(rendererDir, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
    const inside = relative(rendererDir, file);
    if (inside.startsWith('..') || inside.startsWith(sep) || !existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}

function registerIpc(window: () => BrowserWindow | null): Session {
  const dialogs: Dialogs = {
    async pickProject(purpose, suggestedName) {
      const owner = window();
      const filters =
        purpose === 'csv'
          ? [{ name: 'CSV export', extensions: ['csv', 'txt', 'tsv'] }]
          : [{ name: 'Tributary project', extensions: ['sqlite'] }];
      if (purpose === 'open' || purpose === 'csv') {
        const options = { properties: ['openFile' as const], filters };
        const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      const options = { defaultPath: suggestedName ? `${suggestedName}.sqlite` : undefined, filters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async pickExport(format, suggestedName) {
      const owner = window();
      const filters = [
        format === 'csv' ? { name: 'CSV file', extensions: ['csv'] } : { name: 'HTML page', extensions: ['html'] },
      ];
      const options = { defaultPath: suggestedName, filters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
  const binding = nativeBinding();
  const session = new Session({ userDataDir: app.getPath('userData'), ...(binding ? { nativeBinding: binding } : {}) });
  // Their threads run the bundled workers beside this script (src/main/workerScript.ts), as the CLI's do.
  const jobs = new ImportJobs(binding ? { nativeBinding: binding } : {});
  const engine = new EngineClient(binding ? { nativeBinding: binding } : {});
  // Booted with the app, so opening the first project goes straight to loading it.
  engine.start();
  const handlers = createHandlers({ session, mode: 'desktop', dialogs, jobs, engine });
  installMenu((method, args) => dispatch(handlers, method, args), window);
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, args: unknown) => {
      // Only our own page may call the API, never a frame or page that got loaded some other way.
      if (!event.senderFrame || !isOwnContent(event.senderFrame.url)) {
        return { ok: false, error: { code: 'bad_request', message: 'Caller is not Tributary.' } };
      }
      return dispatch(handlers, method, args);
    });
  }
  // Quitting cancels a running import (it rolls back), ends the engine worker and closes the project before the
  // app exits.
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void Promise.all([jobs.stopAll(), engine.stop()]).finally(() => {
      session.close();
      stopped = true;
      app.quit();
    });
  });
  return session;
}

function createWindow(preferences: PreferencesFile): BrowserWindow {
  const saved = preferences.read().window;
  const window = new BrowserWindow({
    ...windowBounds(
      saved,
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Tributary',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // Remembered for the next start: the normal size and place, and whether it was maximised.
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    preferences.update({ window: { x, y, width, height, maximized: window.isMaximized() } });
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnContent(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL(devServerUrl ?? `${APP_SCHEME}://app/index.html`);
  return window;
}

void app.whenReady().then(() => {
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveRenderer();
  let mainWindow: BrowserWindow | null = null;
  const session = registerIpc(() => mainWindow);
  mainWindow = createWindow(session.preferences);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(session.preferences);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
