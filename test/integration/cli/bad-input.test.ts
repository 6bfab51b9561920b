import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage, createConversation } from '../../../electron/services/chat/chat-store';
import { openStore } from '../../../electron/services/store/store';
import { hearth } from '../../helpers/hearth-cli';

/** Folders for the whole table (useTempDir's are removed after each test). */
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bad-input-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Paths the table uses, made once. */
let data: string;
let notes: string;
let aFile: string;
let missing: string;
let aFolder: string;
let noTab: string;
let binary: string;

beforeAll(async () => {
  data = tempDir();
  notes = tempDir();
  writeFileSync(join(notes, 'lamp.md'), '# Lamp\n\nThe lamp burns paraffin.\n');
  expect((await hearth(['index', notes, '--collection', 'Notes', '--data-dir', data])).code).toBe(0);
  const store = openStore({ dataDir: data });
  const chat = createConversation(store.hearth);
  addMessage(store.hearth, { conversationId: chat.id, parentId: null, role: 'user', content: 'q' });
  store.close();
  aFolder = tempDir();
  aFile = join(aFolder, 'a-file');
  writeFileSync(aFile, 'not a folder');
  missing = join(aFolder, 'no', 'such', 'place');
  noTab = join(aFolder, 'no-tab.tsv');
  writeFileSync(noTab, 'which lamp burns paraffin lamp.md\n');
  binary = join(aFolder, 'binary.tsv');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 9, 0x80]));
  mkdirSync(join(aFolder, 'folder.tsv'));
});

/** [command line, exit code]; `--data-dir` is added unless the line has one. */
type Row = [args: () => string[], exit: 1 | 2];

const TABLE: Record<string, Row[]> = {
  index: [
    [() => ['index'], 2],
    [() => ['index', notes, '--collection', ''], 2],
    [() => ['index', missing], 1],
    [() => ['index', notes, '--data-dir', aFile], 2],
    [() => ['index', notes, '--data-dir', missing], 2],
    [() => ['index', notes, '--bogus'], 2],
  ],
  library: [
    [() => ['library'], 2],
    [() => ['library', 'bogus'], 2],
    [() => ['library', 'status', '--slowest', '-5'], 2],
    [() => ['library', 'status', '--slowest', 'many'], 2],
    [() => ['library', 'status', 'extra'], 2],
    [() => ['library', 'status', '--data-dir', missing], 2],
  ],
  search: [
    [() => ['search'], 2],
    [() => ['search', 'lamp', '--limit', '-5'], 2],
    [() => ['search', 'lamp', '--limit'], 2],
    [() => ['search', 'lamp', '--mode', 'psychic'], 2],
    [() => ['search', 'lamp', '--collection', 'Nope'], 1],
    [() => ['search', '--json=1', 'lamp'], 2],
  ],
  ask: [
    [() => ['ask'], 2],
    [() => ['ask', 'which lamp', '--model', 'nope'], 1],
    [() => ['ask', 'which lamp', '--collection', 'Nope'], 1],
    [() => ['ask', 'which lamp', '--data-dir', aFile], 2],
    [() => ['ask', '-- "--bogus"'], 2],
  ],
  eval: [
    [() => ['eval'], 2],
    [() => ['eval', 'retrieval', '--collection', 'Notes'], 2],
    [() => ['eval', 'retrieval', '--questions', missing, '--collection', 'Notes'], 1],
    [() => ['eval', 'retrieval', '--questions', join(aFolder, 'folder.tsv'), '--collection', 'Notes'], 2],
    [() => ['eval', 'retrieval', '--questions', noTab, '--collection', 'Notes'], 1],
    [() => ['eval', 'retrieval', '--questions', binary, '--collection', 'Notes'], 1],
  ],
  models: [
    [() => ['models'], 2],
    [() => ['models', 'bogus'], 2],
    [() => ['models', 'import'], 2],
    [() => ['models', 'import', missing], 1],
    [() => ['models', 'inspect', 'nope'], 1],
    [() => ['models', 'rm', 'nope'], 1],
    [() => ['models', 'bench', 'nope', '--threads', '0'], 2],
    [() => ['models', 'pull'], 2],
    [() => ['models', 'pull', 'no-such-catalog-entry'], 1],
    [() => ['models', 'list', 'extra'], 2],
  ],
  chats: [
    [() => ['chats'], 2],
    [() => ['chats', 'export', 'first'], 2],
    [() => ['chats', 'export', '999'], 1],
    [() => ['chats', 'export', '1', '--out', join(missing, 'chat.md')], 2],
    [() => ['chats', 'export', '1', '--out', aFolder], 2],
    [() => ['chats', 'export', '1', '--format', 'pdf'], 2],
    [() => ['chats', 'list', 'extra'], 2],
  ],
  serve: [
    [() => ['serve', 'extra'], 2],
    [() => ['serve', '--port', '99999'], 2],
    [() => ['serve', '--port', '-1'], 2],
    [() => ['serve', '--port', 'eighty'], 2],
    [() => ['serve', '--data-dir', missing], 2],
  ],
  completion: [
    [() => ['completion', 'extra'], 2],
    [() => ['completion', '--bogus'], 2],
    [() => ['completion', '--port'], 2],
    [() => ['completion', '--json=yes'], 2],
    [() => ['completion', 'bash', 'zsh'], 2],
  ],
  '(none)': [
    [() => [], 2],
    [() => ['bogus'], 2],
    [() => ['--data-dir'], 2],
    [() => ['-x'], 2],
    [() => ['index', '--data-dir', '/proc/hearth-nope', notes], 2],
    // Node's own recursive mkdir spins forever on /proc; the CLI says it cannot.
    [() => ['index', notes, '--init', '--data-dir', '/proc/hearth-nope/deeper'], 2],
  ],
};

