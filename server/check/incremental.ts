// Incremental checking: after an article is added, changed or removed, only the blocks of claims
// it can affect are aligned and compared again; every other finding is kept as it was.
//
// Why the partition is exact. A block is (subject, measure, unit family with counts merged), read
// on claims after the story defaults are filled in. Every decision that looks at more than one
// claim stays inside one block:
// - alignClaims keys on subject, measure and unit family (fact-key.ts); onePerArticle,
//   misprintsWithin, strongCore, withoutOutlier and misprintPair work on one group's claims;
// - agreementGroups blocks on story, subject, unit and measure, and looseMatch wants one family;
// - notePeriodMixups pairs groups of one subject, metric, measure, unit family and aspects;
// - swappedIn looks for a figure of the same subject, unit and measure, whatever its metric: a
//   count's family depends on whether a metric is named (count, count:vehicle), hence the merge;
// - compareGroup reads the group's claims and the names of their articles.
// So a block's findings are a function of its claims (in order), the story id of each claim's
// article (agreementGroups) and those articles' names; and a finding's block is read off its fact.
// Stories are global: they are recomputed in full (cheap), and a claim whose filled-in fields or
// story id changed marks its blocks dirty.
import { isDeepStrictEqual } from 'node:util';
import type { Claim, Finding, Story } from '../types.js';
import { storiesOf, withStoryDefaults } from '../story/index.js';
import { unitFamily } from '../align/index.js';
import { groupBy } from '../group-by.js';
import { articleMap, findingsOfFilled, type ArticleMeta, type Articles } from './findings.js';

/** One computation's inputs and what was derived from them, to start the next one from. */
export interface CheckState {
  findings: Finding[];
  /** Effective claims by article, in input order. */
  claims: Map<string, Claim[]>;
  /** What compare and the stories read of each article, copied (the store may edit articles in place). */
  articles: Map<string, ArticleMeta>;
  stories: Story[];
  storyOf: Map<string, Story>;
  /** Claims with their stories' defaults, by article, parallel to `claims`. */
  filled: Map<string, Claim[]>;
  /** Filled claims by block, in input order. */
  blocks: Map<string, Claim[]>;
  /** The blocks each article's claims were in (kept, since a claim edited in place would give its new block). */
  blocksOf: Map<string, Set<string>>;
  /** The effective claims in input order. */
  order: Claim[];
  /** How much this check aligned and compared: every block for a full one. */
  rechecked: { blocks: number; claims: number };
}

// Counts with and without a named metric have two families (count, count:vehicle) but one block.
const blockKey = (subject: string, measure: string, family: string) => `${subject}\u0000${measure}\u0000${family.startsWith('count:') ? 'count' : family}`;
export const blockOfClaim = (c: Claim) => blockKey(c.subject, c.measure, unitFamily(c));
export const blockOfFinding = (f: Finding) => blockKey(f.fact.subject, f.fact.measure, f.fact.unitFamily);

const metaOf = (a: ArticleMeta): ArticleMeta => ({ title: a.title, publisher: a.publisher, date: a.date, url: a.url });
const sameMeta = (a: ArticleMeta | undefined, b: ArticleMeta | undefined) => a?.title === b?.title && a?.publisher === b?.publisher && a?.date === b?.date && a?.url === b?.url;
const storyKey = (s: Story | undefined) => (s ? [s.id, s.subject, s.period, ...[...s.articleIds].sort()].join('\u0000') : '');
const sameRefs = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

function storiesFor(claims: Claim[], byId: Map<string, ArticleMeta>) {
  const stories = storiesOf([...byId].map(([id, a]) => ({ id, title: a.title, date: a.date })), claims);
  const storyOf = new Map<string, Story>();
  for (const s of stories) for (const id of s.articleIds) storyOf.set(id, s);
  return { stories, storyOf };
}

/** The claims in input order, read back from per-article lists that are in input order. */
function inOrder(claims: Claim[], byArticle: Map<string, Claim[]>): Claim[] {
  const at = new Map<string, number>();
  return claims.map((c) => {
    const i = at.get(c.articleId) ?? 0;
    at.set(c.articleId, i + 1);
    return byArticle.get(c.articleId)![i]!;
  });
}

