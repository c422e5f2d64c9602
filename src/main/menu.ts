import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Envelope, Method, Results } from '../shared/api';
import { checkDialog } from './checkDialog';

/**
 * The application menu: the platform's usual menus, plus File > Check project integrity, which runs the same
 * `project:check` as the dashboard's button and answers in a message box.
 */
export function installMenu(
  call: (method: Method, args: unknown) => Promise<Envelope<unknown>>,
  window: () => BrowserWindow | null,
): void {
  async function checkProject(): Promise<void> {
    const envelope = (await call('project:check', {})) as Envelope<Results['project:check']>;
    const shown = checkDialog(envelope.ok ? { report: envelope.result } : { error: envelope.error.message });
    const owner = window();
    const options = { ...shown, title: 'Check project integrity', buttons: ['OK'] };
    await (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Check project integrity', click: () => void checkProject() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
