import { TributaryError } from '../../shared/errors';
import type { Handlers } from '../handlerTable';

/** The system file dialogs; only the desktop shell has them. */
export interface Dialogs {
  /** A project to open or save, or a CSV file to import. */
  pickProject(purpose: 'open' | 'save' | 'csv', suggestedName?: string): Promise<string | null>;
  /** Where to save an export file. */
  pickExport(format: 'csv' | 'html', suggestedName?: string): Promise<string | null>;
}

export type DialogHandlerTable = Handlers<'dialog:pickProject' | 'dialog:pickExport'>;

/** The file dialogs' methods: the desktop shell answers them, browser mode says to type a path instead. */
export function createDialogHandlers(dialogs: Dialogs | undefined): DialogHandlerTable {
  return {
    'dialog:pickProject': ({ purpose, suggestedName }) => {
      if (!dialogs) {
        throw new TributaryError('bad_request', 'File dialogs exist only in the desktop app; type a path instead.');
      }
      return dialogs.pickProject(purpose, suggestedName);
    },
    'dialog:pickExport': ({ format, suggestedName }) => {
      if (!dialogs) {
        throw new TributaryError('bad_request', 'File dialogs exist only in the desktop app.');
      }
      return dialogs.pickExport(format, suggestedName);
    },
  };
}
