// Which store a command opens: --db wins, then DATABASE_URL, then claims.json here.
// A postgres:// URL opens PostgreSQL; anything else is a claims.json path.
import { resolve } from 'node:path';
import type { Store } from './store.js';
import { openJsonStore } from './lowdb-store.js';

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

export function storeTarget(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const target = db ?? (env.DATABASE_URL || 'claims.json');
  return isPostgresUrl(target) ? target : resolve(target);
}

export async function openStore(target: string): Promise<Store> {
  if (!isPostgresUrl(target)) return openJsonStore(target);
  // Loaded only when asked for, so the one-person default never pays for the driver.
  const { openPgStore } = await import('./pg/pg-store.js');
  return openPgStore(target);
}
