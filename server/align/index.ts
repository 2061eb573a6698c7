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

/** Whether a is b the same digits as b, off by a power of ten (a dropped decimal point, 亿 read as billion). */
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
  const kept = new Set(g.claims);
  const out: Group[] = [];
  for (const d of all) {
    if (kept.has(d) || d.qualifier !== 'exact') continue;
    const own = g.claims.filter((k) => k.articleId === d.articleId && k.qualifier === 'exact');
    const slip = own.find((k) => tenfoldOf(d.value, k.value));
    // Exactly two such figures, each with the metric word in its own clause, the same word: a list of
    // several (a year-by-year run) or a second name for a part is not this.
    const inSentence = all.filter((c) => c.articleId === d.articleId && c.sentenceStart === d.sentenceStart);
    // A table row's figures are its columns (this year, the change), never two statements of one fact.
    const twice = inSentence.length === 2 && !d.sentence.includes('|') ? own.find((k) => k.sentenceStart === d.sentenceStart && namedInClause(k) && namedInClause(d) && k.why.metric === d.why.metric) : undefined;
    const against = slip ?? twice;
    if (against) out.push({ ...g, key: `${g.key}|misprint:${d.id}`, claims: [d, ...g.claims.filter((c) => c.articleId !== d.articleId)], against });
  }
  return out;
}

/**
 * An analyst's forecast is an opinion: compared for agreement, never flagged as wrong. A
 * consensus estimate is not: it is one published figure (LSEG's, FactSet's), so outlets that
 * quote it differently disagree about a fact.
 */
export const isOpinion = (g: Pick<Group, 'fact'>) => g.fact.aspects.some((a) => a === 'forecast:analyst');

const gap = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);

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
    const others = claims.filter((o) => o.articleId !== article).map((o) => o.value);
    // A figure off by a power of ten (亿 read as billion) is the same fact misprinted, closer than
    // an unrelated figure of the same size: it counts as half a gap.
    const scaled = (a: number, b: number) => Math.min(...[10, 0.1, 1000, 0.001].map((k) => gap(a, b * k))) + 0.5;
    const distance = (c: Claim) => Math.min(...others.map((v) => Math.min(gap(c.value, v), scaled(c.value, v))));
    const best = cs.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    keep.push(...cs.filter((c) => gap(c.value, best.value) < 0.01));
  }
  return keep;
}
