// What a reader carries through an article: the facts found in each sentence, the article's
// main subject and period, and the subject and period a paragraph has set so far.
import { nlp } from './nlp.js';
import type { Measure, Article } from '../types.js';
import { alternation, asOwners, directionAfter, entityById, isMonthName, metricOf } from './model/lexicon.js';
import type { Sentence } from './compute/1-sentences.js';
import type { scanNumbers } from './compute/2-numbers.js';
import { periodMentions, resolvePeriod, type PeriodMention } from './compute/6-periods.js';
import { entityMentions, nameId } from './compute/7-subjects.js';
import { forecastBefore } from './compute/9-aspects.js';
import { isRecentTo, yearOfDate } from '../align/period-span.js';
import { endingBy, startingBefore } from './before.js';

export const UNKNOWN_SUBJECT = 'main';
export const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** What the passes found in one sentence before any figure is read. */
export interface SentenceFacts {
  sentence: Sentence;
  lang: 'zh' | 'en';
  tokens: ReturnType<typeof scanNumbers>;
  periods: PeriodMention[];
  entities: ReturnType<typeof entityMentions>;
  /** Countries named in a company story: regions, not owners. */
  regions?: ReturnType<typeof entityMentions>;
}

/** The subject and period a paragraph has set so far. */
export interface Carry {
  subject?: string;
  period: string | null;
  /** The last measure word of the paragraph so far (环比, year on year): a 其中 breakdown keeps it. */
  measure?: { measure: Measure; text: string };
  /** Inside a breakdown (其中, Of which …), through the ；-separated parts that continue it. */
  breakdown?: boolean;
  /** The last segment the paragraph named: "this segment" and 该业务 point back to it. */
  segment?: string;
}

export interface ArticleContext {
  article: Article;
  main: string;
  mainPeriod: string | null;
  /** A story about a company, where countries name markets rather than owners. */
  companyStory: boolean;
}

/** "the quarter" means a quarter: the carried or main period when it is one. */
export const quarterOf = (p: string | null) => (p && /^(?:FY)?\d{4}-Q\d$/.test(p) ? p : null);

// "compared with a drop of 2.7% in December", "after a 0.3% rise in November": a change said inside
// the comparison is the base's own, and the period right after it is its period, not the base's mark.
const CHANGE_NOUN = alternation(Object.keys(directionAfter.en));
const BASE_WORD = String.raw`(?:compared\s+(?:with|to)|versus|vs\.?|against|than|from|after|following)`;
const CHANGE_OF_BEFORE = new RegExp(String.raw`\b${BASE_WORD}\s+(?:(?:the|an?|its|their)\s+)?(?:[a-z-]+\s+){0,2}(?:${CHANGE_NOUN})\s+of\s+(?:about\s+|around\s+)?$`, 'i');
const CHANGE_AFTER_A = new RegExp(String.raw`\b${BASE_WORD}\s+an?\s+$`, 'i');
const CHANGE_NOUN_AFTER = new RegExp(String.raw`^\s+(?:[a-z]+(?:ly|-on-[a-z]+)\s+)?(?:${CHANGE_NOUN})\b`, 'i');
const OWN_PERIOD_GAP = new RegExp(String.raw`^\s*(?:(?:[a-z]+(?:ly|-on-[a-z]+)\s+)?(?:${CHANGE_NOUN})\s+)?(?:(?:in|for|during)\s+(?:the\s+)?)?$`, 'i');
function changeInsideBase(text: string, tok: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, tok.start - 60), tok.start);
  return CHANGE_OF_BEFORE.test(before) || (CHANGE_AFTER_A.test(before) && CHANGE_NOUN_AFTER.test(text.slice(tok.end, tok.end + 30)));
}

/** The period phrase that governs a number: in its clause (after it first in English, before it first in Chinese), then before it in the sentence. */
export function periodFor(f: SentenceFacts, tok: { start: number; end: number }, clause: { start: number; end: number }, lang: 'zh' | 'en', nextStart: number): PeriodMention | undefined {
  // Period phrases are in order and do not overlap (periodMentions): search from the figure outwards.
  const ps = f.periods;
  const ended = endingBy(ps, tok.start);
  const next = startingBefore(ps, tok.end);
  let before: PeriodMention | undefined;
  for (let k = ended - 1; k >= 0 && ps[k]!.start >= clause.start && !before; k--) if (!ps[k]!.isBase) before = ps[k];
  const text = f.sentence.text;
  const own = ps[next];
  if (lang === 'en' && own?.isBase && own.start < nextStart && OWN_PERIOD_GAP.test(text.slice(tok.end, own.start)) && changeInsideBase(text, tok)) return own;
  // English puts the period after the figure ("3.58 yuan for the quarter"), up to the next figure.
  let after: PeriodMention | undefined;
  for (let k = next; k < ps.length && ps[k]!.start < nextStart && ps[k]!.end <= clause.end && !after; k++) if (!ps[k]!.isBase) after = ps[k];
  const order = lang === 'en' ? [after, before] : [before, after];
  const hit = order.find(Boolean);
  if (hit) return hit;
  // English: "expects revenue of $24.0 billion, …, for the first quarter of fiscal 2025": a period
  // later in the sentence, with no other figure between, still governs it.
  if (lang === 'en') {
    for (let k = next; k < ps.length && ps[k]!.start < nextStart; k++) if (!ps[k]!.isBase) return ps[k];
  }
  for (let k = ended - 1; k >= 0; k--) if (!ps[k]!.isBase) return ps[k];
  return undefined;
}

