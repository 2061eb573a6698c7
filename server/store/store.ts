// The one interface the rest of Crosscheck uses to keep data. claims.json (lowdb) is
// the first implementation; a server database can take its place behind the same calls.
import type { Db } from '../types.js';
import { COLLECTIONS, collectionProblem } from './shape.js';

export interface Store {
  /** The current data. Treat it as read-only outside update(). */
  read(): Db;
  /**
   * Applies one batch of changes and persists it with a single write. Calls are serialised,
   * also across processes: `change` gets the freshest data, which may hold another process's
   * writes that read() did not show yet, so it should work from its argument.
   */
  update(change: (db: Db) => void): Promise<void>;
  /** Where the data lives, for messages. */
  readonly location: string;
  /** Lets go of connections and timers (a database pool); the data is already saved. */
  close?(): Promise<void>;
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
  reviewEvents: [],
  users: [],
  sessions: [],
});

/**
 * Fills in collections an older or hand-edited file lacks; rejects what is not a Crosscheck db,
 * naming the first entry of the wrong shape, so the caller can stop before anything is written.
 */
export function normaliseDb(raw: unknown, location: string): Db {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${location} does not hold a Crosscheck database (expected a JSON object, found ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw})`);
  const db = { ...emptyDb(), ...(raw as Partial<Db>) };
  for (const k of COLLECTIONS) {
    if (!Array.isArray(db[k])) throw new Error(`${location}: "${k}" should be a list`);
    const problem = collectionProblem(k, db[k]);
    if (problem) throw new Error(`${location}: ${problem}`);
  }
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
