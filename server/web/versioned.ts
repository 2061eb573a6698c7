// Wraps a Store so the web layer knows when data changed: page indexes are cached per
// version, and every write (ours, the folder watcher's, the pipeline's) bumps it.
import type { Store } from '../store/index.js';

export interface VersionedStore extends Store {
  version(): number;
}

const WRAPPED = Symbol('versioned');

export function versioned(store: Store): VersionedStore {
  if ((store as unknown as Record<symbol, boolean>)[WRAPPED]) return store as VersionedStore;
  let v = 0;
  const out: VersionedStore = {
    location: store.location,
    read: () => store.read(),
    // Bump inside the change: the data is mutated in memory even if the disk write then fails.
    update: (change) =>
      store.update((db) => {
        try {
          change(db);
        } finally {
          v++;
        }
      }),
    version: () => v,
  };
  Object.defineProperty(out, WRAPPED, { value: true });
  return out;
}
