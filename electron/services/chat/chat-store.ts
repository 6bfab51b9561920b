import { type ErrorCode, HearthError, type HearthErrorData } from '../../ipc/errors';
import type {
  Citation,
  Conversation,
  GenerationSettings,
  GenerationStats,
  Message,
  RetrievalTrace,
} from '../../ipc/schemas/chat';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../store/db';
import { keywordQuery } from '../fts/keyword-query';
import { mainText, type MainTextParams } from '../../ipc/main-text';

/**
 * Query functions over the chats in `hearth.db` (migration 0004): conversations, their message
 * trees, and chat search. Nothing here deletes a message when a question is edited or an answer
 * regenerated: those add siblings.
 */

export interface NewConversation {
  modelId?: string | null;
  systemPrompt?: string;
  collectionIds?: number[];
  generation?: GenerationSettings;
}

export function createConversation(db: SqliteDatabase, input: NewConversation = {}): Conversation {
  const now = Date.now();
  const id = Number(
    db
      .prepare(
        `INSERT INTO conversations (model_id, system_prompt, collection_ids, generation, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.modelId ?? null,
        input.systemPrompt ?? '',
        JSON.stringify(input.collectionIds ?? []),
        JSON.stringify(input.generation ?? {}),
        now,
        now,
      ).lastInsertRowid,
  );
  return getConversation(db, id);
}

export function getConversation(db: SqliteDatabase, id: number): Conversation {
  const row = db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as RawConversation | undefined;
  if (!row) throw new HearthError('NOT_FOUND', mainText('chat.noConversation'));
  return toConversation(row);
}

/** Every conversation, most recently active first. */
export function listConversations(db: SqliteDatabase): Conversation[] {
  return (db.prepare('SELECT * FROM conversations ORDER BY updated_at DESC, id DESC').all() as RawConversation[]).map(
    toConversation,
  );
}

export interface ConversationPatch {
  title?: string;
  /** Who gave the title: a generated one never replaces one the user typed. */
  titleSource?: 'generated' | 'user';
  modelId?: string | null;
  systemPrompt?: string;
  collectionIds?: number[];
  generation?: GenerationSettings;
}

export function updateConversation(db: SqliteDatabase, id: number, patch: ConversationPatch): Conversation {
  getConversation(db, id);
  const { sql, values } = assignments({
    model_id: patch.modelId,
    system_prompt: patch.systemPrompt,
    collection_ids: json(patch.collectionIds),
    generation: json(patch.generation),
    updated_at: Date.now(),
  });
  if (patch.title !== undefined) {
    // A generated title never replaces one the user typed.
    const generated = patch.titleSource === 'generated';
    sql.push(
      generated ? `title = CASE WHEN title_source = 'user' THEN title ELSE ? END` : 'title = ?',
      generated
        ? `title_source = CASE WHEN title_source = 'user' THEN 'user' ELSE 'generated' END`
        : `title_source = 'user'`,
    );
    values.push(patch.title);
  }
  db.prepare(`UPDATE conversations SET ${sql.join(', ')} WHERE id = ?`).run(...values, id);
  return getConversation(db, id);
}

export function deleteConversation(db: SqliteDatabase, id: number): void {
  db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
}

export interface NewMessage {
  conversationId: number;
  /** The message it answers or follows; `null` for a conversation's first message. */
  parentId: number | null;
  role: 'user' | 'assistant';
  content?: string;
  status?: Message['status'];
  modelId?: string | null;
}

/** Adds a message (a new branch when its parent already has children) and shows its branch. */
export function addMessage(db: SqliteDatabase, input: NewMessage): Message {
  return db.transaction(() => {
    getConversation(db, input.conversationId);
    if (input.parentId !== null) {
      const parent = getMessage(db, input.parentId);
      if (parent.conversationId !== input.conversationId) {
        throw new HearthError('VALIDATION', 'A message can only follow a message of its own conversation.');
      }
    }
    const now = Date.now();
    const id = Number(
      db
        .prepare(
          `INSERT INTO messages (conversation_id, parent_id, role, content, status, model_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.conversationId,
          input.parentId,
          input.role,
          input.content ?? '',
          input.status ?? 'done',
          input.modelId ?? null,
          now,
        ).lastInsertRowid,
    );
    db.prepare('UPDATE conversations SET active_leaf_id = ?, updated_at = ? WHERE id = ?').run(
      id,
      now,
      input.conversationId,
    );
    return getMessage(db, id);
  })();
}

