// Align: group claims from different articles that state the same fact. Blocking on the
// fact key (one hash-map pass), so cost grows linearly with the number of claims.
import type { Claim, FactKey } from '../types.js';
import { factKeyOf, keyString } from './fact-key.js';

export { factKeyOf, keyString, unitFamily } from './fact-key.js';

export interface Group {
  key: string;
  fact: FactKey;
  claims: Claim[];
}

/** Groups that hold claims from at least two articles, in first-seen order. */
export function alignClaims(claims: Iterable<Claim>): Group[] {
  const groups = new Map<string, Group>();
  for (const c of claims) {
    const fact = factKeyOf(c);
    const key = keyString(fact, c);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, fact, claims: [] }));
    g.claims.push(c);
  }
  const out: Group[] = [];
  for (const g of groups.values()) {
    const first = g.claims[0]!.articleId;
    if (g.claims.some((c) => c.articleId !== first)) out.push(g);
  }
  return out;
}
