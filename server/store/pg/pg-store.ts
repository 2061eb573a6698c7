// The team store: PostgreSQL behind the same Store interface as claims.json. A snapshot is
// loaded at open (read() stays synchronous, like lowdb); each update runs in one transaction
// that locks store_meta's row (so writers queue, across processes), reloads the snapshot if
// another process wrote since, applies the change, and writes only the rows that differ.
// A review click is therefore one small transaction, not a rewrite of everything.
import pg from 'pg';
import type { Db } from '../../types.js';
import { COLLECTIONS } from '../shape.js';
import { normaliseDb, type Store } from '../store.js';
import { deepFreeze, diffTable, persistedTable, type PersistedTable, type TableDiff } from './diff.js';
import { migrate } from './migrations.js';
import { TABLES, type Collection } from './tables.js';

export interface PgOptions {
  /** A schema of its own (created if missing), e.g. for tests; default: the connection's search_path. */
  schema?: string;
}

type Snapshot = Record<Collection, PersistedTable>;

/** The URL without its password, for messages. */
export const safeUrl = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL URL given';
  }
};

export async function openPgStore(url: string, o: PgOptions = {}): Promise<Store> {
  const location = safeUrl(url) + (o.schema ? ` (schema ${o.schema})` : '');
  if (o.schema && !/^\w+$/.test(o.schema)) throw new Error(`schema name "${o.schema}" should be letters, digits and _`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    allowExitOnIdle: true, // a CLI command exits when it is done, without a close()
    options: o.schema ? `-c search_path=${o.schema}` : undefined,
  });
  pool.on('error', (e) => console.error(`crosscheck: PostgreSQL connection error (${location}): ${e.message}`));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end();
    throw new Error(`cannot reach PostgreSQL at ${location}: ${(e as Error).message}. Is the server running, and the URL (--db or DATABASE_URL) right?`);
  }
  let state: { db: Db; snapshot: Snapshot; rev: string };
  try {
    if (o.schema) {
      // CREATE SCHEMA IF NOT EXISTS fails in one of two processes that run it at once (a unique
      // violation), so it is run under the lock the migrations take.
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('crosscheck schema migrations'))`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${o.schema}`);
      await client.query('COMMIT');
    }
    await migrate(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    state = await load(client, location);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    await pool.end();
    throw e;
  }
  client.release();

  // Changes whose transaction failed: they stand in memory, and are replayed if a reload
  // (another process wrote) replaces the snapshot, until one commit succeeds.
  let pending: Array<(db: Db) => void> = [];
  const apply = async (change: (db: Db) => void) => {
    let c: pg.PoolClient;
    try {
      c = await pool.connect();
    } catch (e) {
      // Server gone: the change stands in memory like a failed file write, and is sent with the next commit.
      change(state.db);
      pending.push(change);
      throw new Error(`cannot reach PostgreSQL at ${location}: ${(e as Error).message}; the change is kept in memory and saved with the next successful write`);
    }
    // A connection lost mid-transaction also emits 'error' on the client; the query rejects
    // anyway, so the event is only kept from crashing the process.
    const lost = () => {};
    c.on('error', lost);
    let changed = false;
    let threw = false;
    let failure: Error | undefined;
    try {
      await c.query('BEGIN');
      const { rows } = await c.query<{ rev: string }>('SELECT rev::text AS rev FROM store_meta WHERE id = 1 FOR UPDATE');
      if (rows[0]!.rev !== state.rev) {
        state = await load(c, location);
        for (const p of pending) p(state.db);
      }
      try {
        change(state.db);
      } catch (e) {
        threw = true; // the caller's own error: nothing of it is kept
        throw e;
      }
      changed = true;
      const diffs = diffAll(state);
      const rev = await writeDiffs(c, diffs, state.rev);
      await c.query('COMMIT');
      for (const name of COLLECTIONS) state.snapshot[name] = diffs[name].next;
      state.rev = rev;
      pending = [];
    } catch (e) {
      failure = e as Error;
      await c.query('ROLLBACK').catch(() => {});
      if (threw) throw e;
      // The database failed, not the change: like a failed file write, it stands in memory.
      if (!changed) change(state.db);
      pending.push(change);
      throw new Error(`writing to PostgreSQL at ${location} failed: ${failure.message}; the change is kept in memory and saved with the next successful write`);
    } finally {
      c.off('error', lost);
      c.release(failure); // a client that failed is dropped, not reused
    }
  };

  let queue: Promise<void> = Promise.resolve();
  let closed: Promise<void> | undefined;
  return {
    location,
    read: () => state.db,
    update(change) {
      const next = queue.then(() => apply(change));
      queue = next.catch(() => {}); // a failed write must not block the ones after it
      return next;
    },
    close: () => (closed ??= queue.then(() => pool.end())),
  };
}

