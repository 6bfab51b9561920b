import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMessage, createConversation, updateConversation } from '../../../electron/services/chat/chat-store';
import { openStore } from '../../../electron/services/store/store';
import { hearth } from '../../helpers/hearth-cli';
import { itOnPosix } from '../../helpers/platform';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
/** What a terminal would act on: ESC and the other C0 controls but tab and newline, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ACTS_ON_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Sets the window title, clears the screen, and a right-to-left override. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e';

describe('terminal output from hostile files', () => {
  itOnPosix('never passes a file name’s or a file’s control sequences to the terminal', async () => {
    const folder = tempDir();
    const name = `notes${HOSTILE}dm.txt`;
    writeFileSync(join(folder, name), `The lighthouse keeper ${HOSTILE} logs the lamp hours every night.\n`);
    mkdirSync(join(folder, `sub${HOSTILE}`));
    writeFileSync(
      join(folder, `sub${HOSTILE}`, 'more.md'),
      `# Lamp ${HOSTILE}\n\nThe lighthouse lamp burns paraffin.\n`,
    );
    const dataDir = tempDir();

    const runs = [
      await hearth(['index', folder, '--collection', `C${HOSTILE}`, '--data-dir', dataDir]),
      await hearth(['search', 'lighthouse lamp', '--data-dir', dataDir]),
      await hearth(['search', 'lighthouse lamp', '--json', '--data-dir', dataDir]),
      await hearth(['library', 'status', '--slowest', '5', '--data-dir', dataDir]),
      await hearth(['library', 'status', '--json', '--data-dir', dataDir]),
    ];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(ACTS_ON_TERMINAL);
    }
    // Shown, escaped, not dropped: the user can still tell which file it is.
    expect(runs[1]!.stdout).toContain('notes\\u001b]0;owned\\u0007');
    // JSON stays JSON, with the real name in it.
    const found = JSON.parse(runs[2]!.stdout) as { hits: Array<{ path: string }> };
    expect(found.hits.map((hit) => hit.path)).toContain(join(folder, name));
  });

  it('never passes a chat title’s or an answer’s control sequences to the terminal', async () => {
    const dataDir = tempDir();
    const store = openStore({ dataDir });
    const conversation = createConversation(store.hearth);
    updateConversation(store.hearth, conversation.id, { title: `Title ${HOSTILE}`, titleSource: 'user' });
    const question = addMessage(store.hearth, {
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: 'q',
    });
    addMessage(store.hearth, {
      conversationId: conversation.id,
      parentId: question.id,
      role: 'assistant',
      content: `An answer ${HOSTILE}`,
    });
    store.close();

    for (const args of [
      ['chats', 'list'],
      ['chats', 'export', String(conversation.id)],
    ]) {
      const run = await hearth([...args, '--data-dir', dataDir]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(ACTS_ON_TERMINAL);
    }
  });
});
