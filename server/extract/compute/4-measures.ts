// Pass 4: level or change, and the sign. A change word (下滑, rose) governs the number right
// after it; "lower"/"fewer" the number right before it. A change is measured against what a
// measure word names (同比, 环比, y/y, from a year earlier); with none, it is read as year on
// year, the convention of results and statistics reporting. A number after a base word
// (compared with, from, 高于) is the comparison base, not the figure itself.
import type { Measure } from '../../types.js';
import { alternation, baseWords, changeByVerbs, changeObjectVerbs, currencyWords, directionAfter, directionBefore, findAll, lossWords, measureWords, re } from '../model/lexicon.js';
import { isMoney, type NumberToken } from './2-numbers.js';
import { startingBefore } from '../before.js';

const keys = (o: Record<string, unknown> | string[]) => alternation(Array.isArray(o) ? o : Object.keys(o));
// The change word, then at most a few words (略微, 了, 约, by, nearly) before the number.
// 升至/增长至 ("rose to") name the new level, so 至 is not among the words allowed between.
const ZH_DIR = new RegExp(`(?<!新)(${keys(directionBefore.zh)})(?:了|为|达|达到|高达|幅度为|幅度达)?(?:略微|约|近|超过|超|逾|大约|将近)?\\s*$`);
// 降幅扩大至1.8%: a rate-of-change noun keeps its own sign whatever happens to it.
const ZH_RATE = /(增幅|涨幅|增速|降幅|跌幅|减幅)(?:均|分别|都)?(扩大|收窄|回落|提高|放缓|加快|回升)?(?:至|到|为|达|是)?(?:约|近)?\s*$/;
const EN_DIR = new RegExp(`(?<!\\b(?:mak(?:e|es|ing)|made|tak(?:e|es|ing)|took|picked|sums?|summing|ends?|ended|set|sets)\\s)\\b(${keys(directionBefore.en)})\\s+(?:by\\s+)?(?:at\\s+an?\\s+|at\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){0,3}(?:rate|pace)\\s+of\\s+)?(?:an?\\s+(?:annuali[sz]ed|annual|seasonally adjusted|impressive|staggering|whopping|sharp|steep|solid|robust|modest|healthy|stunning|remarkable|massive|hefty|meagre|meager|mere|further|additional|record|estimated|respectable|strong|slight|marginal)\\s+)?(?:(?:about|around|nearly|almost|roughly|more than|some|an average of|as much as|as little as|a further|an additional|another|over|just over|just under|less than|close to|an estimated|a record|only|just)\\s+)?$`, 'i');
// "a 30.8% jump", "an 8% decline": the change is named by the noun after the figure.
// ... or by "above/below" a named year's level ("13.5% above 2019 levels").
// "a 4.99% council tax rise": up to two words naming what changed may stand between.
const EN_NOUN_AFTER = /^\s*(?:(?!(?:of|in|on|for|and|or|to|from|than|the|a|an|its|their|at|by|with|as|was|is|were)\s)[a-z-]+\s+){0,2}?(jump|rise|increase|growth|gain|surge|climb|advance|hike|boost|rally|decline|drop|fall|slump|decrease|contraction|slide|cut|reduction|dip|plunge|retreat|downturn|loss(?=\s+(?:for|on|in|over|since|this|last|so far)\b)|above(?=\s+(?:the\s+)?(?:pre-pandemic\s+)?(?:19|20)\d{2}\b)|below(?=\s+(?:the\s+)?(?:pre-pandemic\s+)?(?:19|20)\d{2}\b))\b/i;
const EN_RATE = /\b(decline|drop|fall|contraction|deflation|rise|increase|growth|gain)\s+(?:in|of)\s+[^,;]{0,40}?\b(slowed|narrowed|eased|moderated|widened|deepened|accelerated|quickened)\s+to\s+(?:about\s+)?$/i;
// "raised rates by 50 basis points", "cut its forecast by 2%": the verb's object, then by (directions.json changeBy).
const EN_CHANGE_BY = new RegExp(`\\b(${keys(changeByVerbs)})\\s+(?:[a-z'’-]+\\s+){0,4}by\\s+(?:about\\s+|around\\s+|nearly\\s+|some\\s+|as much as\\s+|a further\\s+|another\\s+)?$`, 'i');
// 下调存款准备金率0.5个百分点, 下调1年期LPR 10个基点: the rate moved is named between the verb and its points.
const ZH_CHANGE_OBJECT = new RegExp(`(${keys(changeObjectVerbs)})了?(?:[\\u4e00-\\u9fffA-Za-z]|\\d+年期){1,14}?(?:了|为|幅度为)?\\s*$`);
// 0.25个百分点的降息: the move named right after its points.
const ZH_DIR_AFTER = new RegExp(`^\\s*的?(${keys(directionAfter.zh)})`);
const EN_DIR_AFTER = new RegExp(`^\\s+(${keys(directionAfter.en)})\\b(?!\\s+than\\s+\\d)`, 'i');
// 亏损3亿元, 净亏损扩大至5亿元, "a loss of", "loss widened to": the amount of a loss is negative.
// 亏损人民币3.2亿元, 虧損新台幣12.3億元: a currency named before the amount stays inside the loss.
const ZH_CURRENCY_NAMES = Object.keys(currencyWords.zh).filter((w) => w.length > 1);
// 亏损额由上年的8亿元…: the loss's earlier amount, named after 由.
const ZH_LOSS = new RegExp(`(${keys(lossWords.zh)})(?:额|額)?(?:由(?:上年|去年|上年同期|去年同期|上一年度?|前一年)?的?)?(?:了|为|達|达|額為|额为|扩大至|扩大到|收窄至|收窄到|增至|减至|降至)?(?:约|近|超过|逾)?(?:${keys(ZH_CURRENCY_NAMES)})?\\s*$`);
// "a loss of", "net loss attributable to shareholders of", "losses deepened to", "the loss per share was", "lost close to".
const EN_LOSS = /\b(?:loss(?:es)?(?:\s+per\s+share)?(?:\s+attributable\s+to(?:\s+[a-z]+){1,3}?)?\s+(?:of|was|were|totall?ed|came\s+to|stood\s+at|amounted\s+to|(?:widened|narrowed|shrank|shrunk|grew|deepened|swelled|ballooned|increased|decreased|eased|(?:was|were)\s+(?:reduced|cut))\s+to)|lost|losing)\s+(?:(?:about|nearly|almost|around|roughly|close\s+to|more\s+than|over|some|an\s+estimated|between)\s+)?$/i;
// "a $3 billion loss", "a £12m pre-tax loss": an amount named a loss by the noun after it.
const EN_LOSS_AFTER = /^\s+(?:(?:net|operating|pre-tax|pretax|quarterly|annual|full-year|first-half|adjusted|underlying)\s+)?loss(?:es)?\b(?!\s+(?:of|in)\s+(?:value|market|share|jobs?|customers|users))/i;
const EN_CHANGE_NOUN = /\b(gains|increases|additions|rises|declines|decreases|losses|drops|falls|cuts)\b/gi;
const EN_VERB = /\b(?:is|are|was|were|be|been|reached|reaches|totall?ed|totals|stood|stands|came|comes|hit|hits|amounted|amounts|posted|reported|recorded|generated|brought)\b/i;
const EN_DIR_ANY = new RegExp(`\\b(?:${keys(directionBefore.en)})\\b`, 'i');
const ZH_DIR_ANY = new RegExp(`(?:${keys(directionBefore.zh)})`);
const ZH_BASE = new RegExp(`(${keys(baseWords.zh)})`, 'g');
const EN_BASE = new RegExp(`\\b(${keys(baseWords.en)})\\s`, 'gi');

