// A likely cause that only the whole corpus shows: a source gives the figure of another period
// (a single quarter as the year to date). When a figure in a discrepancy agrees with what other
// sources give for the same subject and metric in a different period, the finding says so.
import type { Claim, Finding, FactKey } from '../types.js';
import type { Group } from '../align/index.js';
import { intervalOf, overlaps, type Interval } from './interval.js';

const withoutPeriod = (f: FactKey) => [f.subject, f.metric ?? '?', f.measure, f.unitFamily, f.aspects.join('+')].join('|');

/** A sibling group's claim, with where it stands in the search order (group, then claim). */
interface Entry {
  claim: Claim;
  group: Group;
  order: number;
  lo: number;
  hi: number;
}

/**
 * The claims of one subject and metric in every period, by unit and sorted by the low end of
 * their interval, so that the figures a claim could agree with are found by binary search
 * rather than by reading every claim of every period: one company's revenue over many years
 * and outlets is thousands of claims, and every discrepancy asks.
 */
interface SiblingIndex {
  bounded: Map<string, { entries: Entry[]; widest: number }>;
  /** "More than …" figures reach to infinity: few, read every time. */
  unbounded: Entry[];
}

function indexOf(siblings: Group[], iv: (c: Claim) => Interval): SiblingIndex {
  const bounded = new Map<string, { entries: Entry[]; widest: number }>();
  const unbounded: Entry[] = [];
  let order = 0;
  for (const group of siblings)
    for (const claim of group.claims) {
      const [lo, hi] = iv(claim);
      const e: Entry = { claim, group, order: order++, lo, hi };
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
        unbounded.push(e);
        continue;
      }
      const list = bounded.get(claim.unit) ?? bounded.set(claim.unit, { entries: [], widest: 0 }).get(claim.unit)!;
      list.entries.push(e);
      list.widest = Math.max(list.widest, hi - lo);
    }
  for (const list of bounded.values()) list.entries.sort((a, b) => a.lo - b.lo);
  return { bounded, unbounded };
}

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
  const indexes = new Map<string, SiblingIndex>();
  for (const f of findings) {
    if (f.verdict !== 'discrepancy' || f.cause || !f.fact.metric) continue;
    const g = byKey.get(f.key);
    if (!g) continue;
    const k = withoutPeriod(g.fact);
    const index = indexes.get(k) ?? indexes.set(k, indexOf(siblings.get(k) ?? [], iv)).get(k)!;
    const hit = mixupIn(g, index, iv);
    if (!hit) continue;
    f.cause = 'period-mixup';
    f.explanation += ` Likely cause: «${hit.claim.quote}» agrees with the ${hit.period} figure «${hit.match.quote}» another source gives, so it may be the figure for another period.`;
  }
}

/**
 * The first claim of the finding (in its order) that disagrees with another of its sources and
 * agrees with a figure another article gives for another period; of those figures, the first in
 * sibling order, as a reading of every period's claims in turn would find.
 */
function mixupIn(g: Group, index: SiblingIndex, iv: (c: Claim) => Interval): { claim: Claim; match: Claim; period: string } | undefined {
  for (const c of g.claims) {
    // The others in this finding must disagree with c, or there is nothing to explain.
    if (!g.claims.some((o) => o.articleId !== c.articleId && !overlaps(iv(o), iv(c)))) continue;
    const mine = iv(c);
    let best: Entry | undefined;
    const consider = (e: Entry) => {
      if (best && e.order > best.order) return;
      const period = e.group.fact.period;
      if (!period || period === g.fact.period || e.claim.articleId === c.articleId || e.claim.unit !== c.unit) return;
      if (overlaps(iv(e.claim), mine)) best = e;
    };
    const list = index.bounded.get(c.unit);
    if (list) {
      // Entries that can overlap start below c's top and no further below its bottom than the widest interval.
      const { entries, widest } = list;
      let i = lowerBound(entries, mine[0] - widest);
      for (; i < entries.length && entries[i]!.lo < mine[1]; i++) consider(entries[i]!);
    }
    for (const e of index.unbounded) consider(e);
    if (best) return { claim: c, match: best.claim, period: best.group.fact.period! };
  }
  return undefined;
}

/** The first entry whose low end is at least `x`. */
function lowerBound(entries: Entry[], x: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.lo < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
