import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMessage, createConversation } from '../../../../electron/services/chat/chat-store';
import type { Recovery } from '../../../../electron/services/store/db';
import { openStore, type DatabaseName } from '../../../../electron/services/store/store';
import { leafPages, leaveCrashMarker, writeGarbage } from '../../../helpers/corrupt';
import { hearth } from '../../../helpers/hearth-cli';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const CHATS = 40;
const PAGE = 4096;

/** A data folder with `CHATS` chats of six messages each, closed cleanly. */
function seedChats(dataDir: string): void {
  const store = openStore({ dataDir });
  try {
    for (let c = 0; c < CHATS; c++) {
      const conversation = createConversation(store.hearth);
      let parentId: number | null = null;
      for (let m = 0; m < 6; m++) {
        const content = `Chat ${c}, message ${m}: ${'what the user asked and what the model said. '.repeat(6)}`;
        parentId = addMessage(store.hearth, {
          conversationId: conversation.id,
          parentId,
          role: m % 2 ? 'assistant' : 'user',
          content,
        }).id;
      }
    }
  } finally {
    store.close();
  }
}

/** Opens the data folder after a crash (the in-use marker left behind) and counts what is there. */
function reopenAfterCrash(dataDir: string) {
  const hearthDb = join(dataDir, 'hearth.db');
  leaveCrashMarker(hearthDb);
  const recoveries: Array<[DatabaseName, Recovery]> = [];
  const store = openStore({ dataDir, onRecovered: (database, recovery) => recoveries.push([database, recovery]) });
  try {
    const count = (sql: string) => (store.hearth.prepare(sql).get() as { n: number }).n;
    const repair = recoveries[0]?.[1].repair;
    console.log(
      `${expect.getState().currentTestName}: chats ${CHATS} → ${count('SELECT count(*) AS n FROM conversations')}, ` +
        `messages ${CHATS * 6} → ${count('SELECT count(*) AS n FROM messages')} (${repair ? repair.method : 'not repaired'})`,
    );
    return {
      recoveries,
      chats: count('SELECT count(*) AS n FROM conversations'),
      messages: count('SELECT count(*) AS n FROM messages'),
      searchable: count("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'asked'"),
      integrity: store.hearth.pragma('integrity_check', { simple: true }),
    };
  } finally {
    store.close();
  }
}

function kept(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith('hearth.db.corrupt-') && !/-(wal|shm)$/.test(name));
}

describe('a damaged hearth.db is repaired before it is given up', () => {
  it('a damaged index: REINDEX fixes it, every chat is there, and the damaged file is kept', () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    const index = leafPages(path, 'messages_by_conversation');
    // Forty bytes of index entries overwritten: the index no longer matches its table.
    writeGarbage(path, (index[0]! - 1) * PAGE + PAGE - 200, 40);

    const after = reopenAfterCrash(dataDir);

    expect(after.recoveries).toHaveLength(1);
    const [database, recovery] = after.recoveries[0]!;
    expect(database).toBe('hearth');
    expect(recovery.repair).toMatchObject({ method: 'reindexed', unreadable: [], headerRebuilt: false });
    expect(after.chats).toBe(CHATS);
    expect(after.messages).toBe(CHATS * 6);
    expect(after.searchable).toBe(CHATS * 6);
    expect(after.integrity).toBe('ok');
    expect(kept(dataDir)).toHaveLength(1);
    expect(existsSync(recovery.movedTo)).toBe(true);
  });

  it('a whole index page of garbage: every chat is there', () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    writeGarbage(path, (leafPages(path, 'messages_by_conversation')[0]! - 1) * PAGE, PAGE);

    const after = reopenAfterCrash(dataDir);

    expect(after.recoveries[0]![1].repair).not.toBeNull();
    expect(after.chats).toBe(CHATS);
    expect(after.messages).toBe(CHATS * 6);
    expect(after.integrity).toBe('ok');
  });

  it('a damaged table page: every chat survives, the messages on that page are lost and the rest kept', () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    const leaves = leafPages(path, 'messages');
    expect(leaves.length).toBeGreaterThan(4);
    writeGarbage(path, (leaves[Math.floor(leaves.length / 2)]! - 1) * PAGE, PAGE);

    const after = reopenAfterCrash(dataDir);

    const { repair } = after.recoveries[0]![1];
    expect(repair).toMatchObject({ method: 'copied', unreadable: ['messages'] });
    expect(after.chats).toBe(CHATS);
    expect(after.messages).toBeLessThan(CHATS * 6);
    expect(after.messages).toBeGreaterThan(CHATS * 6 - 20);
    expect(after.searchable).toBe(after.messages);
    expect(after.integrity).toBe('ok');
  });

  it('a truncated file: what is before the cut is kept', () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    truncateSync(path, Math.floor(statSync(path).size / PAGE / 2) * PAGE);

    const after = reopenAfterCrash(dataDir);

    expect(after.recoveries[0]![1].repair).toMatchObject({ method: 'copied' });
    expect(after.chats).toBeGreaterThan(0);
    expect(after.messages).toBeGreaterThan(0);
    expect(after.integrity).toBe('ok');
  });

  it('a zeroed header: the header is rebuilt and every chat is there', () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    writeFileSync(path, Buffer.alloc(100), { flag: 'r+' });

    const after = reopenAfterCrash(dataDir);

    expect(after.recoveries[0]![1].repair).toMatchObject({ method: 'copied', headerRebuilt: true, unreadable: [] });
    expect(after.chats).toBe(CHATS);
    expect(after.messages).toBe(CHATS * 6);
    expect(after.integrity).toBe('ok');
  });

  it('the CLI says what happened, on stderr and as JSON under --json', async () => {
    const dataDir = tempDir();
    seedChats(dataDir);
    const path = join(dataDir, 'hearth.db');
    writeGarbage(path, (leafPages(path, 'messages_by_conversation')[0]! - 1) * PAGE + PAGE - 200, 40);
    leaveCrashMarker(path);
    const plain = await hearth(['chats', 'list', '--data-dir', dataDir]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/chats and settings database was damaged and has been repaired/);
    expect(plain.stderr).toMatch(/nothing was lost/);

    writeGarbage(path, (leafPages(path, 'messages_by_conversation')[0]! - 1) * PAGE + PAGE - 200, 40);
    leaveCrashMarker(path);
    const json = await hearth(['chats', 'list', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const notice = JSON.parse(json.stderr.trim().split('\n')[0]!) as { notice: { kind: string; data: Recovery } };
    expect(notice.notice.kind).toBe('store.recovered');
    expect(notice.notice.data.repair).toMatchObject({ method: 'reindexed' });
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(CHATS);
  });
});
