// What one update changed, collection by collection, against what is in the database: rows
// to upsert and keys to delete. Pure, so the store writes exactly this in one transaction.
import { nonFinitePath } from '../finite.js';
import { keyOf, type Table } from './tables.js';

/** What the database holds for one key: the entry as last written, and its JSON when it may be edited in place. */
export interface Persisted {
  ref: object;
  json?: string;
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
  next: Map<string, Persisted>;
}

export const persistedOf = (t: Table, entry: object, json?: string): Persisted =>
  t.replacedWhole ? { ref: entry } : { ref: entry, json: json ?? JSON.stringify(entry) };

export function diffTable(t: Table, list: readonly unknown[], before: ReadonlyMap<string, Persisted>): TableDiff {
  const out: TableDiff = { upserts: [], deletes: [], refused: [], next: new Map() };
  for (const [index, entry] of list.entries()) {
    const key = keyOf(t, entry);
    if (out.next.has(key)) throw new Error(`${t.name}: two entries share the key "${key}"; the database keeps one per key, so nothing was written`);
    const prev = before.get(key);
    // Replaced-whole entries: the same object means the same row, no need to serialise it.
    if (prev && t.replacedWhole && prev.ref === entry) {
      out.next.set(key, prev);
      continue;
    }
    const json = JSON.stringify(entry);
    if (prev && json === (prev.json ?? JSON.stringify(prev.ref))) {
      out.next.set(key, persistedOf(t, entry as object, json));
      continue;
    }
    const bad = nonFinitePath(entry);
    if (bad) {
      out.refused.push({ index, message: `${t.name}[${index}] (id ${key}): ${bad} is not a finite number` });
      if (prev) out.next.set(key, prev); // the stored version stays as it was
      continue;
    }
    out.upserts.push({ key, entry: entry as Record<string, unknown>, json });
    out.next.set(key, persistedOf(t, entry as object, json));
  }
  for (const key of before.keys()) if (!out.next.has(key)) out.deletes.push(key);
  return out;
}
