// The two back ends the Store contract runs against: lowdb on a temp file, and PostgreSQL
// when DATABASE_URL or a local server answers (CI starts one in .ci/run). Each test gets a
// store of its own: a new file, or a new schema dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openJsonStore, type Store } from '../../server/store/index.js';
import { openPgStore } from '../../server/store/pg/pg-store.js';

export interface Place {
  /** What a child process passes to writer.ts: a file path, or a URL (with PG_SCHEMA in env). */
  target: string;
  env: Record<string, string>;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: string;
  /** Why this back end is skipped here, or undefined when it runs. */
  skip?: string;
  place(): Promise<Place>;
}

export const jsonBackend: Backend = {
  name: 'claims.json (lowdb)',
  async place() {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-contract-'));
    const target = join(dir, 'claims.json');
    return { target, env: {}, open: () => openJsonStore(target, { staleMs: 5000 }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** DATABASE_URL, else a server on this machine's default port; null if none answers. */
async function reachablePg(): Promise<{ url?: string; why?: string }> {
  const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return { url };
  } catch (e) {
    // CI sets DATABASE_URL: a server it cannot reach there is a failure, not a skip.
    if (process.env.DATABASE_URL) throw new Error(`DATABASE_URL is set but PostgreSQL does not answer: ${(e as Error).message}`);
    return { why: `PostgreSQL store tests skipped: no server reachable (set DATABASE_URL=postgres://user:pass@host/db to run them; ${(e as Error).message})` };
  }
}

const found = await reachablePg();
if (found.why) console.log(found.why);

export const pgBackend: Backend = {
  name: 'PostgreSQL',
  skip: found.why,
  async place() {
    const schema = `cc_test_${randomBytes(5).toString('hex')}`;
    const url = found.url!;
    return {
      target: url,
      env: { PG_SCHEMA: schema },
      open: () => openPgStore(url, { schema }),
      async cleanup() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      },
    };
  },
};

export const BACKENDS = [jsonBackend, pgBackend];
