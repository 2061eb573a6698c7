// Align: group claims from different articles that state the same fact. Blocking on the
// fact key (one hash-map pass), so cost grows linearly with the number of claims.
import type { Alignment, Claim, FactKey } from '../types.js';
import { factKeyOf, keyString } from './fact-key.js';
import { groupBy } from '../group-by.js';

export { factKeyOf, keyString, unitFamily } from './fact-key.js';

export interface Group {
  key: string;
  fact: FactKey;
  claims: Claim[];
  /** Set for groups aligned by something other than the fact key (agreement by value). */
  alignment?: Alignment;
  /** The figure an article contradicts itself with: the figure it also gives for the same fact. */
  against?: Claim;
}

export { agreementGroups, looseMatch } from './agreement.js';
export { alignmentOf, alignmentWords } from './evidence.js';

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
    if (!g.claims.some((c) => c.articleId !== first)) continue;
    const all = g.claims;
    g.claims = onePerArticle(all);
    out.push(g);
    out.push(...misprintsWithin(g, all));
  }
  return out;
}

/** Whether a has the same digits as b, off by a power of ten (a dropped decimal point, 亿 read as billion). */
const tenfoldOf = (a: number, b: number) => [10, 100, 1000, 0.1, 0.01, 0.001].some((k) => gap(a, b * k) < 1e-9);

/** The metric was named in the figure's own clause, not carried from elsewhere. */
const namedInClause = (c: Claim) => /in the clause|right after|after the number/.test(c.why?.metric ?? '');

/**
 * An article that gives one fact two figures contradicts itself, and keeping one figure per
 * article would hide that. Two shapes are evidence enough to compare the other figure on its own
 * against the other sources:
 * - a misprint: the same digits off by a power of ten (a headline's 08% against its body's 0.8%);
 * - one sentence that names the metric with each figure ("revenue rose 2% to $119.6 billion, …,
 *   and revenue rose 12% to $40.4 billion"): the writer says both are that fact.
 * Bounds are left out: 超过10亿 and 未能突破1亿 in one article are two thresholds, not a slip.
 */
function misprintsWithin(g: Group, all: Claim[]): Group[] {
  if (all.length === g.claims.length) return [];
  const kept = new Set(g.claims);
  // Looked up once per group, so that a run-on sentence of figures costs one pass, not one per figure.
  const ownByArticle = groupBy(g.claims.filter((k) => k.qualifier === 'exact'), (k) => k.articleId);
  const sentenceOf = (c: Claim) => `${c.articleId}|${c.sentenceStart}`;
  const perSentence = new Map<string, number>();
  for (const c of all) perSentence.set(sentenceOf(c), (perSentence.get(sentenceOf(c)) ?? 0) + 1);
  const out: Group[] = [];
  const perArticle = new Map<string, number>();
  for (const d of all) {
    if (kept.has(d) || d.qualifier !== 'exact') continue;
    // A few self-contradictions per article and fact are worth a reviewer's look; more is a list we misread.
    if ((perArticle.get(d.articleId) ?? 0) >= MAX_CONTRADICTIONS) continue;
    const own = ownByArticle.get(d.articleId) ?? [];
    const slip = own.find((k) => tenfoldOf(d.value, k.value));
    // Exactly two such figures, each with the metric word in its own clause, the same word: a list of
    // several (a year-by-year run) or a second name for a part is not this.
    // A table row's figures are its columns (this year, the change), never two statements of one fact.
    const twice = perSentence.get(sentenceOf(d)) === 2 && !d.sentence.includes('|') ? own.find((k) => k.sentenceStart === d.sentenceStart && namedInClause(k) && namedInClause(d) && k.why.metric === d.why.metric) : undefined;
    const against = slip ?? twice;
    if (!against) continue;
    perArticle.set(d.articleId, (perArticle.get(d.articleId) ?? 0) + 1);
    out.push({ ...g, key: `${g.key}|misprint:${d.id}`, claims: [d, ...g.claims.filter((c) => c.articleId !== d.articleId)], against });
  }
  return out;
}

const MAX_CONTRADICTIONS = 3;
/** What a bound adds to its gap when an article's figure for a fact is chosen: more than a rounding, less than another figure. */
const BOUND_PENALTY = 0.05;

/**
 * An analyst's forecast is an opinion: compared for agreement, never flagged as wrong. A
 * consensus estimate is not: it is one published figure (LSEG's, FactSet's), so outlets that
 * quote it differently disagree about a fact.
 */
export const isOpinion = (g: Pick<Group, 'fact'>) => g.fact.aspects.some((a) => a === 'forecast:analyst');

const gap = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);

/**
 * The values of a sorted list that can be nearest to x in relative gap: its neighbours on either
 * side, and the two ends (for a list all of the other sign). Keeps onePerArticle linear-log
 * rather than quadratic in a long run of figures.
 */
function nearest(sorted: number[], x: number): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return [sorted[lo - 1], sorted[lo], sorted[0], sorted[sorted.length - 1]].filter((v): v is number => v !== undefined);
}

/**
 * An article speaks once per fact. When one article gives several different figures under one
 * key, the key is too coarse for it (a segment and a total, GAAP and adjusted): we compare the
 * figure closest to what the other sources say and leave the rest as claims of their own, rather
 * than judge the fact on a figure that may belong to another one.
 */
export function onePerArticle(claims: Claim[]): Claim[] {
  const by = groupBy(claims, (c) => c.articleId);
  if ([...by.values()].every((cs) => cs.every((c) => gap(c.value, cs[0]!.value) < 0.01))) return claims;
  const keep: Claim[] = [];
  for (const [article, cs] of by) {
    if (cs.every((c) => gap(c.value, cs[0]!.value) < 0.01)) {
      keep.push(...cs);
      continue;
    }
    const others = claims.filter((o) => o.articleId !== article).map((o) => o.value).sort((x, y) => x - y);
    // A figure off by a power of ten (亿 read as billion) is the same fact misprinted, closer than
    // an unrelated figure of the same size: it counts as half a gap.
    const distance = (c: Claim) => Math.min(...nearest(others, c.value).map((v) => gap(c.value, v)), ...[10, 0.1, 1000, 0.001].flatMap((k) => nearest(others, c.value / k).map((v) => gap(c.value, v * k) + 0.5)));
    // A bound (突破7000亿元大关, the 700-billion mark) is a threshold passed, not the figure: the
    // article's exact figure is compared when it has one, even if two thresholds match exactly.
    const scored = cs.map((c) => ({ c, d: distance(c) + (c.qualifier === 'lower' || c.qualifier === 'upper' ? BOUND_PENALTY : 0) }));
    const best = scored.reduce((a, b) => (b.d < a.d ? b : a)).c;
    keep.push(...cs.filter((c) => gap(c.value, best.value) < 0.01));
  }
  return keep;
}
