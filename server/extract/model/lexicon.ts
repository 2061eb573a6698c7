// Loads the lexicon data files once and compiles them into matchers.
// The data says what words mean; this file only turns it into fast lookups.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phraseMatcher, type PhraseMatcher } from './phrase-matcher.js';

const here = dirname(fileURLToPath(import.meta.url));
const load = <T>(name: string): T => JSON.parse(readFileSync(join(here, name), 'utf8')) as T;

export interface MetricEntry {
  id: string;
  means: string;
  zh: string[];
  en: string[];
  perShare?: boolean;
  countOf?: string;
  /** 'count': counts things whatever noun follows (部, 辆, units); 'rate': takes only %, ‰ or points. */
  kind?: string;
  /** A printed level is itself the year-on-year change (inflation at 3.2%). */
  levelIsChange?: boolean;
  /** The figure holds at a moment (a share price): one fact only when both sources say the day. */
  pointInTime?: boolean;
  /** The metric a per-share figure under this name is (cash dividends of $0.24 a share). */
  perShareMetric?: string;
  /** Aliases that name the metric only for money, or a change in a clause that states money (sales). */
  moneyOnly?: string[];
  /** Reported per segment or industry: a known segment named before the figure is its part. */
  segmented?: boolean;
  /** Counts units and never takes an amount of money (sold for $2.3m is a price). */
  neverMoney?: boolean;
  /** Aliases that are also verbs taking a price (a ticket costs $40): before a figure they name no metric. */
  verbs?: string[];
  /** Other counted nouns a count of this metric may name (payrolls of people are counted in jobs). */
  alsoCounts?: string[];
  /** Set by decisions (policy rates, RRR): a change with no base named is against the setting before. */
  setByDecision?: boolean;
  /** The figure is itself the change over its period (payrolls added): a change word before it leaves it a level. */
  flow?: boolean;
  /** An amount of money: in Chinese copy its figure with a magnitude and no unit (净利润1.2亿) is in yuan. */
  money?: boolean;
}
export interface EntityEntry {
  id: string;
  kind: string;
  /** The calendar month its fiscal year ends in, when not December (Apple 9, NVIDIA 1). */
  fiscalYearEnd?: number;
  /** 'previous': its agencies report a month's change against the month before (US CPI rose 0.3% in December). */
  monthlyChanges?: 'previous';
  /** For a national agency or central bank (kind source): the country it reports for. */
  of?: string;
  /** What, right after a name, makes it another word (日产4万桶 is daily output): a regex per language. */
  notBefore?: { about?: string; zh?: string; en?: string; only?: string[] };
  zh: string[];
  en: string[];
}

const metricsFile = load<{ metrics: MetricEntry[] }>('metrics.json');
const unitsFile = load<{
  magnitudes: Record<'zh' | 'en', Record<string, number>>;
  currencyWords: Record<'zh' | 'en', Record<string, string>>;
  currencyHomographs: { en: Record<string, string> };
  currencySymbols: Record<string, string>;
  subunits: Record<string, [string, number]>;
  percent: Record<'zh' | 'en', string[]>;
  points: Record<'zh' | 'en', string[]>;
  indexPoints: { indexWords: string[]; indexWordsZh: string[] };
  degreeSign: { electricity: string[]; temperature: string[] };
  gluedLengths: Record<'m' | 'k', { unit: string; after: string[]; before: string[]; sentence?: string[] }>;
  gluedPence: { unit: string; per: number; notWith: string[] };
  yenSign: { japan: string[]; china: string[] };
  gluedCelsius: { cues: string[] };
  tenths: { zh: string[] };
  classifiers: Record<string, string>;
  countNouns: Record<string, string>;
  physical: { zh: Record<string, string>; en: Record<string, string> };
  perMille: { zh: string[]; en: string[] };
  currencyCodes: { codes: string[]; aliases: Record<string, string> };
  currencyNoCode: { en: string[] };
  compoundSubunits: Record<string, Record<string, number> | string>;
  percentPrefixes: Record<string, [string, number] | string>;
  discount: { zh: string[] };
  multiples: { en: Record<string, string> };
  numerals: { digits: Record<string, number>; units: Record<string, number>; sections: Record<string, number>; point: string[]; minus: string[]; vague: string[]; vagueBeforeUnit: string[] };
  perUnit: Record<'zh' | 'en', Record<string, string>>;
  numberWords: { small: Record<string, number>; tens: Record<string, number>; scales: Record<string, number>; dozen: Record<string, number>; fractions: string[] };
}>('units.json');
const qualifiersFile = load<{ before: Record<'zh' | 'en', Record<string, string>>; after: Record<'zh' | 'en', Record<string, string>> }>('qualifiers.json');
const directionsFile = load<{
  before: Record<'zh' | 'en', Record<string, number>>;
  after: Record<'zh' | 'en', Record<string, number>>;
  lossWords: Record<'zh' | 'en', string[]>;
  measures: Record<'zh' | 'en', Record<string, string>>;
  base: Record<'zh' | 'en', string[]>;
  changeBy: { en: Record<string, number> };
  changeObject: { zh: Record<string, number> };
}>('directions.json');
const aspectsFile = load<Record<'zh' | 'en', Record<string, string>> & { notAspects: Record<'zh' | 'en', string[]> }>('aspects.json');
const periodsFile = load<{
  quarterNumbers: Record<string, number>;
  monthNames: Record<string, number>;
  relativeYears: Record<string, number>;
  yearToDate: Record<'zh' | 'en', Record<string, number>>;
  secondHalf: Record<'zh' | 'en', string[]>;
  fullYear: Record<'zh' | 'en', string[]>;
  yearEnd: Record<'zh' | 'en', string[]>;
  currentQuarter: Record<'zh' | 'en', string[]>;
  holidays: { names: Record<string, string> };
}>('periods.json');
const entitiesFile = load<{ entities: EntityEntry[]; genericHeads: { zh: string[]; en: string[] }; deictic: { zh: string[] } }>('entities.json');

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of the words, longest first so that the longest wins at a position. */
export const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
/** Any of the words standing alone: no Latin letter joined to either side. */
export const wordsRe = (words: Iterable<string>, flags = '') => new RegExp(`(?<![A-Za-z])(?:${alternation(words)})(?![A-Za-z])`, flags);

