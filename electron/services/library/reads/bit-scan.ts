import type { SqliteDatabase } from '../../store/db';
import { HammingKernel } from './hamming-kernel';

/**
 * The binary prefilter's scan, over the chunks sqlite-vec stores for a `vec0` table of bit codes.
 *
 * sqlite-vec's own KNN (`embedding MATCH ? AND k = ?`) picks each storage chunk's best `k` by `k`
 * passes over its 1,024 distances (`min_idx` in sqlite-vec.c 0.1.9), so its cost grows with
 * rows × k: at 1M × 384-d and k = 160 it took ~180 ms, of which the Hamming distances are a few.
 * Here the codes are read once into a `HammingKernel` (POPCNT in WebAssembly) and kept there
 * while the database is unchanged; a search computes every distance in one call and selects the
 * nearest `k` by a histogram of distances (there are only bits + 1 of them), so its cost is
 * linear in rows alone, with nothing read or allocated per row.
 *
 * This reads sqlite-vec's shadow tables, which are its storage, not its interface, so the layout is
 * checked on every chunk (blob sizes against the chunk's size and the code width) and the caller
 * falls back to sqlite-vec's KNN whenever it is not the one described here (`null`):
 * - `<t>_chunks(chunk_id, size, validity, rowids)`: `validity` one bit per slot (least significant
 *   first), `rowids` one little-endian i64 per slot;
 * - `<t>_vector_chunks00(rowid = chunk_id, vectors)`: the codes, `size` × code bytes;
 * - `<t>_metadatachunks00(rowid = chunk_id, data)`: the first metadata column (the collection),
 *   one little-endian i64 per slot.
 * test/integration/services/search/bit-scan.test.ts compares it with sqlite-vec's KNN.
 */

/** A table's codes as of one version of the database. */
interface Snapshot {
  table: string;
  /** `PRAGMA data_version` (other connections' commits) and `total_changes()` (this one's). */
  version: string;
  codeBytes: number;
  kernel: HammingKernel;
  /** Per storage chunk: its id, first slot in the kernel, and size. */
  chunks: Array<{ id: number; base: number; size: number }>;
  /** Per slot: 1 when it holds a row (not empty, not deleted). */
  live: Uint8Array;
  /** Per slot: its row's collection (0 for none; collection ids start at 1). */
  collections: Int32Array;
}

/** Each connection's snapshot of the table it last scanned: one, as only one embedder serves. */
const snapshots = new WeakMap<SqliteDatabase, Snapshot>();

/**
 * The rowids of the `k` codes nearest to `query` by Hamming distance (ties in storage order),
 * nearest first, among rows whose collection is in `collectionIds` (all when absent); `null` when
 * the table's storage is not the layout this reads.
 */
export function scanBitCodes(
  db: SqliteDatabase,
  table: string,
  query: Uint8Array,
  k: number,
  collectionIds?: readonly number[],
): number[] | null {
  // One read transaction: the snapshot, its version and the rowids read after are of one state.
  return db.transaction(() => {
    const snapshot = currentSnapshot(db, table, query.byteLength);
    if (!snapshot) return null;
    const nearest = nearestSlots(snapshot, query, k, collectionIds ? new Set(collectionIds) : null);
    // Rowids are read only for the chunks holding a neighbour (8 KB each; all of them are 8 MB at 1M).
    const rowids = db.prepare(`SELECT rowids FROM "${table}_chunks" WHERE chunk_id = ?`).pluck();
    const byChunk = new Map<number, Buffer>();
    const found: number[] = [];
    for (const slot of nearest) {
      const chunk = chunkOf(snapshot, slot);
      let blob = byChunk.get(chunk.id);
      if (!blob) byChunk.set(chunk.id, (blob = rowids.get(chunk.id) as Buffer));
      if (!Buffer.isBuffer(blob) || blob.byteLength !== chunk.size * 8) return null;
      const offset = (slot - chunk.base) * 8;
      found.push(blob.readInt32LE(offset + 4) * 2 ** 32 + blob.readUInt32LE(offset));
    }
    return found;
  })();
}

