import type { Migration } from '../../migration';
import { settings } from './0001-settings';
import { models } from './0002-models';
import { machine } from './0003-machine';
import { conversations } from './0004-conversations';
import { messageErrorCodes } from './0005-message-error-codes';
import { messageErrorText } from './0006-message-error-text';

/** `hearth.db`: the user's own data (chats, settings, models). Append only; never edit a shipped step. */
export const hearthMigrations: readonly Migration[] = [
  settings,
  models,
  machine,
  conversations,
  messageErrorCodes,
  messageErrorText,
];