/** Absolute paths in `text` that are not one the command line named (or a folder above one). */
function foreignPaths(text: string, args: string[]): string[] {
  const typed = args.filter((arg) => arg.startsWith('/'));
  const found = [...text.matchAll(/(?:^|[\s"'(`])(\/[^\s"'`),:;]+)/g)].map((match) => match[1]!.replace(/\.$/, ''));
  return found.filter((path) => !typed.some((t) => t.startsWith(path) || path.startsWith(t)));
}

describe('every CLI command, given bad input', () => {
  for (const [command, rows] of Object.entries(TABLE)) {
    it(`${command}: says what is wrong in one line (JSON under --json), with the right exit code, never its insides`, async () => {
      for (const [make, exit] of rows) {
        const line = make();
        const args = line.includes('--data-dir') ? line : [...line, '--data-dir', data];
        const what = args.join(' ');

        const plain = await hearth(args);
        if (process.env['SHOW_MESSAGES']) console.log(`${what}\n  → ${plain.code} ${plain.stderr}`);
        expect(plain.code, what).toBe(exit);
        expect(plain.stdout, what).toBe('');
        expect(plain.stderr, what).toMatch(/^hearth: [^\n]+\n$/);
        expect(plain.stderr, what).not.toMatch(/\n\s+at |\.[cm]?[jt]s:\d|node:internal|Hearth's log/);
        expect(foreignPaths(plain.stderr, args), what).toEqual([]);

        const json = await hearth([...args, '--json']);
        expect(json.code, `${what} --json`).toBe(exit);
        expect(json.stderr, `${what} --json`).toBe('');
        const parsed = JSON.parse(json.stdout) as { error: { code: string; message: string } };
        expect(Object.keys(parsed), what).toEqual(['error']);
        expect(parsed.error.code, what).toMatch(/^[A-Z_]+$/);
        expect(parsed.error.message, what).toMatch(/^[^\n]+$/);
      }
    });
  }
});

describe('the CLI’s words', () => {
  it('speaks of commands, not of the app’s screens', async () => {
    const run = await hearth(['search', 'lamp', '--mode', 'vector', '--data-dir', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/with `hearth models pull` or `hearth models import`/);
    expect(run.stderr).not.toMatch(/in Models|Settings →/);

    // No chat model at all: said in the same words, and the failed ask leaves no conversation.
    const chats = (await hearth(['chats', 'list', '--json', '--data-dir', data])).stdout;
    const ask = await hearth(['ask', 'which lamp', '--data-dir', data]);
    expect(ask.stderr).toBe(
      'hearth: Install a chat model with `hearth models pull` or `hearth models import` to start chatting.\n',
    );
    expect((await hearth(['chats', 'list', '--json', '--data-dir', data])).stdout).toBe(chats);
  });
});
