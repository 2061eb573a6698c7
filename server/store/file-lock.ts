// One writer at a time on a file, across processes: proper-lockfile's mkdir lock beside it
// (FILE.lock), refreshed while held and taken over once stale, so a killed writer never
// blocks the others for longer than `staleMs`.
import type lockfile from 'proper-lockfile';

export interface LockOptions {
  /** How long to wait for another process before giving up with a message. */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process (library minimum 5 s). */
  staleMs?: number;
}

export const LOCK_DEFAULTS = { waitMs: 60_000, staleMs: 20_000 };

export class LockTimeoutError extends Error {}

/** Runs `fn` holding the lock on `file`; `stillHeld()` says whether the lock was lost meanwhile. */
export async function withFileLock<T>(file: string, fn: (stillHeld: () => boolean) => Promise<T>, o: LockOptions = {}): Promise<T> {
  const { waitMs, staleMs } = { ...LOCK_DEFAULTS, ...o };
  let compromised = false;
  const release = await acquire(file, waitMs, {
    stale: staleMs,
    realpath: false, // the file need not exist yet
    onCompromised: () => void (compromised = true), // checked before the rename, never a crash
  });
  try {
    return await fn(() => !compromised);
  } finally {
    await release().catch(() => {}); // a lock already lost is no error of this write
  }
}

/** Tries until `waitMs` has passed; polling with jitter so waiters do not move in step. */
async function acquire(file: string, waitMs: number, opts: lockfile.LockOptions): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  // Loaded on first use: a command that never writes a claims.json (report --articles) need not pay for it at start-up.
  const { lock } = (await import('proper-lockfile')).default;
  for (;;) {
    try {
      return await lock(file, opts);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() >= deadline)
        throw new LockTimeoutError(
          `${file} is locked by another Crosscheck process (${file}.lock) and was not released within ${Math.round(waitMs / 1000)} s. ` +
            'Wait for that ingest or server to finish, or stop it; a lock left by a killed process is taken over by itself after ' +
            `${Math.round(opts.stale! / 1000)} s.`,
        );
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
    }
  }
}
