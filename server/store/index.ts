export type { Store } from './store.js';
export { emptyDb, memoryStore, normaliseDb } from './store.js';
export { openJsonStore } from './lowdb-store.js';