export interface MessagePatch {
  content?: string;
  /** What the model was given for a user turn, when it is not `content` (sources added). */
  prompt?: string;
  citations?: Citation[];
  trace?: RetrievalTrace | null;
  reasoning?: string;
  status?: Message['status'];
  stats?: GenerationStats | null;
  /** Why the answer failed (its code and message), or `null` to clear it. */
  error?: HearthErrorData | null;
}

export function updateMessage(db: SqliteDatabase, id: number, patch: MessagePatch): Message {
  const { sql, values } = assignments({
    content: patch.content,
    prompt: patch.prompt,
    citations: json(patch.citations),
    trace: json(patch.trace),
    reasoning: patch.reasoning,
    status: patch.status,
    stats: json(patch.stats),
    error: patch.error === undefined ? undefined : (patch.error?.message ?? null),
    error_code: patch.error === undefined ? undefined : (patch.error?.code ?? null),
    error_key: patch.error === undefined ? undefined : (patch.error?.key ?? null),
    error_params:
      patch.error === undefined ? undefined : patch.error?.key ? JSON.stringify(patch.error.params ?? {}) : null,
  });
  if (sql.length > 0) db.prepare(`UPDATE messages SET ${sql.join(', ')} WHERE id = ?`).run(...values, id);
  return getMessage(db, id);
}

/** Each connection's statements for `saveStreamingText`, prepared once. */
const streamingSaves = new WeakMap<SqliteDatabase, { relax: Statement; save: Statement; restore: Statement }>();

/**
 * Saves what an answer has written so far while it streams (every 250 ms, see ChatService), so a
 * crash keeps it: its text and reasoning only, nothing read back, and committed with
 * synchronous=NORMAL. That commit is in the WAL the OS holds, so it survives the app crashing,
 * though not a power cut; the answer's final save (at the connection's own level, FULL for
 * hearth.db) makes everything before it durable. These saves run on the thread that hands
 * node-llama-cpp its next token: through `updateMessage` (a commit that waits for the disk, then
 * the whole message read back) one took ~1.8 ms here, 0.3 ms a token at 30 tokens/s. Only a
 * message still streaming is touched.
 */
export function saveStreamingText(db: SqliteDatabase, id: number, text: { content: string; reasoning: string }): void {
  let statements = streamingSaves.get(db);
  if (!statements) {
    // The connection's own level (0–3), read once: it is set when the connection opens.
    const own = Math.trunc(db.prepare('PRAGMA synchronous').pluck().get() as number);
    statements = {
      relax: db.prepare('PRAGMA synchronous = NORMAL'),
      save: db.prepare(`UPDATE messages SET content = ?, reasoning = ? WHERE id = ? AND status = 'streaming'`),
      restore: db.prepare(`PRAGMA synchronous = ${own}`),
    };
    streamingSaves.set(db, statements);
  }
  statements.relax.run();
  try {
    statements.save.run(text.content, text.reasoning, id);
  } finally {
    statements.restore.run();
  }
}

export function getMessage(db: SqliteDatabase, id: number): Message {
  const row = db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as RawMessage | undefined;
  if (!row) throw new HearthError('NOT_FOUND', mainText('chat.noMessage'));
  return toMessage(row);
}

/** Every message of a conversation, every branch, oldest first. */
export function messagesOf(db: SqliteDatabase, conversationId: number): Message[] {
  return (
    db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY id').all(conversationId) as RawMessage[]
  ).map(toMessage);
}

/** What the model was given for a user message: its `prompt` if it has one, else its content. */
export function promptOf(db: SqliteDatabase, messageId: number): string {
  return db.prepare('SELECT coalesce(prompt, content) FROM messages WHERE id = ?').pluck().get(messageId) as string;
}

