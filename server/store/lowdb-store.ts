// claims.json through lowdb, safe with several processes on one file:
// - every update holds an exclusive lock (file-lock.ts) from reading to renaming;
// - under the lock the file is re-read if another process wrote it since we last did, and the
//   change is applied to that fresh data, so both processes' updates survive;
// - the write goes to a temp file of our own, fsynced, then renamed (durable-write.ts);
// - a file that does not parse or has the wrong shape is never overwritten: we stop with a message.
import { readFile, stat } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { Db } from '../types.js';
import { emptyDb, normaliseDb, type Store } from './store.js';
import { dropNonFinite } from './finite.js';
import { removeStaleTemps, writeFileDurably } from './durable-write.js';
import { withFileLock, type LockOptions } from './file-lock.js';
import { jsonChunks, linesOf, parseJsonLines } from './json-stream.js';

/** From this size on, claims.json is read line by line rather than as one string. */
const LINE_READ_FROM = 64 * 1048576;

/** A file's identity: a rename gives a new inode, a rewrite a new mtime/size. */
type Stamp = string;
const stampOf = async (file: string): Promise<Stamp> => {
  const s = await stat(file, { bigint: true }).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : 'missing';
};

/**
 * lowdb adapter: validated read, durable write. Before the rename it checks that the lock is
 * still ours and the file is still the one we read (`expected`), so nothing is overwritten blind.
 */
function jsonFile(file: string, stillHeld: () => boolean, expected?: () => Stamp): Adapter<Db> {
  return {
    async read() {
      let raw: unknown;
      try {
        const size = (await stat(file)).size;
        // A big file is read line by line (our own layout, one entry per line): never one string.
        raw = (size >= LINE_READ_FROM ? await parseJsonLines(linesOf(file)) : undefined) ?? JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new Error(`cannot read ${file}: ${(e as Error).message}. The file was left untouched; move it aside or choose another with --db.`);
      }
      try {
        return normaliseDb(raw, file);
      } catch (e) {
        throw new Error(`${(e as Error).message}. The file was left untouched; fix or remove that entry, or choose another file with --db.`);
      }
    },
    // Compact JSON, one entry per line, written in pieces: a million claims indented would
    // double the file and the write time, and as one string a big store does not fit at all.
    write: (data) =>
      writeFileDurably(file, jsonChunks({ ...data }), async () => {
        const changed = expected && (await stampOf(file)) !== expected();
        if (!stillHeld() || changed)
          throw new Error(`${file} was changed by another process while this one held the lock (was the system stalled?); nothing was written, try again`);
      }),
  };
}

export async function openJsonStore(file: string, lock: LockOptions = {}): Promise<Store> {
  // Not lowdb's JSONFilePreset: under NODE_ENV=test it silently keeps everything in memory.
  const low = new Low<Db>(jsonFile(file, () => true), emptyDb());
  await low.read();
  let stamp = await stampOf(file);
  // Changes applied in memory whose write failed: replayed on fresh data until one succeeds,
  // so a disk error never loses what a user was told is kept.
  let pending: Array<(db: Db) => void> = [];
  let cleaned = await cleanUpIfFree(file, lock);

  let queue: Promise<void> = Promise.resolve();
  const locked = (change: (db: Db) => void) =>
    withFileLock(
      file,
      async (stillHeld) => {
        if (!cleaned) cleaned = !!(await removeStaleTemps(file));
        const now = await stampOf(file);
        // Another process wrote: start from its data, ours not yet saved on top. (A file that
        // vanished is not "new data": what we hold is written back rather than lost.)
        if (now !== stamp && now !== 'missing') {
          const fresh = new Low<Db>(jsonFile(file, stillHeld), emptyDb());
          await fresh.read();
          for (const p of pending) p(fresh.data);
          low.data = fresh.data;
        }
        stamp = now;
        change(low.data);
        for (const m of dropNonFinite(low.data)) console.error(`crosscheck: not stored, ${m}`);
        try {
          await jsonFile(file, stillHeld, () => stamp).write(low.data);
        } catch (e) {
          pending.push(change);
          throw e;
        }
        pending = [];
        stamp = await stampOf(file);
      },
      lock,
    );
  return {
    location: file,
    read: () => low.data,
    update(change) {
      const next = queue.then(() => locked(change));
      // A failed write must not block the ones after it; the caller still sees the error.
      queue = next.catch(() => {});
      return next;
    },
  };
}

/** Temp files of killed writers go now if no one holds the lock (no waiting at open), else at the first update. */
async function cleanUpIfFree(file: string, lock: LockOptions): Promise<boolean> {
  try {
    await withFileLock(file, () => removeStaleTemps(file), { ...lock, waitMs: 0 });
    return true;
  } catch {
    return false;
  }
}
