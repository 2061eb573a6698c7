// What every route module gets: the store, the cached index and the shared middleware.
import type { RequestHandler } from 'express';
import type { Db } from '../types.js';
import { refreshFindings, type Extract } from '../check/index.js';
import { HttpError } from './errors.js';
import { msg } from './i18n.js';
import type { csrf } from './csrf.js';
import type { Index } from './model/index.js';
import type { VersionedStore } from './versioned.js';

export interface Ctx {
  store: VersionedStore;
  index: () => Index;
  /** CSRF check; mount after the body parser. */
  verify: RequestHandler;
  /** The CSRF checks an upload gets before its body is read (see csrf.ts). */
  csrf: ReturnType<typeof csrf>;
  /** A small urlencoded body parser for ordinary forms. */
  form: RequestHandler;
  articlesDir?: string;
  /** Reads an added article's claims off the request thread, with a time limit. */
  extract: Extract;
}

/**
 * One write. If the disk write fails the change still stands in memory (lowdb applies it
 * before writing) and goes to disk with the next successful save; the user is told, and
 * gets back what they typed.
 */
export async function save(ctx: Ctx, change: (db: Db) => void, opts: { recheck?: boolean; kept?: string } = {}): Promise<void> {
  try {
    await ctx.store.update((db) => {
      change(db);
      // Re-align and re-compare in the same write, so findings never lag the claims on disk.
      if (opts.recheck) refreshFindings(db);
    });
  } catch (e) {
    console.error(`crosscheck web: saving to ${ctx.store.location} failed:`, e);
    throw new HttpError(503, msg('err.saveFailed', { location: ctx.store.location, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), opts.kept);
  }
}
