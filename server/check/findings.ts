// Story, align and compare: pure, from claims and articles to findings. The stage functions are
// in their modules; this holds the judgement calls that need more than one group (swaps, outliers).
import type { Article, Claim, Finding, Story } from '../types.js';
import { storiesOf, withStoryDefaults } from '../story/index.js';
import { agreementGroups, alignClaims, alignmentOf, isOpinion, type Group } from '../align/index.js';
import { causeOf, compareGroup, intervalOf } from '../compare/index.js';
import { overlaps } from '../compare/interval.js';
import { notePeriodMixups } from '../compare/mixup.js';
import { groupBy } from '../group-by.js';

/** What compare and the stories read of an article. */
export type ArticleMeta = Pick<Article, 'title' | 'publisher'> & Partial<Pick<Article, 'date' | 'url'>>;
export type Articles = Article[] | Map<string, ArticleMeta>;
export const articleMap = (articles: Articles): Map<string, ArticleMeta> => (articles instanceof Map ? articles : new Map(articles.map((a) => [a.id, a])));

/** Story, align and compare: pure, from claims and articles to findings. */
export function computeFindings(claims: Claim[], articles: Articles): Finding[] {
  return checkClaims(claims, articles).findings;
}

/**
 * Two figures more than twice apart with no misprint to explain them (no tenfold slip, no sign
 * flip, no percent for points) are more likely two facts read under one key than one fact
 * misprinted: not flagged. Among three or more sources, the rest may still agree.
 */
function farApart(g: Group, f: Finding): boolean {
  // A reviewer who adds a claim by hand says which fact it states: that is evidence enough.
  // So is an article that names the fact with each of its two figures.
  if (f.verdict !== 'discrepancy' || f.cause || g.against || g.claims.some((c) => c.origin === 'manual')) return false;
  const odd = f.outlierArticleIds?.[0];
  const values = odd ? [g.claims.find((c) => c.articleId === odd)!.value, g.claims.find((c) => c.articleId !== odd)!.value] : g.claims.map((c) => c.value);
  const abs = values.map(Math.abs);
  const lo = Math.min(...abs), hi = Math.max(...abs);
  return values.every((v) => Math.sign(v) === Math.sign(values[0]!)) && lo > 0 && hi / lo > 2;
}

/** A claim of the group that matches, within rounding, another figure of the same kind in another of its articles. */
function swappedIn(g: Group, bySentence: Map<string, Claim[]>): { claim: Claim; match: Claim } | undefined {
  for (const c of g.claims)
    for (const o of g.claims) {
      if (o.articleId === c.articleId) continue;
      const match = (bySentence.get(sentenceOf(o)) ?? []).find(
        (x) => x.id !== o.id && !g.claims.includes(x) && x.unit === c.unit && x.measure === c.measure && x.subject === c.subject && x.period === c.period && overlaps(intervalOf(x), intervalOf(c)),
      );
      if (match) return { claim: c, match };
    }
  return undefined;
}

/** The sentence a claim was read from: a swap looks for its sibling there, not in the whole article. */
const sentenceOf = (c: Claim) => `${c.articleId}|${c.sentenceStart}`;

/** The agreement of the sources other than a far-off outlier, when there are two or more of them. */
function withoutOutlier(g: Group, f: Finding, articles: Parameters<typeof compareGroup>[1]): Finding[] {
  const odd = f.outlierArticleIds?.[0];
  const rest = odd ? g.claims.filter((c) => c.articleId !== odd) : [];
  if (new Set(rest.map((c) => c.articleId)).size < 2) return [];
  const agreed = compareGroup({ ...g, claims: rest }, articles);
  return agreed.verdict === 'discrepancy' ? [] : [agreed];
}

/**
 * A group is as weak as its least placed source, but one source whose period comes from the story
 * should not hide an outlier that the well-placed sources expose: the outlier is judged again
 * against the sources that place the fact themselves, and flagged only if they still disagree.
 */
