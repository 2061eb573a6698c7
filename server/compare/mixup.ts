// A likely cause that only the whole corpus shows: a source gives the figure of another period
// (a single quarter as the year to date). When a figure in a discrepancy agrees with what other
// sources give for the same subject and metric in a different period, the finding says so.
import type { Claim, Finding, FactKey } from '../types.js';
import type { Group } from '../align/index.js';
import { intervalOf, overlaps, type Interval } from './interval.js';

const withoutPeriod = (f: FactKey) => [f.subject, f.metric ?? '?', f.measure, f.unitFamily, f.aspects.join('+')].join('|');

export function notePeriodMixups(groups: Group[], findings: Finding[]): void {
  const siblings = new Map<string, Group[]>();
  for (const g of groups) {
    if (!g.fact.metric) continue;
    const k = withoutPeriod(g.fact);
    (siblings.get(k) ?? siblings.set(k, []).get(k)!).push(g);
  }
  const byKey = new Map(groups.map((g) => [g.key, g]));
  // Each claim's interval once: a claim is looked at for every finding of its siblings.
  const intervals = new Map<Claim, Interval>();
  const iv = (c: Claim) => intervals.get(c) ?? intervals.set(c, intervalOf(c)).get(c)!;
  for (const f of findings) {
    if (f.verdict !== 'discrepancy' || f.cause || !f.fact.metric) continue;
    const g = byKey.get(f.key);
    if (!g) continue;
    const hit = mixupIn(g, siblings.get(withoutPeriod(g.fact)) ?? [], iv);
    if (!hit) continue;
    f.cause = 'period-mixup';
    f.explanation += ` Likely cause: «${hit.claim.quote}» agrees with the ${hit.period} figure «${hit.match.quote}» another source gives, so it may be the figure for another period.`;
  }
}

function mixupIn(g: Group, siblings: Group[], iv: (c: Claim) => Interval): { claim: Claim; match: Claim; period: string } | undefined {
  for (const c of g.claims) {
    // The others in this finding must disagree with c, or there is nothing to explain.
    if (!g.claims.some((o) => o.articleId !== c.articleId && !overlaps(iv(o), iv(c)))) continue;
    for (const other of siblings) {
      if (other.fact.period === g.fact.period || !other.fact.period) continue;
      const match = other.claims.find((o) => o.articleId !== c.articleId && o.unit === c.unit && overlaps(iv(o), iv(c)));
      if (match) return { claim: c, match, period: other.fact.period };
    }
  }
  return undefined;
}