/** Each claim's place among the claims, by id. */
function placesOf(claims: Claim[]): Map<string, number> {
  const at = new Map<string, number>();
  claims.forEach((c, i) => at.has(c.id) || at.set(c.id, i));
  return at;
}

type Ranked = { f: Finding; at: number };
const byRank = (a: Ranked, b: Ranked) => a.at - b.at || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0);
const ranked = (findings: Finding[], at: Map<string, number>): Ranked[] => {
  const out = findings.map((f) => ({ f, at: at.get(f.claimIds[0]!) ?? -1 }));
  return out.every((x, i) => i === 0 || byRank(out[i - 1]!, x) <= 0) ? out : out.sort(byRank);
};

/**
 * The order findings are stored in: by where their first claim stands among the claims, then by
 * id. Both paths give it, so what depends on the store's order (ties in exports, which finding a
 * review follows when two hold its claims) does not depend on how the findings were computed.
 * Kept findings are usually in order already: they are merged with the new ones, not re-sorted.
 */
function inStoreOrder(kept: Finding[], added: Finding[], at: Map<string, number>): Finding[] {
  const a = ranked(kept, at);
  const b = ranked(added, at);
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && byRank(a[i]!, b[j]!) <= 0) ? a[i++]!.f : b[j++]!.f);
  return out;
}

const blockSet = (cs: Claim[] | undefined) => new Set((cs ?? []).map(blockOfClaim));

/**
 * The blocks after the articles in `refreshed` got new filled claims. The others' claims keep their
 * blocks and their order among themselves (checked: if not, all blocks are regrouped), so only
 * the blocks the refreshed articles leave or enter are rebuilt, in the claims' order.
 */
function nextBlocks(prev: CheckState, claims: Claim[], filled: Map<string, Claim[]>, refreshed: Set<string>, at: Map<string, number>) {
  const blocksOf = new Map(prev.blocksOf);
  for (const id of refreshed) filled.has(id) ? blocksOf.set(id, blockSet(filled.get(id))) : blocksOf.delete(id);
  const stayed = (cs: Claim[]) => cs.filter((c) => !refreshed.has(c.articleId));
  if (at.size !== claims.length || !sameRefs(stayed(prev.order), stayed(claims))) {
    const blocks = groupBy(inOrder(claims, filled), blockOfClaim);
    return { blocks, blocksOf, rebuilt: new Set([...blocks.keys(), ...prev.blocks.keys()]) };
  }
  const rebuilt = new Set<string>();
  for (const id of refreshed) for (const k of [...(prev.blocksOf.get(id) ?? []), ...(blocksOf.get(id) ?? [])]) rebuilt.add(k);
  const blocks = new Map(prev.blocks);
  for (const k of rebuilt) blocks.delete(k);
  const entering = [...refreshed].flatMap((id) => filled.get(id) ?? []).map((c) => ({ c, k: blockOfClaim(c) }));
  for (const k of rebuilt) {
    const list = stayed(prev.blocks.get(k) ?? []).concat(entering.filter((x) => x.k === k).map((x) => x.c));
    if (list.length) blocks.set(k, list.sort((x, y) => at.get(x.id)! - at.get(y.id)!));
  }
  return { blocks, blocksOf, rebuilt };
}

/** Everything from scratch: the findings of computeFindings, in the store's order. */
export function fullCheck(claims: Claim[], articles: Articles): CheckState {
  const byId = new Map([...articleMap(articles)].map(([id, a]) => [id, metaOf(a)]));
  const { stories, storyOf } = storiesFor(claims, byId);
  const filledList = withStoryDefaults(claims, stories);
  const filled = groupBy(filledList, (c) => c.articleId);
  return {
    findings: inStoreOrder(findingsOfFilled(filledList, stories, byId), [], placesOf(claims)),
    claims: groupBy(claims, (c) => c.articleId),
    articles: byId,
    stories,
    storyOf,
    filled,
    blocks: groupBy(filledList, blockOfClaim),
    blocksOf: new Map([...filled].map(([id, cs]) => [id, blockSet(cs)])),
    order: claims,
    rechecked: { blocks: new Set(filledList.map(blockOfClaim)).size, claims: claims.length },
  };
}

