// A likely cause that only the whole corpus shows: a source gives the figure of another period
// (a single quarter as the year to date). When a figure in a discrepancy agrees with what other
// sources give for the same subject and metric in a different period, the finding says so.
import type { Claim, Finding, FactKey } from '../types.js';
import type { Group } from '../align/index.js';
import { intervalOf, overlaps, type Interval } from './interval.js';
import { lowerBound } from '../lower-bound.js';

const withoutPeriod = (f: FactKey) => [f.subject, f.metric ?? '?', f.measure, f.unitFamily, f.aspects.join('+')].join('|');

/** A sibling group's claim, with where it stands in its group. */
interface Entry {
  claim: Claim;
  order: number;
  lo: number;
  hi: number;
}

/**
 * One sibling group's claims by unit and by width class (intervals up to twice as wide as each
 * other), each sorted by the low end of its interval: whether the group holds a figure that
 * agrees with a claim is then a binary search and a look at the figures near it, not a read of
 * the whole group. One wide interval ("about 10 trillion") must not widen the window of every
 * narrow one.
 */
interface GroupIndex {
  group: Group;
  bounded: Map<string, Array<{ entries: Entry[]; widest: number }>>;
  /** "More than …" figures reach to infinity: few, read every time. */
  unbounded: Entry[];
}

function indexOfGroup(group: Group, iv: (c: Claim) => Interval): GroupIndex {
  const classes = new Map<string, Map<number, { entries: Entry[]; widest: number }>>();
  const unbounded: Entry[] = [];
  group.claims.forEach((claim, order) => {
    const [lo, hi] = iv(claim);
    const e: Entry = { claim, order, lo, hi };
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return void unbounded.push(e);
    const byWidth = classes.get(claim.unit) ?? classes.set(claim.unit, new Map()).get(claim.unit)!;
    const k = Math.ceil(Math.log2(hi - lo));
    const list = byWidth.get(k) ?? byWidth.set(k, { entries: [], widest: 0 }).get(k)!;
    list.entries.push(e);
    list.widest = Math.max(list.widest, hi - lo);
  });
  const bounded = new Map([...classes].map(([unit, byWidth]) => [unit, [...byWidth.values()]]));
  for (const lists of bounded.values()) for (const list of lists) list.entries.sort((a, b) => a.lo - b.lo);
  return { group, bounded, unbounded };
}

export function notePeriodMixups(groups: Group[], findings: Finding[]): void {
  const siblings = new Map<string, Group[]>();
  for (const g of groups) {
    if (!g.fact.metric) continue;
    const k = withoutPeriod(g.fact);
    (siblings.get(k) ?? siblings.set(k, []).get(k)!).push(g);
  }
  const byKey = new Map(groups.map((g) => [g.key, g]));
  // Each claim's interval once, each group's index once and only when a discrepancy asks.
  const intervals = new Map<Claim, Interval>();
  const iv = (c: Claim) => intervals.get(c) ?? intervals.set(c, intervalOf(c)).get(c)!;
  const indexes = new Map<Group, GroupIndex>();
  const indexed = (g: Group) => indexes.get(g) ?? indexes.set(g, indexOfGroup(g, iv)).get(g)!;
  for (const f of findings) {
    if (f.verdict !== 'discrepancy' || f.cause || !f.fact.metric) continue;
    const g = byKey.get(f.key);
    if (!g) continue;
    const hit = mixupIn(g, siblings.get(withoutPeriod(g.fact)) ?? [], iv, indexed);
    if (!hit) continue;
    f.cause = 'period-mixup';
    f.explanation += ` Likely cause: «${hit.claim.quote}» agrees with the ${hit.period} figure «${hit.match.quote}» another source gives, so it may be the figure for another period.`;
  }
}

/**
 * The first claim of the finding (in its order) that disagrees with another of its sources and
 * agrees with a figure another article gives for another period: the first such sibling group,
 * and in it the first such claim.
 */
function mixupIn(g: Group, siblings: Group[], iv: (c: Claim) => Interval, indexed: (g: Group) => GroupIndex): { claim: Claim; match: Claim; period: string } | undefined {
  for (const c of g.claims) {
    // The others in this finding must disagree with c, or there is nothing to explain.
    if (!g.claims.some((o) => o.articleId !== c.articleId && !overlaps(iv(o), iv(c)))) continue;
    for (const other of siblings) {
      if (other.fact.period === g.fact.period || !other.fact.period) continue;
      const match = firstAgreeing(indexed(other), c, iv(c));
      if (match) return { claim: c, match, period: other.fact.period };
    }
  }
  return undefined;
}

/** The group's first claim (in its order) from another article, in c's unit, that overlaps c's interval. */
function firstAgreeing(index: GroupIndex, c: Claim, mine: Interval): Claim | undefined {
  let best: Entry | undefined;
  const consider = (e: Entry) => {
    if ((best && e.order > best.order) || e.claim.articleId === c.articleId || e.claim.unit !== c.unit) return;
    if (overlaps([e.lo, e.hi], mine)) best = e;
  };
  for (const { entries, widest } of index.bounded.get(c.unit) ?? []) {
    // Entries that can overlap start below c's top and no further below its bottom than the widest of their class.
    for (let i = lowerBound(entries, (e) => e.lo < mine[0] - widest); i < entries.length && entries[i]!.lo < mine[1]; i++) consider(entries[i]!);
  }
  for (const e of index.unbounded) consider(e);
  return best?.claim;
}
