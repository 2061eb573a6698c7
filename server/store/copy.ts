// `crosscheck migrate`: copies every collection of one store into another (claims.json into
// PostgreSQL, or back), in one update, then reopens the destination and compares it with the
// source entry by entry, so "copied" is only said when nothing was lost.
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../types.js';
import { COLLECTIONS } from './shape.js';
import type { Store } from './store.js';

export type Counts = Record<(typeof COLLECTIONS)[number], number>;

export const countsOf = (db: Db): Counts => Object.fromEntries(COLLECTIONS.map((k) => [k, db[k].length])) as Counts;

/** Refuses a destination that already holds data: a copy never overwrites anyone's work. */
export async function copyInto(from: Store, to: Store): Promise<Counts> {
  const held = COLLECTIONS.filter((k) => to.read()[k].length);
  if (held.length)
    throw new Error(`${to.location} already holds data (${held.map((k) => `${to.read()[k].length} ${k}`).join(', ')}); migrate copies into an empty store only, nothing was written`);
  const src = from.read();
  await to.update((d) => {
    for (const k of COLLECTIONS) (d[k] as unknown[]) = structuredClone(src[k]);
  });
  return countsOf(src);
}

/** The first collection whose entries differ, or null when the two are equal. */
export function firstDifference(a: Db, b: Db): string | null {
  for (const k of COLLECTIONS) {
    const [x, y] = [JSON.parse(JSON.stringify(a[k])) as unknown[], b[k] as unknown[]];
    if (x.length !== y.length) return `${k}: ${x.length} in the source, ${y.length} in the copy`;
    const i = x.findIndex((e, j) => !isDeepStrictEqual(e, JSON.parse(JSON.stringify(y[j]))));
    if (i >= 0) return `${k}[${i}] differs`;
  }
  return null;
}