/** Everything, in the collections' order, checked entry by entry like claims.json. */
async function load(c: pg.PoolClient, location: string): Promise<{ db: Db; snapshot: Snapshot; rev: string }> {
  const meta = (await c.query<{ rev: string; version: number }>('SELECT rev::text AS rev, version FROM store_meta WHERE id = 1')).rows[0]!;
  const raw: Record<string, unknown> = { version: meta.version };
  const snapshot = {} as Snapshot;
  for (const name of COLLECTIONS) {
    const t = TABLES[name];
    const rows = (await c.query<{ doc: object }>(`SELECT doc FROM ${t.name} ORDER BY written_rev, pos`)).rows;
    raw[name] = rows.map((r) => r.doc);
  }
  const db = normaliseDb(raw, location);
  for (const name of COLLECTIONS) {
    const t = TABLES[name];
    const list = db[name] as object[];
    if (t.replacedWhole) list.forEach(deepFreeze);
    snapshot[name] = persistedTable(t, list);
  }
  return { db, snapshot, rev: meta.rev };
}

/** Diffs every collection; drops from memory (with a message) entries that hold a non-finite number. */
function diffAll(state: { db: Db; snapshot: Snapshot }): Record<Collection, TableDiff> {
  const out = {} as Record<Collection, TableDiff>;
  for (const name of COLLECTIONS) {
    const before = state.snapshot[name];
    const d = diffTable(TABLES[name], state.db[name], before);
    if (d.refused.length) {
      for (const r of d.refused) console.error(`crosscheck: not stored, ${r.message}`);
      const bad = new Set(d.refused.map((r) => r.index));
      (state.db[name] as unknown[]) = (state.db[name] as unknown[]).filter((_, i) => !bad.has(i));
    }
    // Frozen once written: an in-place edit then throws instead of going unsaved (see tables.ts).
    if (TABLES[name].replacedWhole && d.next.byKey !== before.byKey) for (const p of d.next.byKey.values()) deepFreeze(p.ref);
    out[name] = d;
  }
  return out;
}

const BATCH = 500;

/** Writes the diffs and bumps the revision; returns the new one (the old when nothing changed). */
async function writeDiffs(c: pg.PoolClient, diffs: Record<Collection, TableDiff>, rev: string): Promise<string> {
  if (COLLECTIONS.every((n) => !diffs[n].upserts.length && !diffs[n].deletes.length)) return rev;
  const next = (await c.query<{ rev: string }>('UPDATE store_meta SET rev = rev + 1 WHERE id = 1 RETURNING rev::text AS rev')).rows[0]!.rev;
  for (const name of COLLECTIONS) {
    const t = TABLES[name];
    const d = diffs[name];
    if (d.deletes.length) await c.query(`DELETE FROM ${t.name} WHERE ${t.key.column} = ANY($1::text[])`, [d.deletes]);
    const cols = [t.key.column, 'written_rev', 'pos', ...t.columns.map(([col]) => col), 'doc'];
    const set = cols.slice(1).map((col) => `${col} = EXCLUDED.${col}`).join(', ');
    for (let i = 0; i < d.upserts.length; i += BATCH) {
      const chunk = d.upserts.slice(i, i + BATCH);
      const params: unknown[] = [];
      const tuples = chunk.map((u, j) => {
        const values = [u.key, next, i + j, ...t.columns.map(([, read]) => read(u.entry)), u.json];
        const marks = values.map((_, k) => `$${params.length + k + 1}`);
        marks[marks.length - 1] += '::json';
        params.push(...values);
        return `(${marks.join(', ')})`;
      });
      await c.query(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${t.key.column}) DO UPDATE SET ${set}`, params);
    }
  }
  return next;
}

