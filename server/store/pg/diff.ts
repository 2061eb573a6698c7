// What one update changed, collection by collection, against what is in the database: rows
// to upsert and keys to delete. Pure, so the store writes exactly this in one transaction.
import { nonFinitePath } from '../finite.js';
import { keyOf, type Table } from './tables.js';

/** What the database holds for one key: the entry as last written, and its JSON when it may be edited in place. */
export interface Persisted {
  ref: object;
  json?: string;
}

/** One table as last written: by key, and the entries in order (for the no-change fast path). */
export interface PersistedTable {
  byKey: ReadonlyMap<string, Persisted>;
  refs: readonly unknown[];
}

export interface Upsert {
  key: string;
  entry: Record<string, unknown>;
  json: string;
}

export interface TableDiff {
  upserts: Upsert[];
  deletes: string[];
  /** Entries not written because they hold Infinity or NaN (JSON cannot); the caller drops them from memory. */
  refused: Array<{ index: number; message: string }>;
  /** What the database will hold once this diff is committed. */
  next: PersistedTable;
}

export const persistedOf = (t: Table, entry: object, json?: string): Persisted =>
  t.replacedWhole ? { ref: entry } : { ref: entry, json: json ?? JSON.stringify(entry) };

export const persistedTable = (t: Table, list: readonly object[]): PersistedTable => ({
  byKey: new Map(list.map((e) => [keyOf(t, e), persistedOf(t, e)])),
  refs: [...list],
});

/** The same entries in the same order: true for claims and articles on a review click. */
const sameRefs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function diffTable(t: Table, list: readonly unknown[], table: PersistedTable): TableDiff {
  if (t.replacedWhole && sameRefs(list, table.refs)) return { upserts: [], deletes: [], refused: [], next: table };
  const before = table.byKey;
  const next = new Map<string, Persisted>();
  const out: TableDiff = { upserts: [], deletes: [], refused: [], next: { byKey: next, refs: [] } };
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    const key = keyOf(t, entry);
    if (next.has(key)) throw new Error(`${t.name}: two entries share the key "${key}"; the database keeps one per key, so nothing was written`);
    const prev = before.get(key);
    // Replaced-whole entries: the same object means the same row, no need to serialise it.
    if (prev && t.replacedWhole && prev.ref === entry) {
      next.set(key, prev);
      continue;
    }
    const json = JSON.stringify(entry);
    if (prev && json === (prev.json ?? JSON.stringify(prev.ref))) {
      next.set(key, persistedOf(t, entry as object, json));
      continue;
    }
    const bad = nonFinitePath(entry);
    if (bad) {
      out.refused.push({ index, message: `${t.name}[${index}] (id ${key}): ${bad} is not a finite number` });
      if (prev) next.set(key, prev); // the stored version stays as it was
      continue;
    }
    out.upserts.push({ key, entry: entry as Record<string, unknown>, json });
    next.set(key, persistedOf(t, entry as object, json));
  }
  for (const key of before.keys()) if (!next.has(key)) out.deletes.push(key);
  // Refused entries leave memory (the caller drops them), so they are not in the order either.
  const refused = new Set(out.refused.map((r) => r.index));
  out.next.refs = refused.size ? list.filter((_, i) => !refused.has(i)) : [...list];
  return out;
}
