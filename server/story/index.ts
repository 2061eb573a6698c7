// Story: articles about the same entity and reporting event. A reader of several reports on
// iFlytek's third quarter knows that "前三季度" in an undated one means 2023's, and that a figure
// with no company named is iFlytek's. Within a story, what one article leaves unsaid takes the
// story's default, marked as inferred (basis 'story'), never as a different fact.
// Pure: a function of articles and claims. It runs between extract and align.
import type { Article, Basis, Claim, Story } from '../types.js';
import { UNKNOWN_SUBJECT } from '../extract/context.js';
import { entityById } from '../extract/model/lexicon.js';
import { groupBy } from '../group-by.js';
import { YEARLESS, fiscalYearEndOf, isRecentTo, spanOf, withYear, yearOf, yearOfDate } from '../align/period-span.js';

const mostCommon = <T>(xs: T[]): T | undefined => {
  const n = new Map<T, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best: T | undefined;
  for (const [x, k] of n) if (best === undefined || k > n.get(best)!) best = x;
  return best;
};

/** What an article is about, read from its claims: its own default subject, else the one its figures name most. */
function aboutOf(claims: Claim[], date?: string): { subject: string; period: string | null } {
  const own = claims.filter((c) => c.basis?.subject === 'article').map((c) => c.subject);
  const named = claims.map((c) => c.subject).filter((s) => s !== UNKNOWN_SUBJECT);
  const subject = mostCommon(own) ?? mostCommon(named) ?? UNKNOWN_SUBJECT;
  // A year long before the article's date is history it recalls (自2000年以来), not the story's period.
  const reported = yearOfDate(date);
  const periods = claims.filter((c) => c.subject === subject && c.metric && c.period && !YEARLESS.test(c.period) && isRecentTo(c.period, reported) && !c.aspects.some((a) => a.startsWith('forecast') || a === 'base'));
  return { subject, period: mostCommon(periods.map((c) => c.period!)) ?? null };
}

const known = (subject: string) => entityById.has(subject);
const DAY = 86_400_000;
/** Reports of one event appear within weeks of each other; a year apart they are other events. */
const STORY_WINDOW_DAYS = 45;

/**
 * Groups articles into stories: same main subject, and either dates within a few weeks or the
 * same main period. An article with no date joins the story of its subject whose period it
 * shares (a year left out matches any year), else the largest story of its subject.
 */
