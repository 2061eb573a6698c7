// Pass 9: what else makes a number a different fact. Aspect words in the number's clause
// (预计, guidance, 海外, nominal, 平均), with metric names masked so that 国内生产总值 is not read
// as "domestic". Range ends and comparison bases are aspects too: they are not the figure.
import { aspectWords, findAll, re, type Match, type Phrases } from '../model/lexicon.js';
import { lowerBound } from '../../lower-bound.js';
import type { MetricMention } from './5-metrics.js';
import { endingBy, startingBefore } from '../before.js';

/** "8am", "6 p.m.", "8:30 a.m." as the hour of a 24-hour clock, written as Chinese pages write it (8时, 18时). */
function clockHour(t: string): string {
  const m = /^(\d{1,2})(?::\d{2})?\s?([ap])/i.exec(t.replace(/\./g, ''));
  if (!m) return t.replace(/\s|\./g, '').toLowerCase();
  const h = +m[1]! % 12 + (m[2]!.toLowerCase() === 'p' ? 12 : 0);
  return `${h}时`;
}

/**
 * Aspects of the figure at [at, atEnd) in its clause. A word before the figure applies to it; a
 * word after it applies only when no other figure stands between (analysts had expected). A
 * phrase in the sentence's opening clause applies to every figure of the sentence.
 */
export function aspectsOf(
  sentence: string,
  clause: { start: number; end: number },
  metrics: MetricMention[],
  at?: { start: number; end: number; nextStart: number },
  opening?: { start: number; end: number; firstFigure: number },
): { aspects: string[]; words: string[] } {
  const own = aspectsIn(sentence, clause, metrics, at);
  if (opening && opening.start !== clause.start) {
    // The opening clause sets the scene ("In yuan terms,", "我们预计公司2024年…") when its words
    // come before the sentence's first figure.
    const lead = aspectsIn(sentence, { start: opening.start, end: Math.min(opening.end, opening.firstFigure) }, metrics, undefined);
    for (const a of lead.aspects) if (!own.aspects.includes(a) && !(EXCLUSIVE.test(a) && own.aspects.some((x) => EXCLUSIVE.test(x)))) own.aspects.push(a);
  }
  return own;
}

function aspectsIn(sentence: string, clause: { start: number; end: number }, metrics: MetricMention[], at?: { start: number; end: number; nextStart: number }) {
  const scan = scanClause(sentence, clause, metrics);
  const aspects = new Set<string>();
  const applied: Array<() => Match[]> = [];
  // A word before the figure applies to it, one after it only up to the next figure: the words
  // before are a prefix of the clause's matches, so each figure looks only at its own window.
  for (const list of [scan.zh, scan.en]) {
    const before = at ? countBefore(list.matches, at.start - clause.start) : list.matches.length;
    for (const a of list.prefix[before]!) aspects.add(a);
    if (!at) {
      applied.push(() => list.matches);
      continue;
    }
    const window: Match[] = [];
    for (let k = countBefore(list.matches, at.end - clause.start); k < list.matches.length && clause.start + list.matches[k]!.start < at.nextStart; k++) {
      const m = list.matches[k]!;
      // "… up 19%, higher than expectations of $23.6 billion": a phrase that leads into the next
      // figure is that figure's, not the one before it.
      // At the clause's end there is no next figure to lead into ("… the $24.16 billion estimate by analysts, but …").
      if (at.nextStart < clause.end && LEADS_IN.test(sentence.slice(clause.start + m.end, at.nextStart))) continue;
      // "$1.52 and adjusted EPS of $1.66": a word that qualifies a metric named before the next figure is that figure's.
      // (A word in brackets right after the figure, "$0.66 per share (non-GAAP)", stays its own.)
      if (at.nextStart < Infinity && !bracketedAfterFigure(sentence, clause.start, m) && metrics.some((mm) => mm.start >= clause.start + m.end && mm.end <= at.nextStart)) continue;
      // "增7%（其中本土游戏增长10%）": a breakdown that opens after the figure is the next figure's.
      if (at.nextStart < Infinity && /[（(]|其中|of which|including/.test(sentence.slice(at.end, clause.start + m.start)) && !/[)）]/.test(sentence.slice(clause.start + m.end, at.nextStart))) continue;
      aspects.add(list.aspectOf(m.text));
      window.push(m);
    }
    applied.push(() => [...list.matches.slice(0, before), ...window]);
  }
  // The as-of time of a running count (截至18时, as of 6 p.m.): a later count is a different fact.
  const asOf = scan.asOf;
  if (asOf) aspects.add(`asof:${asOf[1] ? asOf[1] + '时' : asOf[2] ?? clockHour(asOf[3]!)}`);
  return {
    aspects: [...aspects],
    get words() {
      return [...applied.flatMap((words) => words().map((m) => m.text)), ...(asOf ? [asOf[0]] : [])];
    },
  };
}