const CHANGE_ADJECTIVE = /\b(an?)\s+(?:slight|sharp|modest|marginal|small|significant|substantial|steep|strong|healthy|robust|massive|huge|big|dramatic|notable|mild|moderate|solid|further|slim|narrow|hefty)\s+(?=(?:decrease|increase|decline|rise|drop|fall|gain|jump|growth|reduction|contraction|dip)\s+of\s*$)/i;
export const LOSS_WHY = 'a loss, so negative';
/** How a change with no base named says it was read as year on year: later stages may read it otherwise. */
const DEFAULT_YOY = '; no base named, read as year on year';
/** Whether the measure is year on year only because no base was named. */
export const yoyByDefault = (why: string | undefined) => !!why?.endsWith(DEFAULT_YOY);
/** The reading's why without the default's words, for a stage that names the base it found. */
export const withoutDefaultYoy = (why: string | undefined) => (why ?? '').replace(/; no base named, read as year on year$/, '');
// Words between two figures that make the second its own change ("… from September and were up 1.4% …").
const EN_FIGURE_LINK = /\b(?:and|while|but|whereas)\b/i;

export interface MeasureReading {
  measure: Measure;
  /** A change measured against a named year (较2019年同期, above 2019 levels), not the year before. */
  baseYear?: number;
  sign: 1 | -1;
  /** The number is the base of a comparison (from 20%, 高于…的5%). */
  isBase: boolean;
  /** Where the base word ended, for finding the base's owner. */
  baseAt?: number;
  /** The base is named as the year-ago figure (上年同期为…, over the previous year ($…)): a level of the year before. */
  yearAgo?: true;
  why?: string;
}