export function storiesOf(articles: Pick<Article, 'id' | 'date' | 'title'>[], claims: Claim[]): Story[] {
  const byArticle = groupBy(claims, (c) => c.articleId);
  const abouts = articles.map((a) => ({ a, ...aboutOf(byArticle.get(a.id) ?? [], a.date) }));
  const stories: Array<Story & { dates: number[] }> = [];
  // The stories of each subject, in the order they were made: a library of many subjects is not scanned whole per article.
  const bySubject = new Map<string, typeof stories>();
  const open = (s: (typeof stories)[number]) => {
    stories.push(s);
    (bySubject.get(s.subject) ?? bySubject.set(s.subject, []).get(s.subject)!).push(s);
  };
  const dated = abouts.filter((x) => x.a.date).sort((x, y) => x.a.date!.localeCompare(y.a.date!));
  const undated = abouts.filter((x) => !x.a.date);
  for (const x of dated) {
    const t = Date.parse(x.a.date!);
    const home = bySubject.get(x.subject)?.find((s) => s.dates.some((d) => Math.abs(d - t) <= STORY_WINDOW_DAYS * DAY) || (x.period && s.period === x.period));
    if (home) {
      home.articleIds.push(x.a.id);
      home.dates.push(t);
    } else open({ id: '', subject: x.subject, period: x.period, articleIds: [x.a.id], dates: [t] });
  }
  for (const x of undated) {
    const same = [...(bySubject.get(x.subject) ?? [])];
    const home = same.find((s) => samePeriodShape(s.period, x.period)) ?? same.sort((p, q) => q.articleIds.length - p.articleIds.length)[0];
    if (home) home.articleIds.push(x.a.id);
    else open({ id: '', subject: x.subject, period: x.period, articleIds: [x.a.id], dates: [] });
  }
  // An article whose subject is no entity we know ("the company", a heading read as a name) joins
  // the story of a known entity that reports the same period, or the only story there is.
  // The hosts are the known entities' stories: none of them leaves, so they are listed once.
  const hosts = stories.filter((h) => known(h.subject));
  // By the stretch of the year: the hosts a story's period can share a shape with (or its null).
  const hostsByShape = groupBy(hosts, (h) => shapeOf(h.period));
  const merged = new Set<Story>();
  for (const s of stories) {
    // Articles that name no owner at all (UNKNOWN) join too, however many they are: they share no subject, only silence.
    if (known(s.subject) || (s.articleIds.length > 1 && s.subject !== UNKNOWN_SUBJECT)) continue;
    const home = (hostsByShape.get(shapeOf(s.period)) ?? []).filter((h) => samePeriodShape(h.period, s.period) || h.period === s.period);
    const pick = home.length === 1 ? home[0] : hosts.length === 1 ? hosts[0] : undefined;
    if (!pick) continue;
    pick.articleIds.push(...s.articleIds);
    merged.add(s);
  }
  mergeBySharedFigures(stories, merged, byArticle);
  return stories.filter((s) => !merged.has(s)).map(({ dates, ...s }) => {
    // The story's period: the one its articles' figures name most, once years are known, leaving
    // out years long before its reports (history they recall).
    const reported = dates.length ? new Date(Math.min(...dates)).getUTCFullYear() : undefined;
    const periods = s.articleIds.flatMap((id) => (byArticle.get(id) ?? []).filter((c) => c.subject === s.subject && c.metric && c.period && !YEARLESS.test(c.period) && isRecentTo(c.period, reported)).map((c) => c.period!));
    const period = mostCommon(periods) ?? s.period;
    return { ...s, id: `s${s.subject}:${period ?? '?'}`, period };
  });
}

/** A figure printed precisely enough (three significant digits or more) that two stories printing it report one event. */
const signatureOf = (c: Claim) => (c.metric && c.precision > 0 && Math.abs(c.value) / c.precision >= 100 && !c.aspects.some((a) => a.startsWith('forecast')) ? `${c.metric}|${c.unit}|${c.value}` : undefined);
/** Shared figures it takes to say two reports are of one event. */
const SHARED_FIGURES = 2;
const COMMON_FIGURE = 8;

/**
 * A story of a subject we do not know (a company missing from the lexicon: 蓝海汽车 in one paper,
 * "Lanhai Auto" in another, no name at all in a third) joins the story whose articles print two
 * or more of the same precise figures: they report one event about one owner. The subject a
 * source names wins over none.
 */
