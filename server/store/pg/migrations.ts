// Schema migrations: the SQL files in ./migrations, applied in name order, each once, in one
// transaction; schema_migrations records which ran. An advisory lock keeps two processes
// starting at once from applying the same file twice.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export const migrationFiles = (): string[] => readdirSync(DIR).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();

/** Applies what is missing; returns the names applied now. */
export async function migrate(client: pg.PoolClient): Promise<string[]> {
  const applied: string[] = [];
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('crosscheck schema migrations'))`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const file of migrationFiles()) {
      if (done.has(file)) continue;
      await client.query(readFileSync(DIR + file, 'utf8'));
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      applied.push(file);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  return applied;
}