interface AspectMatches {
  matches: Match[];
  /** prefix[k]: the aspects of the first k matches, in the order first named. */
  prefix: string[][];
  aspectOf: (word: string) => string;
}
interface ClauseScan {
  zh: AspectMatches;
  en: AspectMatches;
  asOf: RegExpExecArray | null;
}

/** Index of the first match that starts at or after `pos` (matches are in order). */
const countBefore = (matches: Match[], pos: number): number => lowerBound(matches, (m) => m.start < pos);

const LEADS_IN = /^\s*(?:of|at|for)?\s*(?:US|C|A|HK)?[$€£¥]?\s*$/i;

const EXCLUSIVE = /^tranche:/;
/**
 * prefix[k] leaves out a word in brackets right after an earlier figure ("$0.66 per share
 * (non-GAAP) and revenue of …"): it is that figure's, read as a word after it, not the next one's.
 */
function withPrefix(matches: Match[], aspectOf: (word: string) => string, ownedBefore: (m: Match) => boolean): AspectMatches {
  const prefix: string[][] = [[]];
  for (const m of matches) {
    const last = prefix[prefix.length - 1]!;
    const a = aspectOf(m.text);
    // A part of an offering is one at a time: "the retail portion … while the international tranche …".
    const family = EXCLUSIVE.exec(a)?.[0];
    const kept = family ? last.filter((x) => !x.startsWith(family)) : last;
    prefix.push(last.includes(a) || ownedBefore(m) ? last : [...kept, a]);
  }
  return { matches, prefix, aspectOf };
}

/** Whether a match sits in brackets that open right after a figure (…per share (non-GAAP)). */
function bracketedAfterFigure(sentence: string, clauseStart: number, m: Match): boolean {
  const a = clauseStart + m.start;
  const open = Math.max(sentence.lastIndexOf('(', a), sentence.lastIndexOf('（', a));
  if (open < clauseStart) return false;
  const close = [sentence.indexOf(')', a), sentence.indexOf('）', a)].filter((k) => k >= 0);
  return close.length > 0 && /(?:\d|%|shares?|cents?)\s*$/i.test(sentence.slice(Math.max(clauseStart, open - 24), open));
}

const zhAspect = (w: string) => aspectWords.zh[w]!;
const enAspect = (w: string) => aspectWords.en[w.toLowerCase()]!;

// The figures of a sentence share its clauses: each clause is scanned once, not once per figure.
// The last two sentences are kept (a list item is read between two figures of its sentence).
const recent: Array<{ sentence: string; metrics: MetricMention[]; byClause: Map<number, ClauseScan> }> = [];

