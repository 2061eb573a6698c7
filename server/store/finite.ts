// JSON has no Infinity or NaN: JSON.stringify writes them as null, which reads back as a
// missing value and later as a false discrepancy. So an entry holding one is not stored.
import type { Db } from '../types.js';
import { COLLECTIONS } from './shape.js';

/** Whether a value holds a non-finite number anywhere: the fast check run on every entry written. */
export function hasNonFinite(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (!v || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasNonFinite(x)) return true;
    return false;
  }
  for (const k in v) if (hasNonFinite((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** The path of the first non-finite number inside a value ("value", "anchor.start"), or null. */
export function nonFinitePath(v: unknown, path = ''): string | null {
  if (!hasNonFinite(v)) return null;
  return pathOf(v, path);
}

function pathOf(v: unknown, path: string): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path || '(value)';
  if (!v || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const found = pathOf(x, path ? `${path}.${k}` : k);
    if (found) return found;
  }
  return null;
}

/**
 * Removes, in place, every entry that holds a non-finite number, and says which.
 * Only entries (one claim, one finding) go: the rest of the batch is still stored.
 */
export function dropNonFinite(db: Db): string[] {
  const dropped: string[] = [];
  for (const name of COLLECTIONS) {
    const list = db[name] as unknown[];
    if (!list.some(hasNonFinite)) continue;
    (db[name] as unknown[]) = list.filter((e, i) => {
      const path = nonFinitePath(e);
      if (path) dropped.push(`${name}[${i}]${idText(e)}: ${path} is ${valueAt(e, path)}`);
      return !path;
    });
  }
  return dropped;
}

const idText = (e: unknown) => {
  const id = (e as { id?: unknown; findingId?: unknown }).id ?? (e as { findingId?: unknown }).findingId;
  return typeof id === 'string' ? ` (id ${id})` : '';
};
const valueAt = (e: unknown, path: string) => String(path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], e));