/** Measure words in the sentence, with positions. */
export function measureMentions(sentence: string) {
  return [
    ...findAll(re.measureZh, sentence).map((m) => ({ ...m, measure: measureWords.zh[m.text] as Measure })),
    ...findAll(re.measureEn, sentence).map((m) => ({ ...m, measure: measureWords.en[m.text.toLowerCase()] as Measure })),
  ].sort((a, b) => a.start - b.start);
}

export function measureOf(
  sentence: string,
  tok: NumberToken,
  prevEnd: number,
  clauseStart: number,
  clauseEnd: number,
  mentions: ReturnType<typeof measureMentions>,
  /** Where the next figure starts: a measure word after it is that figure's ("rose 0.3% from September and 1.4% from a year earlier"). */
  nextStart = Infinity,
): MeasureReading {
  // "a slight decrease of 1.5%": an adjective between the article and the change noun changes nothing.
  const before = sentence.slice(Math.max(prevEnd, clauseStart, tok.start - 48), tok.start).replace(CHANGE_ADJECTIVE, '$1 ');
  const after = sentence.slice(tok.end, tok.end + 30);
  let sign: 1 | -1 = 1;
  let change = false;
  let why: string | undefined;
  // Each script's change words are looked for only where that script is written.
  const cjk = /[\u4e00-\u9fff]/.test(before);
  const latin = /[A-Za-z]/.test(before);
  const zhRate = cjk ? ZH_RATE.exec(before) : null;
  let m = zhRate ?? (cjk ? ZH_DIR.exec(before) : null) ?? (latin ? EN_DIR.exec(before) : null);
  // "the drop in import prices eased to 1.4 percent": the size of a fall is a fall, whatever happens to it.
  const rate = !m && EN_RATE.exec(sentence.slice(Math.max(prevEnd, clauseStart), tok.start));
  if (rate) {
    change = true;
    sign = /rise|increase|growth|gain/i.test(rate[1]!) ? 1 : -1;
    why = `"${rate[1]}" … "${rate[2]}"`;
  } else if (m) {
    change = true;
    sign = ((directionBefore.zh[m[1]!] ?? directionBefore.en[m[1]!.toLowerCase()]) as 1 | -1) ?? 1;
    why = `"${m[1]}" before the number`;
    // 同比增长-3.5%, 增速为-0.5%: a growth printed with a minus is a fall.
    if (sign === 1 && tok.sign === -1) (sign = -1), (why += ', printed with a minus');
    // 降幅收窄2.1个百分点: the points by which a rate moved. A fall that narrows is a rate that rose;
    // a growth that slows (增速回落) is one that fell.
    if (m === zhRate && zhRate[2] && tok.unit === 'pp' && !/[至到为达是]/.test(zhRate[0].slice(zhRate[1]!.length + zhRate[2].length))) {
      const widens = /扩大|提高|加快|回升/.test(zhRate[2]);
      sign = /降幅|跌幅|减幅/.test(zhRate[1]!) === widens ? -1 : 1;
      why = `"${zhRate[1]}${zhRate[2]}": the rate ${sign === 1 ? 'rose' : 'fell'} by these points`;
    }
  } else if (latin && (m = EN_CHANGE_BY.exec(before)) && (!isMoney(tok.unit) || changeByVerbs[m[1]!.toLowerCase()] === -1)) {
    // Money raised by an amount (raised the buyback by $50bn) is the amount added, read as printed;
    // money cut by an amount (cut its forecast by 10 cents) is a fall.
    change = true;
    sign = changeByVerbs[m[1]!.toLowerCase()] as 1 | -1;
    why = `"${m[1]} … by" before the number`;
  } else if (cjk && tok.unit === 'pp' && (m = ZH_CHANGE_OBJECT.exec(before))) {
    change = true;
    sign = changeObjectVerbs[m[1]!] as 1 | -1;
    why = `"${m[0].trim()}" before the points`;
  } else if (tok.unit === 'pp' && (m = ZH_DIR_AFTER.exec(after))) {
    change = true;
    sign = directionAfter.zh[m[1]!] as 1 | -1;
    why = `"${m[1]}" after the points`;
  } else if ((m = EN_NOUN_AFTER.exec(after)) && !(m[1] === 'loss' && isMoney(tok.unit))) {
    change = true;
    sign = /decline|drop|fall|slump|decrease|contraction|slide|below|cut|reduction|dip|plunge|retreat|downturn|loss/i.test(m[1]!) ? -1 : 1;
    why = `"a … ${m[1]}"`;
  } else if ((m = EN_DIR_AFTER.exec(after))) {
    change = true;
    sign = directionAfter.en[m[1]!.toLowerCase()] as 1 | -1;
    why = `"${m[1]}" after the number`;
  } else if (
    tok.sign !== 0 &&
    (tok.unit === '%' || tok.unit === 'pp') &&
    (/^\s*(?:y\/y|yoy|q\/q|qoq|year on year|year-on-year|同比|环比)/i.test(after) || !/(?:为|是|达|达到|降至|升至|\bat|\bwas|\bwere|\bstood at)\s*$/i.test(before))
  ) {
    // "+24.7% y/y" is a change; "自然增长率为-1.48%" is a negative level.
    change = true;
    sign = tok.sign;
    why = 'a signed percentage';
  }
  // "lost 230 points", "has lost 40pc of its value": what is lost of a rate, a score or a count is a fall.
  if (!change && !isMoney(tok.unit) && /\b(?:lost|loses|losing|lose)\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$/i.test(before)) {
    change = true;
    sign = -1;
    why = '"lost" before the number';
  }
  // "industries that saw increases include health care (70,000), retail (45,000)": bracketed figures
  // after the items of a list that a change noun opens are those changes.
  if (!change && !isMoney(tok.unit) && sentence[tok.start - 1] === '(' && sentence[tok.end] === ')') {
    const noun = [...sentence.slice(0, tok.start).matchAll(EN_CHANGE_NOUN)].pop();
    if (noun) {
      change = true;
      sign = /^(?:gains|increases|additions|rises)$/i.test(noun[1]!) ? 1 : -1;
      why = `"${noun[1]}" opens the list`;
    }
  }
  if (!change && (ZH_LOSS.test(before) || EN_LOSS.test(before) || (isMoney(tok.unit) && EN_LOSS_AFTER.test(after)))) {
    return { measure: 'level', sign: -1, isBase: false, why: LOSS_WHY };
  }
  if (tok.sign === -1 && !change) sign = -1;
  // "plus or minus 3 points" is a margin either way, no negative figure.
  if (!change && /\b(?:minus|negative)\s+$/i.test(before) && !/\bplus or minus\s+$/i.test(before)) {
    sign = -1;
    why = '"minus" before the number';
  }

  // Base of a comparison: a base word between the previous number (or clause start) and this one.
  const gapStart = Math.max(prevEnd, clauseStart);
  const gap = sentence.slice(gapStart, tok.start);
  let isBase = false;
  let baseAt: number | undefined;
  for (const b of [...gap.matchAll(ZH_BASE), ...gap.matchAll(EN_BASE)]) {
    const word = b[1]!;
    const rest = gap.slice(b.index! + b[0].length);
    // "more than 67,000" is a bound, not a comparison.
    if (/^than$/i.test(word) && /\b(?:more|less|fewer|no more|no less)\s+$/i.test(gap.slice(0, b.index!)) && /^\s*\$?$/.test(rest)) continue;
    // 超过 right before a number is a bound (超过126万亿), not a comparison.
    if (rest.trim() === '' && /^[超高低]/.test(word) && word !== '超过了') continue;
    // "Revenue from services rose 9%", "Compared with 2022, sales fell 4%": a verb between the base
    // word and the figure makes the figure the clause's own; the base word belonged to a noun phrase.
    if (/^[A-Za-z]/.test(word) && (EN_VERB.test(rest) || EN_DIR_ANY.test(rest))) continue;
    // 与去年同期相比大幅增长了18.6%: so does a change word in Chinese.
    if (!/^[A-Za-z]/.test(word) && ZH_DIR_ANY.test(rest)) continue;
    isBase = true;
    baseAt = gapStart + b.index! + b[0].length;
  }
  // 比上年同期的57.16亿元, 上年同期为…: last year's figure, the base of the comparison.
  let yearAgo = false;
  if (/(?:上年|去年|上一年)同期(?:的|为|是)?$|the (?:same|year-earlier|year-ago) (?:period|quarter)\s*(?:of|was|at)?\s*\$?$/i.test(before)) {
    isBase = true;
    yearAgo = true;
    baseAt = tok.start;
  }
  // "up 2% over the previous year ($117.9 billion)", "from last year's $2.1 billion": the amount
  // right after the earlier period a change is measured against is that period's figure.
  const earlier = /\b(?:over|from|than|on|versus|against|compared (?:with|to))\s+(?:the\s+)?(?:(?:previous|prior|last|preceding)\s+(year|quarter)|(?:a|one)\s+year\s+(?:earlier|ago|before)|the\s+(?:year-ago|year-earlier)\s+(?:period|quarter))(?:['’]s)?\s*(?:\(\s*|of\s+|at\s+)?(?:US|C|A|HK)?\$?$/i.exec(before);
  if (earlier) {
    isBase = true;
    if (earlier[1]?.toLowerCase() !== 'quarter') yearAgo = true;
    baseAt = tok.start;
  }
  // "rose 25% to $40.11 billion": the amount after "to" is the new level, and it is not a base.
  // ("compared to 4.2%" is still a base.)
  if (/(?<!\bcompared\s)\bto\s+\$?$/i.test(before) || /至$/.test(before)) isBase = false, yearAgo = false;

  if (!change) return { measure: 'level', sign, isBase, baseAt, why, ...(yearAgo ? { yearAgo: true as const } : {}) };
  // 较2019年同期增长28.2%, "13.5% above 2019 levels": the base is a named year.
  const baseYear = baseYearOf(sentence, clauseStart, clauseEnd);
  // Measure: the nearest measure word before the number in the sentence, else one after it in the clause.
  // The measure word nearest the figure wins: in its clause before it, then after it in the clause
  // ("up 22% from the previous quarter"), then earlier in the sentence (同比 carries along a list).
  // Mentions are sorted by start: only those that start before the figure can end before it.
  let prior: (typeof mentions)[number] | undefined;
  for (let k = startingBefore(mentions, tok.start) - 1; k >= 0 && !prior; k--) if (mentions[k]!.end <= tok.start) prior = mentions[k];
  const next = mentions[startingBefore(mentions, tok.end)];
  const later = next && next.start < clauseEnd && (next.start < nextStart || !EN_FIGURE_LINK.test(sentence.slice(tok.end, nextStart))) ? next : undefined;
  const priorInClause = prior && prior.start >= clauseStart ? prior : undefined;
  // "grew 4.6% year on year and went up 0.9% on a quarterly basis": a measure word right after the
  // figure is its own; one between it and the figure before closes that figure's phrase.
  const ownAfter = later && priorInClause && priorInClause.start >= prevEnd && /^\s*(?:%|percent|per cent|个百分点)?\s*$/i.test(sentence.slice(tok.end, later.start));
  const word = ownAfter ? later : priorInClause ?? later ?? prior;
  if (word) return { measure: word.measure, sign, isBase, baseAt, baseYear, why: `${why}; measured "${word.text}"` };
  // "up 15% from Q2", "since the first quarter": a quarter named without a year as the base is the quarter before.
  const quarterBase = /^\s*(?:%|percent|per cent)?\s*(?:from|since|over|versus|compared with)\s+(?:the\s+)?(?:Q[1-4]|(?:first|second|third|fourth)[- ]quarter)\b(?!\s*(?:of\s+)?(?:19|20)\d{2}|\s+(?:of\s+)?(?:last|the previous) year|'\d{2})/i.exec(sentence.slice(tok.end, clauseEnd));
  if (quarterBase) return { measure: 'qoq', sign, isBase, baseAt, baseYear, why: `${why}; measured against "${quarterBase[0].trim()}", the quarter before` };
  return { measure: 'yoy', sign, isBase, baseAt, baseYear, why: `${why}${DEFAULT_YOY}` };
}

/** The named base year of a clause, read once for all the figures of the clause. */
let lastClause: { sentence: string; start: number; end: number; year: number | undefined } | undefined;
function baseYearOf(sentence: string, clauseStart: number, clauseEnd: number): number | undefined {
  if (lastClause && lastClause.sentence === sentence && lastClause.start === clauseStart && lastClause.end === clauseEnd) return lastClause.year;
  const clauseText = sentence.slice(clauseStart, clauseEnd);
  const named = /(?:较|比|相比|同)\s*((?:19|20)\d{2})\s*年/.exec(clauseText) ?? /\b(?:than|from|compared with|compared to|above|below|over)\s+(?:the\s+same\s+\w+\s+(?:of|in)\s+)?(?:pre-pandemic\s+)?((?:19|20)\d{2})(?:\s+levels?)?\b/i.exec(clauseText);
  lastClause = { sentence, start: clauseStart, end: clauseEnd, year: named ? +named[1]! : undefined };
  return lastClause.year;
}

/** What stands between a change and its restatement in other units: "fell 2 million, or 0.2 percent", 即, 或. */
export const isRestatement = (joint: string) => /^(?:,\s*or|，?即|，?或)\s*$/.test(joint);

/**
 * A figure right after a change can share it: "增长4.1%、4.7%和5.8%" (a change word before a list
 * governs every figure of the list, when they share a unit) and "rose 0.2%, or 8 cents," (a
 * restatement of the same change in other units).
 */
export function inheritChange(meas: MeasureReading, prev: { measure: Measure; value: number; quote?: string }, joint: string, sameUnit: boolean, highEnd = false): void {
  if (meas.measure !== 'level' || prev.measure === 'level') return;
  const restated = isRestatement(joint);
  const listed = sameUnit && /^\s*(?:、|和|及|与|,|，|and|,\s*and)\s*$/.test(joint);
  // down 10-15%, 增长3%-5%, 下降30%至50%: the high end of a range is the same change as its low end
  // (a 至 that ends a change, 增长2亿至15亿元, makes no range: the range reading decides that).
  const ranged = sameUnit && highEnd && /^\s*(?:[-－–—~～至到]|to)\s*$/.test(joint);
  if (!restated && !listed && !ranged) return;
  meas.measure = prev.measure;
  // The fall a list inherits is its change word's (下降4.1%、4.7%), not an item's own printed minus (增长10%、-3%和25%).
  const fallBefore = prev.value < 0 && !/^[-−－]/.test(prev.quote ?? '');
  meas.sign = restated ? (prev.value < 0 ? -1 : 1) : meas.sign === -1 || fallBefore ? -1 : 1;
  meas.why = restated ? 'restates the change before it' : ranged ? 'the high end of a range of changes' : 'the change word before the list governs it';
}