function scanClause(sentence: string, clause: { start: number; end: number }, metrics: MetricMention[]): ClauseScan {
  let cache = recent.find((c) => c.metrics === metrics && c.sentence === sentence);
  if (!cache) {
    cache = { sentence, metrics, byClause: new Map() };
    recent.unshift(cache);
    recent.length = Math.min(recent.length, 2);
  }
  const key = clause.start * 2 ** 26 + clause.end;
  const hit = cache.byClause.get(key);
  if (hit) return hit;
  // Metric names are masked with spaces, so that 国内生产总值 is not read as "domestic". They are
  // in order and do not overlap (metricMentions): only those that reach into the clause are visited.
  let text = '';
  let at = clause.start;
  for (let k = endingBy(metrics, clause.start); k < metrics.length && metrics[k]!.start < clause.end; k++) {
    const a = Math.max(metrics[k]!.start, at);
    const b = Math.min(metrics[k]!.end, clause.end);
    if (b <= a) continue;
    text += sentence.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  text += sentence.slice(at, clause.end);
  // "超预期", "beat estimates": an actual figure measured against expectations, not a forecast.
  const not = findAll(re.notAspect, text);
  if (not.length) {
    const chars = text.split('');
    for (const m of not) chars.fill(' ', m.start, m.end);
    text = chars.join('');
  }
  const scan: ClauseScan = {
    zh: withPrefix(findAll(re.aspectZh, text), zhAspect, (m) => bracketedAfterFigure(sentence, clause.start, m)),
    en: withPrefix(findAll(re.aspectEn, text), enAspect, (m) => bracketedAfterFigure(sentence, clause.start, m)),
    asOf: /截至(?:[^，,。；;]{0,8}?)(\d{1,2})(?:时|点)|截至(发稿|收盘|目前)|\bas of (\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?)/i.exec(sentence.slice(Math.max(0, clause.start - 40), clause.end)),
  };
  cache.byClause.set(key, scan);
  return scan;
}

/**
 * Whether a forecast word stands before `end` in the sentence: the same as
 * aspectsOf(sentence, { start: 0, end }, []).aspects.some((a) => a.startsWith('forecast')),
 * but with the sentence scanned once for all its periods. A match attempt that starts `WIDTH`
 * or more characters before `end` reads the same text in the prefix as in the whole sentence,
 * so only the last few characters are read again for each period.
 */
export function forecastBefore(sentence: string, end: number): boolean {
  if (end < 4 * WIDTH) return aspectsIn(sentence, { start: 0, end }, []).aspects.some((a) => a.startsWith('forecast'));
  const w = wholeScan(sentence);
  // What the prefix masks: the sentence's own not-aspect phrases well before the end, then those read again near it.
  const safeNot = startingBefore(w.not, end - WIDTH + 1);
  const prefix = sentence.slice(0, end);
  const from = Math.max(safeNot > 0 ? w.not[safeNot - 1]!.end : 0, end - WIDTH + 1);
  const masks = [...w.not.slice(0, safeNot), ...findAll(re.notAspect, prefix, from)];
  // Up to `agree`, the masked prefix is the masked sentence.
  const agree = end - WIDTH + 1;
  const tails: Array<{ re: Phrases; from: number }> = [];
  for (const [scan, rx] of [[w.zh, re.aspectZh], [w.en, re.aspectEn]] as const) {
    const safe = startingBefore(scan.matches, agree - WIDTH + 1);
    if (scan.forecastAt.some((k) => k < safe)) return true;
    tails.push({ re: rx, from: Math.max(safe > 0 ? scan.matches[safe - 1]!.end : 0, agree - WIDTH + 1) });
  }
  const w0 = Math.max(0, Math.min(...tails.map((t) => t.from)) - 1);
  const chars = prefix.slice(w0).split('');
  for (const m of masks) if (m.end > w0) chars.fill(' ', Math.max(0, m.start - w0), m.end - w0);
  const window = chars.join('');
  for (const t of tails) for (const m of findAll(t.re, window, t.from - w0)) if ((t.re === re.aspectZh ? aspectWords.zh[m.text]! : aspectWords.en[m.text.toLowerCase()]!).startsWith('forecast')) return true;
  return false;
}

const WIDTH = Math.max(re.notAspect.longest, re.aspectZh.longest, re.aspectEn.longest) + 2;

/** The sentence's not-aspect phrases, and its aspect words once those are masked. */
let whole: { sentence: string; not: Match[]; zh: { matches: Match[]; forecastAt: number[] }; en: { matches: Match[]; forecastAt: number[] } } | undefined;
function wholeScan(sentence: string) {
  if (whole?.sentence === sentence) return whole;
  const not = findAll(re.notAspect, sentence);
  const chars = sentence.split('');
  for (const m of not) chars.fill(' ', m.start, m.end);
  const text = chars.join('');
  const zh = findAll(re.aspectZh, text);
  const en = findAll(re.aspectEn, text);
  const at = (ms: Match[], of: (w: string) => string) => ms.flatMap((m, k) => (of(m.text).startsWith('forecast') ? [k] : []));
  whole = { sentence, not, zh: { matches: zh, forecastAt: at(zh, (w) => aspectWords.zh[w]!) }, en: { matches: en, forecastAt: at(en, (w) => aspectWords.en[w.toLowerCase()]!) } };
  return whole;
}