/** Whether a word is a month's full name (January, not Jan). */
export const isMonthName = (w: string) => {
  const n = periodsFile.monthNames[w.toLowerCase()];
  return n !== undefined && !Object.entries(periodsFile.monthNames).some(([k, v]) => v === n && k.length > w.length);
};

/**
 * A phrase table: the regex (for replace and matchAll) and its trie. findAll reads a large table
 * with the trie; a small one with the regex, whose compiled scan for a few first characters is
 * faster there than a walk in JavaScript (measured on the bench corpus: the trie reads the
 * metric and entity tables 2-4× faster than their regexes, but the tables of a few dozen
 * phrases 1.3-9× slower).
 */
export type Phrases = RegExp & { longest: number; matcher: PhraseMatcher; trie: boolean };
const TRIE_FROM = 200;

/**
 * One regex that finds any of the phrases. Longer phrases are tried first, so at any
 * position the longest phrase wins. Latin phrases must sit on word boundaries.
 */
export function phraseRegex(phrases: string[], flags = 'g'): Phrases {
  const sorted = [...new Set(phrases)].filter(Boolean).sort((a, b) => b.length - a.length);
  const parts = sorted.map((p) => {
    // Pages print hyphens as U+2010 or the non-breaking U+2011 as often as ASCII '-'.
    const e = escapeRe(p).replace(/-/g, '[-\u2010\u2011]');
    const startWord = /^[A-Za-z0-9]/.test(p) ? '(?<![A-Za-z0-9])' : '';
    const endWord = /[A-Za-z0-9]$/.test(p) ? '(?![A-Za-z0-9])' : '';
    return startWord + e + endWord;
  });
  // `longest`: how far a match can reach, for scans that re-read only the text near a figure.
  // The trie is built on first use: only large tables use it, and building one costs start-up.
  let matcher: PhraseMatcher | undefined;
  return Object.defineProperties(Object.assign(new RegExp(parts.join('|') || '(?!)', flags), { longest: sorted[0]?.length ?? 0, trie: sorted.length >= TRIE_FROM }), {
    matcher: { get: () => (matcher ??= phraseMatcher(sorted, flags.includes('i'))), enumerable: true },
  }) as Phrases;
}

/** How a matched phrase is looked up: case-folded, with typographic hyphens as '-'. */
export const phraseKey = (s: string) => dashes(s.toLowerCase());
const dashes = (s: string) => s.replace(/[\u2010\u2011]/g, '-');