function strongCore(g: Group, f: Finding, articles: Parameters<typeof compareGroup>[1]): Array<{ g: Group; f: Finding }> {
  const odd = f.outlierArticleIds?.[0];
  if (!odd) return [];
  const sides = [...groupBy(g.claims, (c) => c.articleId).values()];
  const strong = sides.filter((cs) => alignmentOf(cs).strength === 'strong');
  if (strong.length < 2 || strong.length === sides.length || !strong.some((cs) => cs[0]!.articleId === odd)) return [];
  const core = { ...g, claims: strong.flat() };
  const again = compareGroup(core, articles);
  return again.verdict === 'discrepancy' && again.alignment?.strength === 'strong' ? [{ g: core, f: again }] : [];
}

/**
 * Three or more sources that all differ, two of them by a power of ten (1,505.6 billion against
 * 1505.6亿): the slip is a finding of its own, whatever the third source says.
 */
function misprintPair(g: Group, articles: Parameters<typeof compareGroup>[1]): Finding[] {
  const sides = [...groupBy(g.claims, (c) => c.articleId).values()];
  if (sides.length < 3) return [];
  for (let i = 0; i < sides.length; i++)
    for (let j = i + 1; j < sides.length; j++) {
      const cause = causeOf(sides[i]![0]!, sides[j]![0]!)?.cause;
      if (!cause || !/fold$/.test(cause)) continue;
      const pair = { ...g, key: `${g.key}|slip:${sides[i]![0]!.id}`, claims: [...sides[i]!, ...sides[j]!] };
      const f = compareGroup(pair, articles);
      if (f.verdict === 'discrepancy' && f.alignment?.strength === 'strong') return [f];
    }
  return [];
}


/** The stories, and the findings on claims with the stories' defaults put in. */
export function checkClaims(claims: Claim[], articles: Articles): { findings: Finding[]; stories: Story[] } {
  const byId = articleMap(articles);
  const stories = storiesOf([...byId].map(([id, a]) => ({ id, title: a.title, date: a.date })), claims);
  return { findings: findingsOfFilled(withStoryDefaults(claims, stories), stories, byId), stories };
}

/**
 * Align and compare claims that already carry their stories' defaults. Every grouping below keys
 * on subject, measure and unit (see incremental.ts), so this may be run on any union of blocks.
 */
export function findingsOfFilled(filled: Claim[], stories: Story[], byId: Map<string, ArticleMeta>): Finding[] {
  const groups = alignClaims(filled);
  const loose = agreementGroups(filled, stories);
  const compared = [...groups, ...loose]
    .map((g) => ({ g, f: compareGroup(g, byId) }))
    // Opinions (analysts' forecasts) are shown when they agree; a disagreement between them is no error.
    .filter(({ g, f }) => !(isOpinion(g) && f.verdict === 'discrepancy'))
    // A discrepancy needs strong evidence that the figures state one fact; a weak alignment only shows agreement.
    .flatMap(({ g, f }) => (f.verdict === 'discrepancy' && f.alignment?.strength === 'weak' ? strongCore(g, f, byId) : [{ g, f }]));
  // A period mix-up is a cause too: named before far-apart figures are judged.
  notePeriodMixups(groups, compared.map(({ f }) => f));
  const bySentence = groupBy(filled, sentenceOf);
  return compared.flatMap(({ g, f }) => {
    if (!farApart(g, f)) return [f];
    // A swap explains a far-off figure: it is what the other source gives for a sibling fact (a list read in the wrong order).
    const swap = swappedIn(g, bySentence);
    if (!swap) return withoutOutlier(g, f, byId).concat(misprintPair(g, byId));
    f.cause = 'swap';
    f.explanation += ` Likely cause: «${swap.claim.quote}» is the figure another source gives for a neighbouring fact («${swap.match.quote}»), as if a list were read in the wrong order.`;
    return [f];
  });
}
