// What one update changed, collection by collection, against what is in the database: rows
// to upsert and keys to delete. Pure, so the store writes exactly this in one transaction.
import { nonFinitePath } from '../finite.js';
import { keyOf, type Table } from './tables.js';

/**
 * What the database holds for one key: the entry as last written, and, for an entry edited in
 * place (a review), its JSON and its top-level fields as written. An edit replaces a field's
 * value (r.status = …, r.primarySource = {…}), so the same object with the same field values
 * is the same row, found without serialising it; the values themselves are frozen, so an edit
 * inside one (r.judged.x = …) throws instead of going unsaved.
 */
export interface Persisted {
  ref: object;
  json?: string;
  fields?: Record<string, unknown>;
}

/** Freezes an object and everything it holds. */
export function deepFreeze(o: unknown): void {
  if (!o || typeof o !== 'object' || Object.isFrozen(o)) return;
  Object.freeze(o);
  for (const v of Object.values(o)) deepFreeze(v);
}

function editedInPlace(entry: object, json: string): Persisted {
  const fields = { ...entry } as Record<string, unknown>;
  for (const v of Object.values(fields)) deepFreeze(v);
  return { ref: entry, json, fields };
}

/** The same own fields holding the same values as when written. */
function sameFields(entry: object, fields: Record<string, unknown>): boolean {
  const e = entry as Record<string, unknown>;
  let n = 0;
  for (const k in e) {
    if (!Object.hasOwn(e, k)) continue;
    if (!Object.hasOwn(fields, k) || e[k] !== fields[k]) return false;
    n++;
  }
  return n === Object.keys(fields).length;
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
  t.replacedWhole ? { ref: entry } : editedInPlace(entry, json ?? JSON.stringify(entry));

export const persistedTable = (t: Table, list: readonly object[]): PersistedTable => ({
  byKey: new Map(list.map((e) => [keyOf(t, e), persistedOf(t, e)])),
  refs: [...list],
});

/** The same entries in the same order: true for claims and articles on a review click. */
function sameRefs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  // A plain loop: this runs over every claim on every review click.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

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
    // Replaced-whole entries: the same object means the same row, no need to serialise it; an
    // entry edited in place is the same row while its fields hold what was written.
    if (prev && prev.ref === entry && (t.replacedWhole || (prev.fields && sameFields(entry, prev.fields)))) {
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
