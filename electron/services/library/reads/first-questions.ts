import type { SqliteDatabase } from '../../store/db';

/** Headings read to choose from: the most common of a collection's, so a big folder stays fast. */
const HEADINGS_READ = 200;

/**
 * A few questions to start a first chat with, drawn from what a collection holds: its most
 * frequent section headings (the topics its files are written around), then its largest files by
 * name. Worded so any heading reads as a question, whatever its grammar.
 */
export function firstQuestions(db: SqliteDatabase, collectionId: number, limit = 4): string[] {
  const headings = db
    .prepare(
      `SELECT c.heading_path AS heading, count(*) AS n
         FROM chunks c JOIN documents d ON d.id = c.document_id
        WHERE d.collection_id = ? AND d.status = 'indexed' AND c.heading_path != ''
        GROUP BY c.heading_path ORDER BY n DESC, c.heading_path LIMIT ?`,
    )
    .all(collectionId, HEADINGS_READ) as Array<{ heading: string }>;
  const topics = distinct(headings.map(({ heading }) => heading.split(' › ').pop()!.trim()).filter(usable));
  const files = db
    .prepare(
      `SELECT path FROM documents WHERE collection_id = ? AND status = 'indexed' ORDER BY size DESC, path LIMIT ?`,
    )
    .all(collectionId, limit) as Array<{ path: string }>;
  const names = distinct(files.map(({ path }) => fileTitle(path)).filter(usable));
  const fromFiles = Math.min(names.length, Math.max(1, limit - topics.length));
  return [
    ...topics.slice(0, limit - fromFiles).map((topic) => `What do my files say about “${topic}”?`),
    ...names.slice(0, fromFiles).map((name) => `What is “${name}” about?`),
  ];
}

/** A file's name as a title: no folder, no extension, separators as spaces. */
function fileTitle(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
}

/** Short enough to read in a button, long enough to mean something, and not just a number. */
function usable(text: string): boolean {
  return text.length >= 3 && text.length <= 60 && /\p{L}{2}/u.test(text);
}

function distinct(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