/** The messages from the first one down to `leafId`: one branch, as the model sees it. */
export function branchTo(db: SqliteDatabase, leafId: number): Message[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE path (id, depth) AS (
           SELECT id, 0 FROM messages WHERE id = ?
           UNION ALL SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
             WHERE m.parent_id IS NOT NULL)
         SELECT m.* FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC`,
      )
      .all(leafId) as RawMessage[]
  ).map(toMessage);
}

/** The ids of a message and its siblings (same parent, same conversation), oldest first. */
export function siblingIds(db: SqliteDatabase, messageId: number): number[] {
  const message = getMessage(db, messageId);
  return db
    .prepare('SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY id')
    .pluck()
    .all(message.conversationId, message.parentId) as number[];
}

/**
 * Shows the branch through `messageId` (a sibling the user moved to): its newest descendant at
 * each step becomes the conversation's active leaf.
 */
export function selectBranch(db: SqliteDatabase, messageId: number): Conversation {
  const message = getMessage(db, messageId);
  const newestChild = db.prepare('SELECT max(id) FROM messages WHERE parent_id = ?').pluck();
  let leaf = messageId;
  for (
    let child = newestChild.get(leaf) as number | null;
    child !== null;
    child = newestChild.get(leaf) as number | null
  ) {
    leaf = child;
  }
  db.prepare('UPDATE conversations SET active_leaf_id = ? WHERE id = ?').run(leaf, message.conversationId);
  return getConversation(db, message.conversationId);
}

export interface ChatSearchHit {
  conversationId: number;
  conversationTitle: string;
  messageId: number;
  role: 'user' | 'assistant';
  /** Around the matched words, which are wrapped in the given marks. */
  snippet: string;
}

/** Messages of every conversation that match the words of `text`, best first. */
export function searchMessages(
  db: SqliteDatabase,
  text: string,
  options: { limit: number; marks: [string, string] },
): ChatSearchHit[] {
  const { match } = keywordQuery(text);
  if (!match) return [];
  return db
    .prepare(
      `SELECT m.conversation_id AS conversationId, c.title AS conversationTitle, m.id AS messageId, m.role,
         snippet(messages_fts, 0, ?, ?, '…', 24) AS snippet
       FROM messages_fts f JOIN messages m ON m.id = f.rowid JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? ORDER BY bm25(messages_fts) LIMIT ?`,
    )
    .all(options.marks[0], options.marks[1], match, options.limit) as ChatSearchHit[];
}

/** Answers left `streaming` by a crash or a quit become `stopped`, with what was saved of them. */
export function stopInterrupted(db: SqliteDatabase): number {
  return db.prepare(`UPDATE messages SET status = 'stopped' WHERE status = 'streaming'`).run().changes;
}

/** `column = ?` for each value given (`undefined` leaves a column as it is), with the values in order. */
function assignments(columns: Record<string, unknown>): { sql: string[]; values: unknown[] } {
  const given = Object.entries(columns).filter(([, value]) => value !== undefined);
  return { sql: given.map(([column]) => `${column} = ?`), values: given.map(([, value]) => value) };
}

/** A JSON column's value: `undefined` (unchanged) and `null` pass through. */
const json = (value: unknown) => (value === undefined || value === null ? value : JSON.stringify(value));

interface RawConversation {
  id: number;
  title: string;
  model_id: string | null;
  system_prompt: string;
  collection_ids: string;
  generation: string;
  active_leaf_id: number | null;
  created_at: number;
  updated_at: number;
}

function toConversation(row: RawConversation): Conversation {
  return {
    id: row.id,
    title: row.title,
    modelId: row.model_id,
    systemPrompt: row.system_prompt,
    collectionIds: JSON.parse(row.collection_ids) as number[],
    generation: JSON.parse(row.generation) as GenerationSettings,
    activeLeafId: row.active_leaf_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

interface RawMessage {
  id: number;
  conversation_id: number;
  parent_id: number | null;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  status: Message['status'];
  model_id: string | null;
  stats: string | null;
  citations: string;
  trace: string | null;
  error: string | null;
  error_code: ErrorCode | null;
  error_key: string | null;
  error_params: string | null;
  created_at: number;
}

function toMessage(row: RawMessage): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    modelId: row.model_id,
    stats: row.stats ? (JSON.parse(row.stats) as GenerationStats) : null,
    citations: JSON.parse(row.citations) as Citation[],
    trace: row.trace ? (JSON.parse(row.trace) as RetrievalTrace) : null,
    error: row.error,
    errorCode: row.error_code,
    errorText: row.error_key
      ? { key: row.error_key, params: JSON.parse(row.error_params ?? '{}') as MainTextParams, text: row.error ?? '' }
      : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