function mergeBySharedFigures(stories: Array<Story & { dates: number[] }>, merged: Set<Story>, byArticle: Map<string, Claim[]>): void {
  const live = stories.filter((s) => !merged.has(s));
  const signatures = new Map<Story, Set<string>>();
  const bySignature = new Map<string, Array<Story & { dates: number[] }>>();
  for (const s of live) {
    const sigs = new Set(s.articleIds.flatMap((id) => (byArticle.get(id) ?? []).map(signatureOf).filter((x): x is string => !!x)));
    signatures.set(s, sigs);
    for (const g of sigs) (bySignature.get(g) ?? bySignature.set(g, []).get(g)!).push(s);
  }
  for (const s of live) {
    if (known(s.subject) || merged.has(s)) continue;
    const shared = new Map<Story & { dates: number[] }, number>();
    for (const g of signatures.get(s)!) {
      // A figure many stories print (a national statistic quoted in company coverage) identifies no event.
      const holders = bySignature.get(g)!;
      if (holders.length > COMMON_FIGURE) continue;
      for (const t of holders) if (t !== s && !merged.has(t)) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    let best: (Story & { dates: number[] }) | undefined;
    for (const [t, n] of shared) if (n >= SHARED_FIGURES && (!best || n > shared.get(best)!)) best = t;
    if (!best) continue;
    best.articleIds.push(...s.articleIds);
    best.dates.push(...s.dates);
    if (best.subject === UNKNOWN_SUBJECT) best.subject = s.subject;
    for (const g of signatures.get(s)!) signatures.get(best)!.add(g);
    merged.add(s);
  }
}

/** 2023-Q1..Q3 and Q1..Q3 name the same stretch of a year; 2023-Q1..Q3 and 2025-Q1..Q3 do not. */
function samePeriodShape(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const ya = yearOf(a), yb = yearOf(b);
  if (ya !== undefined && yb !== undefined && ya !== yb) return false;
  return shapeOf(a) === shapeOf(b);
}

/** A period without its year: 2023-Q1..Q3 → Q1..Q3. */
const shapeOf = (p: string | null) => p && p.replace(/^(?:FY)?\d{4}-?/, '');

/**
 * Claims with the story's defaults put in where the article left a field unsaid: no subject
 * named, a period without a year, no period at all for a named metric. Each filled field says
 * so in `why` and its basis becomes 'story'.
 */
export function withStoryDefaults(claims: Claim[], stories: Story[]): Claim[] {
  const storyOf = new Map<string, Story>();
  for (const s of stories) for (const id of s.articleIds) storyOf.set(id, s);
  return claims.map((c) => {
    const s = storyOf.get(c.articleId);
    if (!s || s.articleIds.length < 2) return c;
    let out = c;
    const edit = (patch: Partial<Claim>, field: 'subject' | 'period', words: string, basis: Basis = 'story') => {
      out = { ...out, ...patch, why: { ...out.why, [field]: `${out.why[field] ? out.why[field] + '; ' : ''}${words}` }, basis: { subject: out.basis?.subject ?? 'stated', period: out.basis?.period ?? 'stated', [field]: basis } };
    };
    // No subject named, or only the article's guess at a name we do not know: the story's subject.
    // Two papers' guesses at one unknown name (皮尔巴拉岭, "Pilbara Ridge") become the story's one name.
    const guessed = c.basis?.subject === 'article' && !known(c.subject) && (known(s.subject) || s.subject !== UNKNOWN_SUBJECT);
    if ((c.subject === UNKNOWN_SUBJECT || guessed) && s.subject !== UNKNOWN_SUBJECT && c.subject !== s.subject) edit({ subject: s.subject }, 'subject', "the story's subject");
    const year = yearOf(s.period);
    if (out.period && YEARLESS.test(out.period) && year !== undefined) {
      // Only the year is the story's: the stretch of the year is said (前三季度, Q3).
      const y = yearForShape(out.period, s, claims, storyOf) ?? fiscalYearFor(out.period, s) ?? year;
      edit({ period: withYear(out.period, y) }, 'period', "year from the story's period", 'story-year');
    } else if (!out.period && out.metric && s.period && (out.measure === 'level' || out.measure === 'yoy') && !out.aspects.some((a) => a.startsWith('forecast'))) {
      edit({ period: s.period }, 'period', "the story's period");
    }
    return out;
  });
}

/** The fiscal year whose quarter n overlaps the story's period, for a company on its own calendar. */
function fiscalYearFor(period: string, s: Story): number | undefined {
  const fye = fiscalYearEndOf(s.subject);
  const span = s.period ? spanOf(s.period, fye) : null;
  const year = yearOf(s.period);
  if (!period.startsWith('FQ') || !span || year === undefined || fye === undefined) return undefined;
  return [year, year + 1, year - 1].find((y) => {
    const q = spanOf(withYear(period, y), fye);
    return q && q[0] <= span[1] && span[0] <= q[1];
  });
}

/** The year that other articles of the story give to a period of this shape (Q1..Q3 → 2023-Q1..Q3). */
function yearForShape(period: string, s: Story, claims: Claim[], storyOf: Map<string, Story>): number | undefined {
  const fiscal = period.startsWith('FQ');
  const want = fiscal ? `Q${period.slice(2)}` : period;
  const years = claims
    .filter((c) => storyOf.get(c.articleId) === s && c.period && !YEARLESS.test(c.period) && c.period.endsWith(want) && c.period.startsWith('FY') === fiscal)
    .map((c) => yearOf(c.period)!);
  return mostCommon(years);
}
