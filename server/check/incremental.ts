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

/**
 * The order findings are stored in: by where their first claim stands among the claims, then by
 * id. Both paths give it, so what depends on the store's order (ties in exports, which finding a
 * review follows when two hold its claims) does not depend on how the findings were computed.
 */
function inStoreOrder(findings: Finding[], claims: Claim[]): Finding[] {
  const at = new Map<string, number>();
  claims.forEach((c, i) => at.has(c.id) || at.set(c.id, i));
  return findings
    .map((f) => ({ f, at: at.get(f.claimIds[0]!) ?? -1 }))
    .sort((a, b) => a.at - b.at || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
    .map((x) => x.f);
}

/** Everything from scratch: the findings of computeFindings, in the store's order. */
export function fullCheck(claims: Claim[], articles: Articles): CheckState {
  const byId = new Map([...articleMap(articles)].map(([id, a]) => [id, metaOf(a)]));
  const { stories, storyOf } = storiesFor(claims, byId);
  const filledList = withStoryDefaults(claims, stories);
  return {
    findings: inStoreOrder(findingsOfFilled(filledList, stories, byId), claims),
    claims: groupBy(claims, (c) => c.articleId),
    articles: byId,
    stories,
    storyOf,
    filled: groupBy(filledList, (c) => c.articleId),
    blocks: groupBy(filledList, blockOfClaim),
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
  const blocks = groupBy(inOrder(claims, filled), blockOfClaim);

  // A block is dirty when its claims are not the same objects in the same order, or one of them
  // belongs to an article that changed (in place, or its name) or moved to another story.
  const suspect = (cs: Claim[]) => cs.some((c) => dirtyArticles.has(c.articleId) || storyMoved.has(c.articleId));
  const dirty = new Set<string>();
  for (const key of new Set([...blocks.keys(), ...prev.blocks.keys()])) {
    const now = blocks.get(key);
    const was = prev.blocks.get(key);
    if (!sameRefs(now, was) || suspect(now ?? []) || suspect(was ?? [])) dirty.add(key);
  }
  const redone = findingsOfFilled([...dirty].flatMap((k) => blocks.get(k) ?? []), stories, byId);
  return {
    findings: inStoreOrder(prev.findings.filter((f) => !dirty.has(blockOfFinding(f))).concat(redone), claims),
    claims: byArticle,
    articles: byId,
    stories,
    storyOf,
    filled,
    blocks,
  };
}
