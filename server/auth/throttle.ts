// Failed sign-ins, counted per account name and per client address in a sliding window: after
// too many, further attempts are refused without checking the password, until the oldest failure
// leaves the window. Kept in memory: a restart forgets them, which costs an attacker a restart
// they cannot cause, and bcrypt's cost already slows each guess.
export interface ThrottleOptions {
  /** Failed sign-ins allowed per account name in the window (default 5). */
  perName?: number;
  /** Failed sign-ins allowed per client address in the window, whatever the names (default 20). */
  perAddress?: number;
  /** The window, in milliseconds (default 15 minutes). */
  windowMs?: number;
}

const MAX_KEYS = 10_000;

export function loginThrottle(o: ThrottleOptions = {}) {
  const perName = o.perName ?? 5;
  const perAddress = o.perAddress ?? 20;
  const windowMs = o.windowMs ?? 15 * 60_000;
  const failures = new Map<string, number[]>();
  const keys = (name: string, address: string): Array<[string, number]> => [[`name:${name.toLowerCase()}`, perName], [`addr:${address}`, perAddress]];
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    /** Milliseconds until this name may try again from this address; 0 when it may now. */
    wait(name: string, address: string, now = Date.now()): number {
      let wait = 0;
      for (const [key, max] of keys(name, address)) {
        const list = recent(key, now);
        if (list.length >= max) wait = Math.max(wait, list[list.length - max]! + windowMs - now);
      }
      return wait;
    },
    failed(name: string, address: string, now = Date.now()) {
      for (const [key, max] of keys(name, address)) {
        if (!failures.has(key) && failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!);
        failures.set(key, [...recent(key, now), now].slice(-max));
      }
    },
    /** A right password clears the name's failures (not the address's: others may be guessing from it). */
    succeeded(name: string) {
      failures.delete(`name:${name.toLowerCase()}`);
    },
  };
}
