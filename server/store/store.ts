// The one interface the rest of Crosscheck uses to keep data. claims.json (lowdb) is
// the first implementation; a server database can take its place behind the same calls.
import type { Db } from '../types.js';

export interface Store {
  /** The current data. Treat it as read-only outside update(). */
  read(): Db;
  /** Applies one batch of changes and persists it with a single write. Calls are serialised. */
  update(change: (db: Db) => void): Promise<void>;
  /** Where the data lives, for messages. */
  readonly location: string;
}

export const emptyDb = (): Db => ({
  version: 1,
  articles: [],
  claims: [],
  findings: [],
  reviews: [],
  annotations: [],
  manualClaims: [],
  corrections: [],
});

/** Fills in collections an older or hand-edited file lacks; rejects what is not a Crosscheck db. */
export function normaliseDb(raw: unknown, location: string): Db {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${location} does not hold a Crosscheck database (expected a JSON object)`);
  const db = { ...emptyDb(), ...(raw as Partial<Db>) };
  for (const k of ['articles', 'claims', 'findings', 'reviews', 'annotations', 'manualClaims', 'corrections'] as const)
    if (!Array.isArray(db[k])) throw new Error(`${location}: "${k}" should be a list`);
  return db as Db;
}

/** A store in memory only: for tests and for one-shot reports. */
export function memoryStore(initial: Db = emptyDb()): Store {
  let data = initial;
  let queue = Promise.resolve();
  return {
    location: ':memory:',
    read: () => data,
    update(change) {
      queue = queue.then(() => {
        change(data);
      });
      return queue;
    },
  };
}
