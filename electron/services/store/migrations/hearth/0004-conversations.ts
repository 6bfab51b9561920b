import type { Migration } from '../../migration';

/**
 * Chats. Messages form a tree (`parent_id`): editing a question or regenerating an answer adds a
 * sibling, so nothing is ever overwritten, and `active_leaf_id` says which branch the conversation
 * shows. A conversation keeps its own model, system prompt, collections and generation settings.
 * An answer keeps its reasoning apart from its content, and its citations, retrieval trace and
 * generation stats beside it. `status` is `streaming` while an answer is written (saved as it
 * grows, so a crash keeps what was generated; at the next start such rows become `stopped`).
 * A grounded question keeps in `prompt` the exact text the model was given (its sources
 * included), so later turns replay it token for token and the model's cache stays valid.
 * `messages_fts` indexes every message's text for chat search.
 */
export const conversations: Migration = {
  version: 4,
  name: 'conversations',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL DEFAULT '',
        title_source   TEXT NOT NULL DEFAULT 'none' CHECK (title_source IN ('none', 'generated', 'user')),
        model_id       TEXT,
        system_prompt  TEXT NOT NULL DEFAULT '',
        collection_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(collection_ids)),
        generation     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(generation)),
        active_leaf_id INTEGER,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conversations_recent ON conversations (updated_at DESC);

      CREATE TABLE messages (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        parent_id       INTEGER REFERENCES messages (id) ON DELETE CASCADE,
        role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content         TEXT NOT NULL DEFAULT '',
        prompt          TEXT,
        reasoning       TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'streaming', 'stopped', 'failed')),
        model_id        TEXT,
        citations       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(citations)),
        trace           TEXT CHECK (trace IS NULL OR json_valid(trace)),
        stats           TEXT CHECK (stats IS NULL OR json_valid(stats)),
        error           TEXT,
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX messages_children ON messages (parent_id, id);
      CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
      -- Start-up looks for answers a crash interrupted: a lookup, however many chats there are.
      CREATE INDEX messages_streaming ON messages (id) WHERE status = 'streaming';

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, content = 'messages', content_rowid = 'id', tokenize = 'porter unicode61'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);
      END;
    `);
  },
};
