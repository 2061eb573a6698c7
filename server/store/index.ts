export type { Store } from './store.js';
export { emptyDb, memoryStore, normaliseDb } from './store.js';
export { openJsonStore } from './lowdb-store.js';
export { isPostgresUrl, openStore, storeTarget } from './open.js';
export { copyInto, countsOf, firstDifference } from './copy.js';