/**
 * The next state from the previous one and the new claims and articles. `changed` names the
 * articles whose claims may have been edited in place (re-anchored manual claims); any other
 * difference, a claim list that is not the same objects or an article renamed, is found here.
 * Findings of clean blocks are the previous objects, unchanged.
 */
export function incrementalCheck(prev: CheckState, claims: Claim[], articles: Articles, changed: Iterable<string> = []): CheckState {
  const byId = new Map([...articleMap(articles)].map(([id, a]) => [id, metaOf(a)]));
  const byArticle = groupBy(claims, (c) => c.articleId);
  const dirtyArticles = new Set(changed);
  for (const id of new Set([...byArticle.keys(), ...prev.claims.keys(), ...byId.keys(), ...prev.articles.keys()]))
    if (!sameRefs(byArticle.get(id), prev.claims.get(id)) || !sameMeta(byId.get(id), prev.articles.get(id))) dirtyArticles.add(id);

  const { stories, storyOf } = storiesFor(claims, byId);
  // An article's defaults depend on its story and the claims of the story's articles: refill
  // every article of a story that changed or holds a changed article (this set is whole stories).
  const keys = new Map<Story | undefined, string>();
  const keyOf = (s: Story | undefined) => keys.get(s) ?? keys.set(s, storyKey(s)).get(s)!;
  const touchedStories = new Set<Story>();
  for (const [id, s] of storyOf) if (dirtyArticles.has(id) || keyOf(s) !== keyOf(prev.storyOf.get(id))) touchedStories.add(s);
  // agreementGroups blocks on the story's id: an article that moved to another one dirties its blocks.
  const storyMoved = new Set<string>();
  for (const id of new Set([...storyOf.keys(), ...prev.storyOf.keys()])) if (storyOf.get(id)?.id !== prev.storyOf.get(id)?.id) storyMoved.add(id);
  const refill = new Set<string>();
  for (const s of touchedStories) for (const id of s.articleIds) refill.add(id);
  // Claims of articles in no story (manual claims of a removed article) take no defaults.
  for (const id of byArticle.keys()) if (!storyOf.has(id) && dirtyArticles.has(id)) refill.add(id);

  const refilled = groupBy(withStoryDefaults(claims.filter((c) => refill.has(c.articleId)), stories), (c) => c.articleId);
  const filled = new Map<string, Claim[]>();
  for (const [id, cs] of byArticle) {
    const again = refilled.get(id);
    const before = prev.filled.get(id);
    if (!again) filled.set(id, before!);
    // Unchanged claims refilled to the same values keep their objects, so their blocks stay clean.
    else filled.set(id, !dirtyArticles.has(id) && before && isDeepStrictEqual(again, before) ? before : again);
    if (filled.get(id)?.length !== cs.length) throw new Error(`incrementalCheck: article ${id} has no filled claims from before; run fullCheck`);
  }
  const refreshed = new Set([...filled.keys(), ...prev.filled.keys()].filter((id) => filled.get(id) !== prev.filled.get(id)));
  const at = placesOf(claims);
  const { blocks, blocksOf, rebuilt } = nextBlocks(prev, claims, filled, refreshed, at);

  // Dirty: a block that a refilled article's claims leave or enter (an article that changed, in
  // place or in name, is always refilled), or that holds a claim of an article that moved to
  // another story.
  const dirty = new Set(rebuilt);
  for (const id of storyMoved) for (const k of [...(prev.blocksOf.get(id) ?? []), ...(blocksOf.get(id) ?? [])]) dirty.add(k);
  const again = [...dirty].flatMap((k) => blocks.get(k) ?? []);
  const redone = findingsOfFilled(again, stories, byId);
  return {
    findings: inStoreOrder(prev.findings.filter((f) => !dirty.has(blockOfFinding(f))), redone, at),
    claims: byArticle,
    articles: byId,
    stories,
    storyOf,
    filled,
    blocks,
    blocksOf,
    order: claims,
    rechecked: { blocks: dirty.size, claims: again.length },
  };
}