/** The `k` nearest live slots in scope, nearest first, ties in storage order. */
function nearestSlots(snapshot: Snapshot, query: Uint8Array, k: number, scope: Set<number> | null): number[] {
  const distances = snapshot.kernel.distances(query);
  const { live, collections } = snapshot;
  const histogram = new Uint32Array(query.byteLength * 8 + 1);
  const counted = (slot: number) => live[slot] === 1 && (!scope || scope.has(collections[slot]!));
  for (let slot = 0; slot < distances.length; slot++) if (counted(slot)) histogram[distances[slot]!]!++;
  // The largest distance still among the nearest k: everything nearer is in, then ties in order.
  let threshold = 0;
  let nearer = 0;
  for (; threshold < histogram.length && nearer + histogram[threshold]! < k; threshold++) {
    nearer += histogram[threshold]!;
  }
  let tiesLeft = k - nearer;
  const found: number[] = [];
  for (let slot = 0; slot < distances.length; slot++) {
    const distance = distances[slot]!;
    if (distance > threshold || !counted(slot) || (distance === threshold && tiesLeft-- <= 0)) continue;
    found.push(slot);
  }
  return found.sort((a, b) => distances[a]! - distances[b]! || a - b);
}

function chunkOf(snapshot: Snapshot, slot: number): Snapshot['chunks'][number] {
  let [low, high] = [0, snapshot.chunks.length - 1];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (snapshot.chunks[middle]!.base <= slot) low = middle;
    else high = middle - 1;
  }
  return snapshot.chunks[low]!;
}

/** The table's snapshot, read again when the database changed since; `null` when not readable. */
function currentSnapshot(db: SqliteDatabase, table: string, codeBytes: number): Snapshot | null {
  const names = [`${table}_chunks`, `${table}_vector_chunks00`, `${table}_metadatachunks00`];
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (?, ?, ?)`)
    .pluck()
    .get(...names) as number;
  if (present !== names.length) return null;
  const version = `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
  const held = snapshots.get(db);
  if (held?.table === table && held.version === version && held.codeBytes === codeBytes) return held;
  snapshots.delete(db);
  const snapshot = readSnapshot(db, table, codeBytes, version);
  if (snapshot) snapshots.set(db, snapshot);
  return snapshot;
}

/**
 * Every storage chunk of `table` read into a kernel, or `null` when a blob is not the expected
 * shape. The three tables are read apart and matched here: SQLite joining them took twice as long.
 */
function readSnapshot(db: SqliteDatabase, table: string, codeBytes: number, version: string): Snapshot | null {
  const stored = db
    .prepare(`SELECT chunk_id, size, validity FROM "${table}_chunks" ORDER BY chunk_id`)
    .raw()
    .all() as Array<[number, unknown, unknown]>;
  const blobs = (name: string, column: string) =>
    new Map(db.prepare(`SELECT rowid, ${column} FROM "${name}"`).raw().all() as Array<[number, unknown]>);
  const vectors = blobs(`${table}_vector_chunks00`, 'vectors');
  const metadata = blobs(`${table}_metadatachunks00`, 'data');
  const sizes = stored.map(([, size]) => size);
  if (!sizes.every((size) => Number.isInteger(size) && (size as number) >= 0)) return null;
  const slots = (sizes as number[]).reduce((sum, size) => sum + size, 0);
  const kernel = new HammingKernel(codeBytes, slots);
  const live = new Uint8Array(slots);
  const collections = new Int32Array(slots);
  const chunks: Snapshot['chunks'] = [];
  let base = 0;
  for (const [id, size, validity] of stored as Array<[number, number, unknown]>) {
    const [codes, data] = [vectors.get(id), metadata.get(id)];
    const fits =
      Buffer.isBuffer(validity) &&
      validity.byteLength === Math.ceil(size / 8) &&
      Buffer.isBuffer(codes) &&
      codes.byteLength === size * codeBytes &&
      Buffer.isBuffer(data) &&
      data.byteLength === size * 8;
    if (!fits) return null;
    kernel.setCodes(base, codes);
    for (let slot = 0; slot < size; slot++) {
      live[base + slot] = (validity[slot >> 3]! >> (slot & 7)) & 1;
      // A collection id is small: the low half of the i64, the high half 0.
      if (live[base + slot] && data.readInt32LE(slot * 8 + 4) !== 0) return null;
      collections[base + slot] = data.readInt32LE(slot * 8);
    }
    chunks.push({ id, base, size });
    base += size;
  }
  return { table, version, codeBytes, kernel, chunks, live, collections };
}
