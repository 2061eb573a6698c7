// Agreement by value: a weak alignment. Two articles of one story that print the same figure
// for the same subject, in the same unit and measure, most likely state one fact even when one
// of them leaves the metric or period unsaid, or was read with an aspect the other lacks. Such
// pairs are shown as agreement (weak), never flagged: agreement needs less evidence than a
// discrepancy. A coincidence is ruled out by asking for a figure printed with enough digits,
// and more digits when the fields disagree more.
import type { Alignment, Claim, Story } from '../types.js';
import { intervalOf as fullIntervalOf, overlaps, truncationIntervalOf } from '../compare/interval.js';
import { factKeyOf, keyString, unitFamily } from './fact-key.js';
import { periodKey } from './period-span.js';
import type { Group } from './index.js';
import { groupBy } from '../group-by.js';

// Agreement by value wants figures close to each other: a lower bound ("more than 10亿") counts as
// its first step above, not as every larger figure of the block.
const intervalOf = (c: Claim) => (c.qualifier === 'lower' ? truncationIntervalOf(c) : fullIntervalOf(c));

/** Significant digits printed: 126.14亿 (step 1e6) has 5, 5% has 1. */
export function digitsOf(c: Pick<Claim, 'value' | 'precision'>): number {
  if (!c.value || !c.precision) return 0;
  return Math.floor(Math.log10(Math.abs(c.value) / c.precision) + 1e-9) + 1;
}

const SAID = new Set(['stated', 'paragraph']);
/** Aspects that make a figure another kind of statement, not just a part: a forecast is no actual. */
const KIND = /^(?:forecast|target|base|range:|vs:)/;

/** Why two claims may state one fact though their keys differ, or undefined when they may not. */
export function looseMatch(a: Claim, b: Claim): string[] | undefined {
  if (a.articleId === b.articleId || a.subject !== b.subject || a.measure !== b.measure) return undefined;
  if (a.unit !== b.unit) return undefined;
  const why: string[] = [];
  if (unitFamily(a) !== unitFamily(b)) {
    // "30,000 jobs" and "retail (30,000)": a count whose noun one source leaves unsaid.
    const fa = unitFamily(a), fb = unitFamily(b);
    // A count with its metric named ("136,854 vehicles delivered") against the same count with neither
    // metric nor noun said is the same kind of figure too: the family differs only by what is unsaid.
    const counts = (f: string) => f === 'count' || f.startsWith('count:');
    if (!(counts(fa) && counts(fb) && (fa === 'count:thing' || fb === 'count:thing'))) return undefined;
    why.push('what is counted named by one source only');
  }
  const equal = Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
  if (!equal && !overlaps(intervalOf(a), intervalOf(b))) return undefined;
  const digits = Math.min(digitsOf(a), digitsOf(b));
  if (digits < 2) return undefined;
  if (a.metric !== b.metric) {
    if (a.metric && b.metric) return undefined; // two named metrics that differ are two facts
    why.push('metric named by one source only');
  }
  const pa = periodKey(a.period, a.subject);
  const pb = periodKey(b.period, b.subject);
  if (pa !== pb) {
    // Two periods each said with the figure are two periods; one left to a default is unknown.
    if (pa && pb && SAID.has(a.basis?.period ?? 'stated') && SAID.has(b.basis?.period ?? 'stated')) return undefined;
    why.push('period said by one source only');
  }
  const ka = a.aspects.filter((x) => KIND.test(x)).sort().join();
  const kb = b.aspects.filter((x) => KIND.test(x)).sort().join();
  if (a.aspects.join() !== b.aspects.join()) {
    // A forecast and an actual with the same digits need many digits to be one fact.
    if (ka !== kb && !(equal && digits >= 3)) return undefined;
    why.push('read with different aspects');
  }
  // The more fields disagree, the more printed digits the match needs.
  if (why.length >= 2 && !(equal && digits >= 3)) return undefined;
  return why;
}

/**
 * Weak groups of agreeing claims that key equality missed, within each story. Claims are
 * blocked by story, subject, unit and measure and swept in value order, so only neighbours
 * whose intervals overlap are ever compared: the cost grows with n log n, not n².
 */
export function agreementGroups(claims: Claim[], stories: Story[]): Group[] {
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const id of s.articleIds) storyOf.set(id, s.id);
  const blocks = groupBy(
    claims.filter((c) => c.origin === 'extracted' || c.origin === 'manual'),
    (c) => [storyOf.get(c.articleId) ?? c.articleId, c.subject, c.unit, c.measure].join('|'),
  );
  const out: Group[] = [];
  const seen = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    const items = block.map((c) => ({ c, iv: intervalOf(c), key: keyString(factKeyOf(c), c) })).sort((x, y) => x.iv[0] - y.iv[0]);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length && items[j]!.iv[0] <= items[i]!.iv[1]; j++) {
        const [x, y] = [items[i]!, items[j]!];
        if (x.key === y.key) continue; // already aligned by key
        const why = looseMatch(x.c, y.c);
        if (!why) continue;
        const pair = [x.c, y.c].sort((p, q) => p.id.localeCompare(q.id));
        const key = `agree|${pair.map((c) => c.id).join('|')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fact = factKeyOf(pair.find((c) => c.metric) ?? pair[0]!);
        const alignment: Alignment = { strength: 'weak', score: 0.5, stated: ['subject', 'unit', 'measure', 'value'], inferred: why };
        out.push({ key, fact, claims: pair, alignment });
      }
    }
  }
  return out;
}