export interface Match {
  text: string;
  start: number;
  end: number;
}
/** All non-overlapping matches from `from` on, left to right: a large phrase table's by its trie, any other regex by exec. */
export function findAll(re: RegExp | Phrases, s: string, from = 0): Match[] {
  if ('trie' in re && re.trie) return re.matcher.findAll(s, from);
  re.lastIndex = from;
  const out: Match[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** The text with each phrase of the table replaced by `fill`, found in one pass (a large table's by its trie). */
export function withoutPhrases(table: RegExp | Phrases, text: string, fill = ''): string {
  let out = '';
  let at = 0;
  for (const m of findAll(table, text)) (out += text.slice(at, m.start) + fill), (at = m.end);
  return out + text.slice(at);
}

// ---- metrics
export const metrics = metricsFile.metrics;
export const metricById = new Map(metrics.map((m) => [m.id, m]));
const metricAlias = new Map<string, string>();
const moneyOnlyAlias = new Set<string>();
for (const m of metrics) for (const a of [...m.zh, ...m.en]) metricAlias.set(a.toLowerCase(), m.id);
for (const m of metrics) for (const a of m.moneyOnly ?? []) metricAlias.set(a.toLowerCase(), m.id), moneyOnlyAlias.add(a.toLowerCase());
export const metricRe = phraseRegex([...metricAlias.keys()], 'gi');
export const metricOf = (alias: string) => metricAlias.get(phraseKey(alias));
const verbAlias = new Set(metrics.flatMap((m) => m.verbs ?? []).map((a) => a.toLowerCase()));
/** Whether the alias is also a verb that takes a price (costs). */
export const isVerbAlias = (alias: string) => verbAlias.has(alias.toLowerCase());
/** Whether the alias names its metric only where money is stated (sales). */
export const isMoneyOnlyAlias = (alias: string) => moneyOnlyAlias.has(phraseKey(alias));

// ---- units
export const magnitudes = unitsFile.magnitudes;
/** Currency names by language; the English ones include the homographs, which 2-numbers reads only after a magnitude. */
export const currencyWords = { ...unitsFile.currencyWords, en: { ...unitsFile.currencyWords.en, ...unitsFile.currencyHomographs.en } };
export const enCurrencyHomographs = new Set(Object.keys(unitsFile.currencyHomographs.en));
export const currencySymbols = unitsFile.currencySymbols;
export const subunits = unitsFile.subunits;
export const percentWords = unitsFile.percent;
export const pointWords = unitsFile.points;
export const indexPoints = unitsFile.indexPoints;
export const gluedLengths = unitsFile.gluedLengths;
export const gluedPence = unitsFile.gluedPence;
export const yenSign = unitsFile.yenSign;
export const gluedCelsius = unitsFile.gluedCelsius;
export const degreeSign = unitsFile.degreeSign;
export const tenthWords = unitsFile.tenths.zh;
export const classifiers = unitsFile.classifiers;
export const countNouns = unitsFile.countNouns;
export const physicalUnits = unitsFile.physical;
export const perMilleWords = unitsFile.perMille;
export const currencyCodes = unitsFile.currencyCodes;
export const currencyNoCode = unitsFile.currencyNoCode.en;
/** Per currency, the coins that may continue an amount: { CNY: { 角: 0.1 } }. */
export const compoundSubunits = Object.fromEntries(Object.entries(unitsFile.compoundSubunits).filter(([k]) => k !== 'about')) as Record<string, Record<string, number>>;
export const percentPrefixes = Object.fromEntries(Object.entries(unitsFile.percentPrefixes).filter(([k]) => k !== 'about')) as Record<string, [string, number]>;
export const zhNumerals = unitsFile.numerals;
export const discountWords = unitsFile.discount.zh;
export const multipleWords = unitsFile.multiples.en;
export const enNumberWords = unitsFile.numberWords;
export const perUnitWords = unitsFile.perUnit;

// ---- qualifiers, directions, aspects
export const qualifierBefore = qualifiersFile.before;
export const qualifierAfter = qualifiersFile.after;
export const directionBefore = directionsFile.before;
export const directionAfter = directionsFile.after;
export const lossWords = directionsFile.lossWords;
export const measureWords = directionsFile.measures;
export const baseWords = directionsFile.base;
export const changeByVerbs = directionsFile.changeBy.en;
export const changeObjectVerbs = directionsFile.changeObject.zh;
export const aspectWords = aspectsFile;

// Precompiled matchers for the word lists used on every number.
export const re = {
  measureZh: phraseRegex(Object.keys(measureWords.zh)),
  measureEn: phraseRegex(Object.keys(measureWords.en), 'gi'),
  aspectZh: phraseRegex(Object.keys(aspectWords.zh)),
  aspectEn: phraseRegex(Object.keys(aspectWords.en), 'gi'),
  notAspect: phraseRegex([...aspectsFile.notAspects.zh, ...aspectsFile.notAspects.en], 'gi'),
};

// ---- periods
export const periods = periodsFile;

// ---- entities
export const entities = entitiesFile.entities;
export const entityById = new Map(entities.map((e) => [e.id, e]));
const entityAlias = new Map<string, string>();
for (const e of entities) {
  for (const a of e.zh) entityAlias.set(a, e.id);
  for (const a of e.en) entityAlias.set(a, e.id);
}
// Entity names are case-sensitive: "US" is a country, "us" is a pronoun.
export const entityRe = phraseRegex([...entityAlias.keys()], 'g');
export const entityOf = (name: string) => entityAlias.get(dashes(name));
/** The text with the entity names in it taken out, by the alias trie (the alternation of 400 names is slow). */
export const withoutEntities = (text: string) => withoutPhrases(entityRe, text);
/**
 * Mentions as owners of figures: a data source or agency owns none, but a national one (国家统计局,
 * the Fed) names the country it reports for, marked viaSource.
 */
export function asOwners<T extends { id: string }>(mentions: T[]): Array<T & { viaSource?: true }> {
  return mentions.flatMap((e) => {
    const s = entityById.get(e.id);
    return s?.kind !== 'source' ? [e] : s.of ? [{ ...e, id: s.of, viaSource: true as const }] : [];
  });
}
/** Whether the text names an entity of the lexicon. */
export const namesEntity = (text: string) => findAll(entityRe, text).length > 0;
const notBefore = new Map(entities.filter((e) => e.notBefore).map((e) => [e.id, { re: new RegExp([e.notBefore!.zh, e.notBefore!.en].filter(Boolean).join('|')), only: e.notBefore!.only }]));
/** Whether the name, followed by this text, is the entity and not a word of the same letters (`only`: for those names alone). */
export const isEntityHere = (id: string, after: string, name?: string) => {
  const rule = notBefore.get(id);
  return !rule || (!!rule.only && name !== undefined && !rule.only.includes(name)) || !rule.re.test(after);
};
export const genericHeads = entitiesFile.genericHeads;
/** Country words that point (我国, 全国): whose country depends on who publishes. */
export const deicticRe = phraseRegex(entitiesFile.deictic.zh, 'g');

// ---- segments
const segmentsFile = load<{ segments: Array<{ id: string; zh: string[]; en: string[] }>; modifiers: { en: string[] } }>('segments.json');
/** Words that qualify a segment's name without making it another part (flagship, core). */
export const segmentModifiers = new Set(segmentsFile.modifiers.en.map((w) => w.toLowerCase()));
const segmentAlias = new Map<string, string>();
const segmentIds = new Set(segmentsFile.segments.map((g) => g.id));
for (const g of segmentsFile.segments) for (const a of [...g.zh, ...g.en]) segmentAlias.set(a.toLowerCase(), g.id);
/** Any segment name of the lexicon, for finding segments named near a figure. */
export const segmentRe = phraseRegex([...segmentAlias.keys()].filter((k) => k.length > 1), 'gi');
/** The segment of the lexicon a name contains (its longest), if any: "Revenue from series liquor" → series-liquor. */
export const knownSegmentIn = (text: string): string | undefined => {
  // A segment word inside a company's name is no segment (Li Auto is not automotive); one that
  // runs past the name is (茅台酒 is a product of 茅台).
  const names = findAll(entityRe, text);
  const named = [...text.matchAll(segmentRe)]
    .filter((m) => !names.some((n) => n.start <= m.index! && m.index! + m[0].length <= n.end))
    .map((m) => m[0])
    .sort((a, b) => b.length - a.length)[0];
  return named ? segmentAlias.get(phraseKey(named)) : undefined;
};
/** The canonical id of a segment name (数据中心业务 → data-center), else the name as printed. */
export const segmentOf = (name: string) => {
  if (segmentIds.has(name)) return name;
  const n = phraseKey(name).replace(/(?:业务|板块|分部|产品线)$/, '').trim();
  const exact = segmentAlias.get(n);
  if (exact) return exact;
  // "energy storage battery system", "储能系统": a longer name for a segment the lexicon knows.
  // In English the name must open with it: "azure services" is a part of its own, not services.
  const within = [...n.matchAll(segmentRe)].filter((m) => m.index === 0 || !/[a-z]/i.test(n) || n.slice(0, m.index).trim().split(/\s+/).every((w) => segmentModifiers.has(w))).map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
  return within && within.length >= 3 ? segmentAlias.get(phraseKey(within)) ?? n : n;
};
