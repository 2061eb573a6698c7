// claims.json through lowdb. Writes go through steno (write to a temp file, then rename),
// so a crash mid-write never leaves half a file. A file that does not parse is never
// overwritten: we stop with a message instead, because it may hold a team's reviews.
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Db } from '../types.js';
import { emptyDb, normaliseDb, type Store } from './store.js';

export async function openJsonStore(file: string): Promise<Store> {
  // Not JSONFilePreset: under NODE_ENV=test it silently keeps everything in memory.
  // Compact JSON: a million claims indented would double the file and the write time.
  const adapter = new DataFile<Db>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });
  const low = new Low<Db>(adapter, emptyDb());
  try {
    await low.read();
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}. The file was left untouched; move it aside or choose another with --db.`);
  }
  low.data = normaliseDb(low.data, file);
  let queue: Promise<void> = Promise.resolve();
  return {
    location: file,
    read: () => low.data,
    update(change) {
      const next = queue.then(async () => {
        change(low.data);
        await low.write();
      });
      // A failed write must not block the ones after it; the caller still sees the error.
      queue = next.catch(() => {});
      return next;
    },
  };
}