/** An explicit year named in the sentence before a phrase that lacks one (2023年…前三季度). */
export function yearNear(f: SentenceFacts, p: PeriodMention): number | undefined {
  if (p.raw.year !== undefined || p.raw.rel !== undefined) return undefined;
  for (let k = endingBy(f.periods, p.start) - 1; k >= 0; k--) if (f.periods[k]!.raw.year !== undefined && !f.periods[k]!.isBase) return f.periods[k]!.raw.year;
  return undefined;
}

/**
 * The period a sentence sets for the ones after it: its last period phrase when the sentence
 * has no figures, else a phrase that opens it, before its first figure (前三季度，…; Revenue for
 * the three months ended Dec. 31 rose…). A phrase after a figure ("5.1% in December") is local.
 */
export function lastPeriod(f: SentenceFacts, article: Article, carry: string | null, main: string | null, fiscalYearEnd?: number): string | null {
  const first = f.tokens[0]?.start ?? Infinity;
  const p = f.periods.filter((x) => !x.isBase && x.raw.kind !== 'DAY' && x.end <= first).pop();
  return p ? resolvePeriod(p.raw, { date: article.date, year: yearNear(f, p), current: carry ?? main, fiscalYearEnd }) : null;
}

export function lastSubject(f: SentenceFacts): string | undefined {
  return f.entities.filter((e) => !e.compared).pop()?.id;
}

const looksLikeName = (name: string) => {
  const words = name.trim().split(/\s+/);
  return words.length <= 4 && !/\s[-–—]\s/.test(name) && words.every((w) => /^[A-Z0-9]/.test(w) || /^(?:of|and|&|de|la|du)$/.test(w));
};

/** The entity the article is about: the most named one, the title counting three times. */
export function mainSubject(article: Article, facts: SentenceFacts[]): string {
  const counts = new Map<string, number>();
  const add = (id: string, w: number) => counts.set(id, (counts.get(id) ?? 0) + w);
  const titleLang = isCjk(article.title) ? 'zh' : 'en';
  // A national agency in the title (BoE cuts rates, 国家统计局：…) names its country, as in the body.
  const inTitle = asOwners(entityMentions(article.title, titleLang)).filter((e) => e.id !== 'world');
  // A company named in the title is what the story is about, however often a country is named.
  const company = inTitle.find((e) => entityById.get(e.id)?.kind === 'company');
  if (company) return company.id;
  for (const e of inTitle) add(e.id, 3);
  for (const f of facts) for (const e of f.entities) if (e.id !== 'world') add(e.id, 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (!best || n > counts.get(best)!) best = id;
  // A Latin name the lexicon does not know, said once in passing in Chinese copy (Supercell游戏表现强劲), is not what the article is about.
  if (best && (entityById.has(best) || counts.get(best)! >= 2 || !isCjk(article.text))) return best;
  // compromise reads an English title for an organisation or place the lexicon lacks; else a
  // capitalised title word that the body repeats is taken as the name.
  if (titleLang === 'en') {
    const doc = nlp(article.title);
    const name = (doc.organizations().out('array') as string[])[0] ?? (doc.places().out('array') as string[])[0];
    // A name is a few capitalised words ("Lanhai Auto") in a headline; a heading or a first
    // sentence taken for the title ("Investment Rating - The investment rating …") names no owner.
    if (name && looksLikeName(name) && article.title.split(/\s+/).length <= 16) return nameId(name.replace(/['’]s$/, '').replace(/[^\w\s&.-]/g, '').trim());
    const words = article.title.match(/\b[A-Z][A-Za-z0-9&-]+\b/g) ?? [];
    const repeated = words
      .filter((w) => !/^(?:The|A|An|In|On|At|For|Of|To|And|As|With|By|From|After|Before|Over|How|Why|What|Its|Five|Four|Three|Two|Things|Q[1-4]|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(w.replace(/['’]s$/, '')) && !isMonthName(w.replace(/['’]s$/, '')) && !metricOf(w))
      .map((w) => ({ w, n: article.text.split(w).length - 1 }))
      .filter((x) => x.n >= 2)
      .sort((a, b) => b.n - a.n)[0];
    if (repeated) return nameId(repeated.w);
  }
  return UNKNOWN_SUBJECT;
}

/** The period the article is about: the one its title names, else the one its figures most often name. */
export function mainPeriodOf(article: Article, facts: SentenceFacts[], fiscalYearEnd?: number): string | null {
  for (const p of periodMentions(article.title)) {
    const r = resolvePeriod(p.raw, { date: article.date, fiscalYearEnd });
    if (r && !p.isBase && p.raw.kind !== 'CUR') return r;
  }
  const counts = new Map<string, number>();
  for (const f of facts) {
    if (!f.tokens.length) continue;
    for (const p of f.periods) {
      if (p.isBase || p.raw.kind === 'DAY' || p.raw.kind === 'CUR') continue;
      // A period after a forecast word (forecast first-quarter revenue) is the period ahead, not the one reported.
      if (forecastBefore(f.sentence.text, p.start)) continue;
      const r = resolvePeriod(p.raw, { date: article.date, year: yearNear(f, p), fiscalYearEnd });
      // News reports the recent past: a year long before the article's date (自2000年以来) is history, not its period.
      if (r && isRecentTo(r, yearOfDate(article.date))) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [id, n] of counts) if (!best || n > counts.get(best)!) best = id;
  return best;
}
