// Pass 2: the number grammar. Finds every number expression in a sentence and reads
// its value, magnitude, unit and printed precision. Our own grammar, because
// compromise's money() drops magnitudes and finds nothing in Chinese.
//
// Precision is the step of the last printed digit in the normalised unit:
// 126.14亿 → 1e6, 82% → 1. An integer ending in two or more zeros (400, 1200万) may
// itself be rounded, so its step is the place of its last non-zero digit.
import {
  classifiers,
  countNouns,
  currencySymbols,
  currencyWords,
  enCurrencyHomographs,
  magnitudes,
  percentWords,
  pointWords,
  indexPoints,
  gluedLengths,
  gluedPence,
  gluedCelsius,
  degreeSign,
  subunits,
  tenthWords,
  escapeRe,
  physicalUnits,
  perMilleWords,
  perUnitWords,
  zhNumerals,
  enNumberWords,
  percentPrefixes,
  currencyCodes,
  currencyNoCode,
  compoundSubunits,
  alternation,
  wordsRe,
  discountWords,
  multipleWords,
  directionBefore,
} from '../model/lexicon.js';

export interface NumberToken {
  /** Offsets within the sentence. */
  start: number;
  end: number;
  /** Where the numeral itself starts and ends (the quote may add a sign, symbol or unit). */
  numStart: number;
  numEnd: number;
  value: number;
  precision: number;
  unit: string;
  countOf?: string;
  /** Words after a count (金牌, new-energy vehicles): they may name the metric. */
  countNoun?: string;
  perShare: boolean;
  /** Quoted per this many shares (每10股): the unit is then CNY/10 shares. */
  perShares?: number;
  /** A + or − printed before the number. */
  sign: 0 | 1 | -1;
  /** 'low' or 'high' when the number is one end of a range (34.5-37.0bn). */
  rangeEnd?: 'low' | 'high';
  unitWhy?: string;
  /** What the printed numeral was multiplied by (a magnitude, 成, a prefix). */
  scale?: number;
  /** 几 or 数 in the numeral: the value is the lowest reading and the precision the width of what it may be. */
  vagueWord?: string;
  /** 1,265.89/206.30亿元: the first of a slash pair takes the unit of the second. */
  slashPair?: boolean;
}

const FW = /[０-９．，Ａ-Ｚａ-ｚ－]/g;
const toAscii = (s: string) =>
  s.replace(FW, (c) => (c === '．' ? '.' : c === '，' ? ',' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** Money: an ISO code, alone or per share (USD, CNY/share). */
export const isMoney = (unit: string) => /^[A-Z]{3}(?:\/|$)/.test(unit);

// ---- Chinese numerals (the characters are lexicon data: units.json numerals)
/**
 * x to 12 significant digits, which undoes float noise (126.14 × 1e8 = 12614000000.000002).
 * An integer under 1e12 is already exact, and toPrecision is slow enough to show in a profile.
 */
const round12 = (x: number): number => (Number.isInteger(x) && x !== 0 && Math.abs(x) < 1e12 ? x : Number(x.toPrecision(12)));
const CN_DIGIT = zhNumerals.digits;
const CN_UNIT = zhNumerals.units;
const CN_SECTION = zhNumerals.sections;
const CN_VAGUE = new Set([...zhNumerals.vague, ...zhNumerals.vagueBeforeUnit]);
const CN_POINT = new RegExp(`[${zhNumerals.point.join('')}]`);
const cnDigitChars = Object.keys(CN_DIGIT).join('');
const cnUnitChars = Object.keys(CN_UNIT).join('') + Object.keys(CN_SECTION).join('');
const ZH_TOKEN = /\d+(?:\.\d+)?|[\s\S]/g;

/** The integer part of a numeral, with any vague digit (几) read as `vague`. Null when it is no well-formed numeral. */
function readChineseInt(s: string, vague: number): number | null {
  const groups: Array<[number, number]> = []; // closed sections: [value, scale], scales falling
  let section = 0;
  let lastUnit = Infinity; // units within a section must fall: 三千五百
  let digit: number | null = null;
  let digitChinese = false;
  let digitLen = 0;
  let prevUnit = 0; // the unit just before the pending digit; 0 after 零 or at the start
  let lastWasSection = false;
  let any = false;
  for (const t of s.match(ZH_TOKEN) ?? []) {
    const isArabic = /^\d/.test(t);
    if (isArabic || t in CN_DIGIT || CN_VAGUE.has(t)) {
      // Two digits in a row (二三十, 三四成) are a vague range or a digit string, not one number.
      if (digit !== null) return null;
      const v = isArabic ? Number(t) : t in CN_DIGIT ? CN_DIGIT[t]! : vague;
      any = true;
      if (!isArabic && v === 0 && t in CN_DIGIT) {
        prevUnit = 0; // 零 holds a place: 一千零十二
        continue;
      }
      digit = v;
      digitChinese = !isArabic;
      digitLen = isArabic ? t.split('.')[0]!.length : 1;
      lastWasSection = false;
    } else if (t in CN_UNIT) {
      const u = CN_UNIT[t]!;
      if (u >= lastUnit) return null;
      section += (digit ?? 1) * u;
      lastUnit = u;
      digit = null;
      prevUnit = u;
      lastWasSection = false;
      any = true;
    } else if (t in CN_SECTION) {
      const U = CN_SECTION[t]!;
      const pending = section + (digit ?? 0);
      if (pending === 0 && lastWasSection && groups.length) {
        // 万万 and 万亿 multiply: 10万万 = 10亿, 4.78萬億 = 4.78万亿.
        const g = groups.pop()!;
        if (groups.length && groups[groups.length - 1]![1] <= g[1] * U) return null;
        groups.push([g[0] * U, g[1] * U]);
      } else {
        if (pending === 0) return null;
        // 一万五千亿: a larger marker takes in the smaller sections before it (1.5万 × 亿).
        let sum = pending;
        while (groups.length && groups[groups.length - 1]![1] < U) sum += groups.pop()![0];
        if (groups.length && groups[groups.length - 1]![1] <= U) return null;
        groups.push([sum * U, U]);
      }
      section = 0;
      lastUnit = Infinity;
      digit = null;
      prevUnit = U;
      lastWasSection = true;
    } else return null;
  }
  if (!any) return null;
  if (digit !== null && prevUnit >= 100) {
    const places = Math.round(Math.log10(prevUnit));
    // An elided unit: 二百五 = 250, 九万四 = 94,000. An Arabic part fills the places (3万4000), or is
    // written without its leading zeros (369萬466票 = 3,690,466 votes); a lone Arabic digit (3万5) is unsure.
    if (digitChinese) digit *= prevUnit / 10;
    else if (digitLen > places || digitLen < 2) return null;
  } else if (digit !== null && !digitChinese && prevUnit === 10) return null;
  return groups.reduce((a, g) => a + g[0], 0) + section + (digit ?? 0);
}

export interface ChineseReading {
  value: number;
  decimals: number;
  /** For 二十几万: the step of the unknown digit's place times ten, the width of what it may be. */
  vagueWidth?: number;
}

/** Reads 一百二十亿, 八十二万, 两千三百五, 一千零十二, 3万4000, 十二点五. Returns null for what is not a numeral. */
export function parseChineseNumeral(input: string): ChineseReading | null {
  const s = toAscii(input).replace(/\s+/g, '');
  if (!s) return null;
  const [intPart, fracPart, extra] = s.split(CN_POINT);
  if (extra !== undefined || intPart === undefined) return null;
  const hasVague = [...intPart].some((c) => CN_VAGUE.has(c));
  // 五〇五七, 二〇二三: digits with a 〇 among them are read place by place.
  const positional = /[〇○]/.test(intPart) && [...intPart].every((c) => c in CN_DIGIT || /\d/.test(c));
  let value = positional ? Number([...intPart].map((c) => (/\d/.test(c) ? c : String(CN_DIGIT[c]))).join('')) : readChineseInt(intPart, hasVague ? 1 : 0);
  if (value === null) return null;
  let vagueWidth: number | undefined;
  if (hasVague) {
    // 几 stands for an unknown digit: the value is its lowest reading, the width ten of its place.
    const two = readChineseInt(intPart, 2);
    if (two === null || two === value) return null;
    const place = two - value;
    value = Math.max(value - place, place); // 二十几万 from 20万; 几十万, 数十亿: at least one of the place
    vagueWidth = place * 10;
    if (fracPart !== undefined) return null;
  }
  let decimals = 0;
  if (fracPart !== undefined) {
    let f = '';
    for (const ch of fracPart) {
      if (/\d/.test(ch)) f += ch;
      else if (ch in CN_DIGIT) f += String(CN_DIGIT[ch]);
      else return null;
    }
    if (!f) return null;
    decimals = f.length;
    value = Number(`${value}.${f}`);
  }
  return vagueWidth ? { value, decimals, vagueWidth } : { value, decimals };
}

// ---- spelled-out English numbers (units.json numberWords)
const EN_SMALL: Record<string, number> = { ...enNumberWords.small, ...enNumberWords.tens };
const EN_SCALE = enNumberWords.scales;
const EN_DOZEN = enNumberWords.dozen;
const enWordAlt = alternation([...Object.keys(EN_SMALL), ...Object.keys(EN_SCALE), ...Object.keys(EN_DOZEN)]);
const EN_FRACTION = new RegExp(`^(?:[\\s-]+(?:and\\s+)?(?:a\\s+|an\\s+)?(?:(?:${enWordAlt}|and)[\\s-]+)*)(?:${alternation(enNumberWords.fractions)})\\b`, 'i');
// 1 in twenty-one, two out of five hundred, two thirds of a million: parts of a ratio or a fraction.
const EN_RATIO_BEFORE = new RegExp(`(?:\\b(?:out\\s+of)|(?:\\d|\\b(?:${enWordAlt}))\\s+(?:over|in)|\\b(?:${alternation(enNumberWords.fractions)})\\s+of)\\s+$`, 'i');
const EN_TOKEN = new RegExp(`\\d+(?:\\.\\d+)?|${enWordAlt}|and|point|a|an`, 'gi');

/** Reads "twenty-one", "three hundred and two", "4 thousand 3 hundred and 21", "two point five", "a dozen". */
export function parseEnglishNumber(s: string): { value: number; decimals: number } | null {
  const toks = (s.match(EN_TOKEN) ?? []).map((t) => t.toLowerCase());
  let total = 0;
  let current = 0;
  let lastScale = Infinity;
  let lastGroup = 0;
  let prev: 'none' | 'small' | 'tens' | 'hundred' | 'scale' | 'and' | 'article' = 'none';
  let any = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t === 'a' || t === 'an') {
      if (k !== 0) return null;
      prev = 'article';
    } else if (t === 'and') {
      if (prev !== 'hundred' && prev !== 'scale') return null;
      prev = 'and';
    } else if (t === 'point') {
      if (!any) return null;
      // point seventy-one is .71: a ten and a unit after it make two digits.
      const digits: string[] = [];
      for (const d of toks.slice(k + 1)) {
        const v = /^\d+$/.test(d) ? d : d in EN_SMALL ? String(EN_SMALL[d]) : null;
        if (v === null) return null;
        const last = digits[digits.length - 1];
        if (last && /^[2-9]0$/.test(last) && /^[1-9]$/.test(v)) digits[digits.length - 1] = last[0] + v;
        else digits.push(v);
      }
      if (!digits.length) return null;
      const f = digits.join('');
      return { value: Number(`${total + current}.${f}`), decimals: f.length };
    } else if (/^\d/.test(t) || t in EN_SMALL) {
      const v = /^\d/.test(t) ? Number(t) : EN_SMALL[t]!;
      if (v === 0 && prev !== 'none') return null; // "and 0" starts another number
      // "fifty two" adds a unit to a ten; any other pair of numbers in a row is two numbers.
      const addsToTen = prev === 'tens' && v < 10 && !/^\d/.test(t);
      if (prev === 'small' || (prev === 'tens' && !addsToTen)) return null;
      if (/^\d/.test(t) && prev !== 'none' && prev !== 'and' && prev !== 'scale' && prev !== 'hundred') return null;
      if ((prev === 'hundred' || prev === 'scale' || prev === 'and') && current % 100 !== 0 && v < 100) return null;
      current += v;
      lastGroup = prev === 'tens' ? lastGroup + v : v;
      prev = v >= 20 && v < 100 && v % 10 === 0 && !/^\d/.test(t) ? 'tens' : 'small';
      any = true;
    } else if (t in EN_DOZEN) {
      // "dozens of" is no number; "a dozen", "three dozen" are.
      if (prev === 'scale' || prev === 'hundred' || prev === 'none') return null;
      // A dozen multiplies the number just before it: three hundred and two dozen = 300 + 24.
      current = prev === 'article' ? EN_DOZEN[t]! : current - lastGroup + lastGroup * EN_DOZEN[t]!;
      prev = 'scale';
      lastScale = 0; // nothing may follow a dozen but more of the same
      any = true;
    } else if (t in EN_SCALE) {
      const u = EN_SCALE[t]!;
      if (u === 100) {
        if (current % 100 !== 0 && current > 0 && current >= 100) return null;
        current = (current || 1) * 100;
        lastGroup = 0;
        prev = 'hundred';
      } else {
        // "million" alone is no number ("a million" is).
        if (u >= lastScale || prev === 'none') return null;
        total += (current || 1) * u;
        current = 0;
        lastScale = u;
        prev = 'scale';
      }
      any = true;
    } else return null;
  }
  if (!any || prev === 'and' || prev === 'article') return null;
  return { value: total + current, decimals: 0 };
}

// ---- where numbers are: one regex, built once
const cnDigitClass = `[${cnDigitChars}]`;
// A unit character that starts a physical unit which is not "magnitude × unit" (兆瓦 is a megawatt, 千米 a kilometre) ends the numeral.
const physTails = (ch: string) =>
  Object.keys(physicalUnits.zh)
    .filter((k) => k.startsWith(ch) && k.length > 1 && !(k.slice(1) in physicalUnits.zh))
    .map((k) => k.slice(1));
const unitChar = (ch: string) => {
  const tails = physTails(ch);
  return tails.length ? `${escapeRe(ch)}(?!${alternation(tails)})` : escapeRe(ch);
};
const cnUnitAlt = [...cnUnitChars].map(unitChar).join('|');
const cnVagueAlt = `[${zhNumerals.vague.join('')}]|[${zhNumerals.vagueBeforeUnit.join('')}](?=${cnUnitAlt})`;
const CN_CHAR = `(?:${cnDigitClass}|${cnUnitAlt}|${cnVagueAlt})`;
const CN_RUN = `${CN_CHAR}(?:[ \\t]{0,3}${CN_CHAR})*(?:[ \\t]{0,3}[${zhNumerals.point.join('')}][ \\t]{0,3}(?:${cnDigitClass}|[0-9０-９])+)?`;
const D = '[0-9０-９]';
const A = `${D}+(?:[.．]${D}+)?`;
const U = `(?:${cnUnitAlt})`;
// 5,057億4千萬元: the leading figure may be grouped in thousands.
const A_GROUPED = `(?:[0-9]{1,3}(?:,[0-9]{3})+(?:[.．]${D}+)?|${A})`;
const MIXED = `${A_GROUPED}[ ]?${U}+(?:(?:零[ ]?)?(?:${A}|${cnDigitClass})[ ]?${U}*|[ ](?:${A}|${cnDigitClass})[ ]?${U}+)+`;
const ARABIC =
  // Indian grouping 12,34,567.89; space-grouped 40 000; comma-grouped 1,234.5 (full-width ２，５００); plain; a leading point .5
  `\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?(?!\\d)|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:\\.\\d+)?(?![\\d,]|\\.\\d)|[0-9]+(?:,[0-9]{3})+(?:\\.[0-9]+)?|[０-９]+(?:[，,][０-９]{3})+(?:[.．][０-９]+)?|${A}|(?<![\\w.．])[.．]${D}+`;
// What looks like a number but reads as none: dotted identifiers (192.168.1.2), European 1.111,11 and decimal commas (5,4).
const NOT_A_NUMBER = `${A}[eEｅ][-+－]?${D}+|\\d+(?:\\.\\d+){2,}|\\d{1,3}(?:\\.\\d{3})+,\\d+|\\d+,\\d{1,2}(?![\\d,])`;
const EN_WORDS = `(?<![A-Za-z])(?:(?:a|an)\\s+(?=(?:${alternation([...Object.keys(EN_SCALE), ...Object.keys(EN_DOZEN)])})\\b))?(?:${enWordAlt}|\\d+(?=\\s+(?:${alternation(Object.keys(EN_SCALE))})\\s+(?:and\\s+)?(?:${enWordAlt}|\\d)))(?:(?:\\s+|\\s*-\\s*)(?:and\\s+)?(?:${enWordAlt}|point|\\d+(?:\\.\\d+)?))*(?![A-Za-z])`;
const NUM_RE = new RegExp(`(?<skip>${NOT_A_NUMBER})|(?<mixed>${MIXED})|(?<en>${EN_WORDS})|(?<arabic>${ARABIC})|(?<cn>${CN_RUN})`, 'gi');
const DISCOUNT_AFTER = new RegExp(`^(?:${alternation(discountWords)})`);
const ADJACENT_DIGITS = new RegExp(`${cnDigitClass}[ \\t]*${cnDigitClass}`);
const TWO_DIGITS = new RegExp(`^(${cnDigitClass})(${cnDigitClass})$`);
const PREFIX_BEFORE = new RegExp(`(${Object.keys(percentPrefixes).map((k) => [...k].map(escapeRe).join('\\s*')).join('|')})\\s*$`);

interface Raw {
  start: number;
  end: number;
  value: number;
  decimals: number;
  digits: string;
  chinese: boolean;
  /** 百分之 / 千分之 / 万分之 before the number: its unit, multiplier and length. */
  prefix?: { unit: string; mult: number; length: number };
  vagueWidth?: number;
  words?: boolean;
  cut?: boolean;
}

/** A Chinese numeral, read whole or, failing that, without its last characters (百分之七十百分位 → 七十). */
function readChineseRun(text: string, rest: string): { reading: ChineseReading; length: number } | null {
  // 二三十, 三四成: two digits in a row are a vague range; it is not read at all.
  const intPart = text.split(CN_POINT)[0]!;
  // (五〇五七點四億 is no range: digits with a 〇 among them are read place by place.)
  if (ADJACENT_DIGITS.test(intPart.replace(/零/g, '')) && !/[〇○]/.test(intPart)) {
    // 七五折 = 75%: two digits before a discount word are read as one two-digit number.
    const two = TWO_DIGITS.exec(intPart.replace(/\s+/g, ''));
    if (two && text === intPart && DISCOUNT_AFTER.test(rest)) return { reading: { value: CN_DIGIT[two[1]!]! * 10 + CN_DIGIT[two[2]!]!, decimals: 0 }, length: text.length };
    return null;
  }
  for (let n = text.length; n > 0; n--) {
    const reading = parseChineseNumeral(text.slice(0, n));
    if (reading && !/\s$/.test(text.slice(0, n))) return { reading, length: n };
  }
  return null;
}

/** Every numeral in a sentence outside the blocked spans, with its value as printed. */
function findNumerals(sentence: string, lang: 'zh' | 'en', blocked: Array<[number, number]>): Raw[] {
  const out: Raw[] = [];
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Blocked spans are in order and numerals come left to right: one walk through both.
  let bi = 0;
  while ((m = NUM_RE.exec(sentence))) {
    const start = m.index;
    let end = start + m[0].length;
    while (bi < blocked.length && blocked[bi]![1] <= start) bi++;
    if (bi < blocked.length && start >= blocked[bi]![0]) continue;
    const g = m.groups!;
    if (g.skip) continue;
    let r: Raw | undefined;
    if (g.mixed || g.cn) {
      // An English word such as "point" never gets here; a Chinese run may need trimming.
      const got = g.mixed ? { reading: parseChineseNumeral(m[0].replace(/,(?=\d{3})/g, '')), length: m[0].length } : readChineseRun(m[0], sentence.slice(end));
      if (!got || !got.reading) continue;
      end = start + got.length;
      NUM_RE.lastIndex = end;
      const { value, decimals, vagueWidth } = got.reading;
      // What was cut off a run (五十千) is no magnitude for what is left.
      r = { start, end, value, decimals, digits: String(Math.round(value)), chinese: true, vagueWidth, cut: got.length < m[0].length };
    } else if (g.en) {
      if (lang !== 'en') continue;
      const got = readEnglishRun(m[0]);
      if (!got) {
        // Not a number from here ("billion and 11.55 billion"): go on after the first word.
        NUM_RE.lastIndex = start + (/^[A-Za-z0-9]+/.exec(m[0])?.[0].length ?? 1);
        continue;
      }
      end = start + got.length;
      NUM_RE.lastIndex = end;
      // three fifths, twenty-first, one over three, two out of five: fractions and ratios are not read.
      if (EN_FRACTION.test(sentence.slice(end)) || EN_RATIO_BEFORE.test(sentence.slice(Math.max(0, start - 16), start))) continue;
      r = { start, end, value: got.value, decimals: got.decimals, digits: String(Math.round(got.value)), chinese: false, words: true };
      // "half a million", "half a billion dollars": half of the number the article and scale make.
      const half = /^an?\s/i.test(m[0]) ? /\bhalf\s+$/i.exec(sentence.slice(Math.max(0, start - 8), start)) : null;
      if (half) (r.start -= half[0].length), (r.value /= 2), (r.digits = String(Math.round(r.value)));
    } else {
      const ascii = toAscii(m[0]).replace(/[\s\u00a0\u202f]/g, '');
      const decimals = ascii.includes('.') ? ascii.split('.')[1]!.length : 0;
      r = { start, end, value: Number(ascii.replace(/,/g, '')), decimals, digits: ascii.split('.')[0]! || '0', chinese: false };
      // 2 1/2 percent: a whole number and a fraction, as American papers print a half.
      const frac = lang === 'en' && !decimals ? /^\s([1-9])\/([1-9]|1[0-6])(?![\d/])/.exec(sentence.slice(end)) : null;
      if (frac && +frac[1]! < +frac[2]!) {
        r.value = round12(r.value + +frac[1]! / +frac[2]!);
        r.decimals = 1;
        r.end = end + frac[0].length;
        NUM_RE.lastIndex = r.end;
      }
      if (lang === 'en' && (EN_OVER_AFTER.test(sentence.slice(end)) || EN_RATIO_BEFORE.test(sentence.slice(Math.max(0, start - 16), start)))) continue;
    }
    const pre = PREFIX_BEFORE.exec(sentence.slice(Math.max(0, start - 12), start));
    if (pre) {
      // 五百分之2.2 is a fraction with 500 below the line, not a percentage.
      // (NUMERAL_END on the sentence before the prefix, read from its last character that is not a space.)
      let k = start - pre[0].length;
      while (k > 0 && /\s/.test(sentence[k - 1]!)) k--;
      if (k > 0 && NUMERAL_END.test(sentence.slice(k - 1, start - pre[0].length))) continue;
      const [unit, mult] = percentPrefixes[pre[1]!.replace(/\s+/g, '')]!;
      r.prefix = { unit, mult, length: pre[0].length };
    }
    out.push(r);
  }
  return out;
}

const LONE_UNIT = new RegExp(`^[${cnUnitChars.replace('十', '')}]+$`);
const EN_OVER_AFTER = new RegExp(`^\\s+(?:over|out\\s+of)\\s+(?:\\d+|(?:${enWordAlt}))\\b(?!\\s+(?:years?|months?|weeks?|days?|quarters?|hours?)\\b)`, 'i');
const NUMERAL_END = new RegExp(`(?:${cnDigitClass}|${cnUnitAlt}|[0-9０-９])\\s*$`);
const EN_SCALE_NEXT = new RegExp(`^[\\s-]+(?:${alternation([...Object.keys(EN_SCALE), ...Object.keys(EN_DOZEN)])})\\b`, 'i');

/** The longest start of an English run that reads as one number ("three and four" → "three"). */
function readEnglishRun(text: string): { value: number; decimals: number; length: number } | null {
  const ends = [...text.matchAll(/[A-Za-z]+|\d+(?:\.\d+)?/g)].map((w) => w.index! + w[0].length);
  for (let k = ends.length - 1; k >= 0; k--) {
    const part = text.slice(0, ends[k]);
    // "3 hundred and 2 hundred": a prefix that a scale word continues is not a number of its own.
    if (EN_SCALE_NEXT.test(text.slice(part.length))) continue;
    const got = parseEnglishNumber(part);
    if (got) return { ...got, length: part.length };
  }
  return null;
}

/** Step of the last printed digit: decimals, or the run of trailing zeros of an integer (two or more). */
export function printedStep(digits: string, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  const zeros = /0*$/.exec(digits.replace(/\D/g, ''))![0].length;
  return zeros >= 2 && zeros < digits.replace(/\D/g, '').length ? 10 ** zeros : 1;
}

// ---- what follows a number
const zhMag = Object.keys(magnitudes.zh).sort((a, b) => b.length - a.length);
// A magnitude that starts a physical unit (千瓦, 兆瓦) is that unit, not a magnitude.
const zhMagAlt = zhMag.map((k) => (physTails(k).length ? `${escapeRe(k)}(?!${alternation(physTails(k))})` : escapeRe(k))).join('|');
// Magnitudes that cannot be anything else, with or without a space: billion, bn, bln.
const enMagWords = Object.keys(magnitudes.en).filter((k) => k.length > 1 && k === k.toLowerCase()).sort((a, b) => b.length - a.length);
// Upper-case magnitudes (MM) are read in that case only, glued after a currency sign: mm is millimetres.
const RE_CAPS_MAG = new RegExp(`^(${Object.keys(magnitudes.en).filter((k) => k !== k.toLowerCase()).join('|') || '(?!)'})(?![A-Za-z])`);
// One-letter magnitudes (5m, 20k) count only glued to a figure: "5 m" may be metres (see gluedLengths for lengths).
const enMagShort = Object.keys(magnitudes.en).filter((k) => k.length === 1);
const zhCurrency = Object.keys(currencyWords.zh).sort((a, b) => b.length - a.length);
const enCurrency = Object.keys(currencyWords.en).sort((a, b) => b.length - a.length);
const classifierChars = Object.keys(classifiers).join('');
const zhPhysical = Object.keys(physicalUnits.zh).sort((a, b) => b.length - a.length);
const enPhysical = Object.keys(physicalUnits.en).sort((a, b) => b.length - a.length);
const enPoints = [...pointWords.en].sort((a, b) => b.length - a.length);
// Basis points are hundredths of a percentage point.
const isBasis = (w: string) => /basis|bps?$|基点|基點/i.test(w);
const INDEX_WORD = wordsRe(indexPoints.indexWords, 'i');
const PERCENT_AFTER_POINTS = /^\s*,?\s*(?:or|\()\s*[+\-−]?\d[\d.]*\s*(?:%|percent|per cent)/i;
/** Bare points: index points where an index is spoken of, else percentage points (units.json indexPoints). */
function pointsUnit(sentence: string, value: number, end: number): 'points' | 'pp' {
  return value >= 100 || INDEX_WORD.test(sentence) || PERCENT_AFTER_POINTS.test(sentence.slice(end)) ? 'points' : 'pp';
}
// 10-15%, 3-5 per cent: the low end of a range takes the percent of its high end.
const PERCENT_RANGE_LOW = /^[-–~～]\d+(?:\.\d+)?\s?(?:%|％|percent\b|per cent\b|pc\b)/i;
// A capitalised word that is no name when it starts a sentence or a phrase (About 300, Over 400).
const NOT_A_NAME = new Set(['the', 'a', 'an', 'about', 'some', 'nearly', 'over', 'only', 'just', 'around', 'almost', 'more', 'than', 'with', 'by', 'in', 'at', 'of', 'for', 'to', 'from', 'and', 'or', 'but', 'since', 'after', 'before', 'under', 'all', 'its', 'their', 'his', 'her', 'our', 'these', 'those', 'another', 'roughly', 'approximately', 'total', 'top', 'up', 'down', 'last', 'first', 'each', 'every', 'least', 'most', 'both', 'they', 'we', 'he', 'she', 'it', 'there', 'here', 'as', 'while', 'when', 'if', 'like', 'per', 'also', 'then', 'still', 'already', 'exactly', 'below', 'above', 'between', 'among', 'including', 'estimated', 'additional', 'extra', 'further', 'fewer', 'less', 'many', 'once', 'now', 'today', 'yesterday', 'latest', 'next', 'new', 'other', 'record']);
const NAME_BEFORE = /(?:^|[^A-Za-z])([A-Z][A-Za-z&]*)\s$/;

const RE_ZH_AFTER = new RegExp(
  // A space may stand between a number and its Chinese unit in mixed text: "126.14 亿元".
  // 1万多亿元, 3千多亿: a magnitude, 多 or 余, then a larger one: more than 1万亿, 3千亿.
  // 10.5个亿: a spoken 个 before the magnitude.
  `^(?:\\s{1,4}(?=[\\u4e00-\\u9fff%％‰]))?([余多])?(?:[个個](?=[亿億]|万亿|萬億))?(${zhMagAlt})?([余多])?((?<=[余多])(?:亿|億|万|萬))?` +
    `(?:(${[...percentWords.zh, ...perMilleWords.zh].map(escapeRe).join('|')})|(${pointWords.zh.map(escapeRe).join('|')})|(${tenthWords.map(escapeRe).join('|')})(?!绩|为|功|本|果|员|交|立|熟|长|都|型|效|就|品|年|分|份|因|形|全|语|批|不|千|百|家)` +
    `|(${zhCurrency.map(escapeRe).join('|')})|(${zhPhysical.map(escapeRe).join('|')})|(人次|架次|辆次|[${classifierChars}])([\\u4e00-\\u9fffA-Za-z]{0,6}))?`,
);
const RE_EN_AFTER = new RegExp(
  // "$4.6-billion deal": a hyphen may join the magnitude word to the figure.
  `^(?:[\\s-]?(${enMagWords.join('|')})\\b|(${enMagShort.join('|')})\\b)?` +
    `(?:\\s?(%|％|‰)|\\s(percents|percentage(?![\\s-]+points?)|percent|per cent|pct(?!\\s+points?)|pc|per mille|per thousand|per 1,000|per 1000)(?!\\w|,\\d)|\\s(?:[a-z]+\\s)?(per 1,000|per thousand)(?!\\d|,\\d)|(?:[\\s-]|(?=bps?\\b))(${enPoints.map(escapeRe).join('|')})\\b|[\\s-](${enCurrency.map(escapeRe).join('|')})\\b(?!\\s+cents?\\b)|[\\s-](${alternation(Object.keys(subunits).filter((k) => /^[a-z]/.test(k)))})\\b|\\s?(${enPhysical.map(escapeRe).join('|')})\\b` +
    // 30pc, 0.8pct: per cent glued to the figure, as British papers print it.
    `|(pct?)(?![A-Za-z]))?`,
  'i',
);
// Currency signs and codes before a number: US$, C$ (also "c $"), RMB, EUR. Letters must not run on from a word (its $5).
const symbolKeys = [...new Set([...Object.keys(currencySymbols), ...currencyCodes.codes])].sort((a, b) => b.length - a.length);
const SYM_BEFORE = new RegExp(`(?:^|[^A-Za-z])(M?(?:${currencyCodes.codes.join('|')})|${symbolKeys.map((k) => escapeRe(k).replace(/([A-Za-z])\\\$$/, '$1\\s?\\$')).join('|')})\\s?$`, 'i');
const SYM_CODE = new Map<string, string>([
  ...currencyCodes.codes.map((c) => [c, currencyCodes.aliases[c] ?? c] as [string, string]),
  ...Object.entries(currencySymbols).map(([k, v]) => [k.toUpperCase(), v] as [string, string]),
]);
const symbolCode = (text: string) => {
  const t = text.replace(/\s+/g, '').toUpperCase();
  return SYM_CODE.get(t) ?? (/^M[A-Z]{3}$/.test(t) ? SYM_CODE.get(t.slice(1)) : undefined);
};
/** MAUD 60: an M before a code is million. */
const symbolMultiplier = (text: string) => (/^M[A-Z]{3}$/i.test(text) && !SYM_CODE.has(text.toUpperCase()) ? 1e6 : 1);
/** The currency sign or code just before a number; a lone lowercase "a $" is the article. */
const symbolBefore = (before: string): RegExpExecArray | null => {
  const m = SYM_BEFORE.exec(before);
  if (!m) return null;
  // a $48.2 million: the article; country music ' s $ 500: a possessive. Neither names a dollar.
  const at = m.index + m[0].indexOf(m[1]!);
  if (/^a\s?\$$/.test(m[1]!) || (/^[A-Za-z]\s?\$$/.test(m[1]!) && /['’`]\s*$/.test(before.slice(0, at)))) return symbolBefore(before.slice(0, at) + ' ' + before.slice(at + 1));
  return m;
};
// A one-character sign after the number (10 €, 100₾), unless it starts the next amount (10 $30).
const SYM_AFTER = new RegExp(`^\\s?([${Object.keys(currencySymbols).filter((k) => k.length === 1).map(escapeRe).join('')}])(?!\\s?\\d)`);
const codeAlt = currencyCodes.codes.join('|');
// 75 USD million, 30 MUSD, 115USD: a code after the number, maybe with a magnitude around it.
const RE_CODE_AFTER = new RegExp(`^\\s?(M)?(${codeAlt})(?:\\s(${enMagWords.join('|')}))?(?![A-Za-z0-9])`, 'i');
const RE_NO_CODE_AFTER = new RegExp(`^\\s+(?:${alternation(currencyNoCode)})\\b`, 'i');
// 3x, 2.5×: a multiple, glued or after a space, not before another number (3x3) or letter.
const RE_PER_MANY = /^\s(?:deaths?\s|cases\s|births\s)?per\s(1,000,000|1000000|100,000|100000|10,000|10000|million|100)(?=\s(?:people|persons|residents|inhabitants|population|live births|births|women|men|children|adults|deaths|cases)\b|[\s.,;)]|$)(?:\s(?:people|persons|residents|inhabitants|population|live births|births|women|men|children|adults))?/i;
// Signs are glued (3x), words follow a space (25 times earnings).
const multipleSigns = Object.keys(multipleWords).filter((k) => !/^[a-z]{2,}$/i.test(k));
const multipleNames = Object.keys(multipleWords).filter((k) => /^[a-z]{2,}$/i.test(k));
// The word needs a comparison after it (25 times earnings, three times as many): "called 3 times" is how often.
const RE_MULTIPLE = new RegExp(`^(?:(${alternation(multipleSigns)})|\\s(${alternation(multipleNames) || '(?!)'})(?=\\s+(?:as|more|larger|bigger|higher|greater|faster|the|that|its|their|what|over|earnings|forward|sales|revenue|book|ebitda|profits?)\\b))(?![A-Za-z0-9])`, 'i');
const GLUED_OK = new RegExp(`^(?:${alternation(Object.keys(multipleWords))}|${[...enMagWords, ...enMagShort].join('|')}|M?(?:${codeAlt})|${enPhysical.map(escapeRe).join('|')}|pcts?|pc|ppts?|bps?|p)(?![A-Za-z])`, 'i');
const GLUED_M_COUNT = new RegExp(`^\\s+(?:[a-z-]+\\s+)?(?:${alternation(Object.keys(countNouns))})\\b`, 'i');
// 4m high, the 10k run, a height of 6m: a glued m or k that is a length (units.json gluedLengths).
const lengthCues = (k: 'm' | 'k') => ({
  unit: gluedLengths[k].unit,
  after: new RegExp(`^[\\s-](?:${alternation(gluedLengths[k].after)})\\b`, 'i'),
  before: gluedLengths[k].before.length
    ? new RegExp(`(?:^|[^A-Za-z])(?:${alternation(gluedLengths[k].before)})\\s+(?:of\\s+)?(?:(?:up to|about|around|some|nearly|almost|over|more than|under)\\s+)?$`, 'i')
    : /(?!)/,
});
const LENGTH_CUES = { m: lengthCues('m'), k: lengthCues('k') };
// The river rose 1.8m: a sentence about water levels, walls or bodies measured speaks of lengths.
const LENGTH_SENTENCE = { m: wordsRe(gluedLengths.m.sentence ?? [], 'i'), k: wordsRe(gluedLengths.k.sentence ?? [], 'i') };
/** The length unit a glued m or k stands for here, if the words around it make it one. */
function gluedLength(letter: 'm' | 'k', before: string, after: string, sentence: string): string | undefined {
  const c = LENGTH_CUES[letter];
  return c.after.test(after) || c.before.test(before) || ((gluedLengths[letter].sentence?.length ?? 0) > 0 && LENGTH_SENTENCE[letter].test(sentence)) ? c.unit : undefined;
}
// 40C, minus 5C: degrees Celsius where temperature is spoken of (units.json gluedCelsius).
const GLUED_C = /^[CF](?![A-Za-z0-9])/;
const CELSIUS_CUE = wordsRe(gluedCelsius.cues, 'i');
const isGluedCelsius = (after: string, sentence: string) => GLUED_C.test(after) && (CELSIUS_CUE.test(sentence) || /\bminus\s+\d/i.test(sentence));
// 82p, 15.5p a share: pence, except where pictures are spoken of (1080p) (units.json gluedPence).
const GLUED_PENCE = /^p(?![A-Za-z0-9]|\.[A-Za-z0-9])/;
const PENCE_NOT = wordsRe(gluedPence.notWith, 'i');
// a 5m wall, the 100m final: after an article and before a singular noun, a length or a million.
const ARTICLE_BEFORE = /(?:^|[^A-Za-z])(?:a|an|the)\s$/i;
const SINGULAR_AFTER = /^\s+[a-z]+(?<!s)\b(?!')/;
const MONEY_BEFORE = new RegExp(`(?:${symbolKeys.map(escapeRe).join('|')})\\s?(?:[\\d.,]+\\s*[-–]\\s*)?$`, 'i');
const ZH_RANGE_NEXT = /^\s?[-－–—~～至到]\s?[0-9０-９]/;
const MEDAL_SHORT = /^([金银铜])(?=[金银铜0-9０-９，,。、；;）)\s的共总合]|$)/;
const MEDAL_VERB = /(?:获|收获|夺得|拿下|摘得|斩获|共获|赢得)\s*$/;
const MEDAL_GAMES = /(?:奥运会|奥运|亚运会|运动会|锦标赛|残奥会|冬奥会)(?:上)?的\s*$/;
const MEDAL_CONTEXT = /奖牌|金牌|银牌|铜牌|奖牌榜|代表团|运动会|奥运|亚运|锦标赛/;
const ZH_POINTS_AFTER = /^\s?[点點](?![钟鐘半多])/;
const ZH_INDEX = new RegExp(alternation(indexPoints.indexWordsZh));
// 度 is a kilowatt-hour only where electricity is spoken of; elsewhere a degree (units.json degreeSign).
const ELECTRICITY = new RegExp(alternation(degreeSign.electricity));
const TEMPERATURE = new RegExp(alternation(degreeSign.temperature));
// 级 is a magnitude only where an earthquake is spoken of: 二级资本债, 6级风 are not.
const QUAKE = /地震|震级|震級|余震|餘震|强震|強震/;
const ZH_CURRENCY_BEFORE = new RegExp(`(${zhCurrency.map(escapeRe).join('|')})\\s?$`);
const SYM_BETWEEN = new RegExp(`^\\s?[${Object.keys(currencySymbols).filter((k) => k.length === 1).map(escapeRe).join('')}]\\s?[0-9]`);
const OTHER_SCRIPT_AFTER = /^\s?(?![A-Za-z\u00c0-\u024f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\p{L}/u;
const SUBUNIT_BEFORE = new RegExp(`\\b(?:${alternation(Object.keys(subunits).filter((k) => /^[a-z]/.test(k)))})\\s$`, 'i');
// dollar 22.5 million: a currency word before an amount with a magnitude.
const EN_CURRENCY_BEFORE = new RegExp(`\\b(${alternation(Object.keys(currencyWords.en).filter((w) => !enCurrencyHomographs.has(w)))})\\s$`, 'i');
// 折 after the number, not 折合 (converted to) or 折旧 (depreciation).
const RE_DISCOUNT = new RegExp(`^\\s?(?:${alternation(discountWords)})(?![合旧算扣让射叠])`);
const ZH_CURRENCY_START = new RegExp(`^(${zhCurrency.map(escapeRe).join('|')})`);
const ZH_SPACED_POINTS = /^[个個]百分[点點]/;
const PERCENT_OF_BEFORE = /\b(?:per\s?cents?|percents?)\s+of\s+$/i;
const RE_PER_SHARE = /^\s*(?:per|a|each)\s+(?:diluted\s+|basic\s+)?share\b/i;
const RE_EN_NOUN = /^\s((?:[a-z][a-z-]*\s){0,2}[a-z][a-z-]*)/i;
const STOP_WORDS = new Set(['in', 'on', 'at', 'to', 'from', 'for', 'of', 'and', 'or', 'the', 'a', 'an', 'with', 'by', 'was', 'were', 'is', 'are', 'went', 'per', 'each', 'year', 'years', 'days', 'day', 'months', 'weeks', 'hours', 'apiece']);

const DURATION_AFTER = /^(?:[-\u2010\u2011]|\s)(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries)(?:([-\u2010\u2011\s])old\b)?(?![-\u2010\u2011]?[A-Za-z0-9])/i;
/** What a tenor ("10-year", "two-year") names: an instrument or its rate. */
export const TENOR_INSTRUMENTS = String.raw`yields?|rates?|LPR|bonds?|notes?|Treasur(?:y|ies)|gilts?|bunds?|JGBs?|repos?|loans?|mortgages?|debt|paper|swaps?`;
const TENOR_AFTER = new RegExp(String.raw`^[^,;.]{0,25}?\b(?:${TENOR_INSTRUMENTS})\b`, 'i');
const DURATION_UNITS: Record<string, string> = { century: 'centuries', centuries: 'centuries' };
const PERIOD_BEFORE = /\b(?:the|first|last|past|previous|next|latest|recent|coming|final|initial|trailing)\s+$/i;
const DATE_AFTER = /^\s+(?:ago|earlier|later|before|after|from now|prior|since|through|to|ended|ending|until)\b/i;
/** Units of time: a duration is no metric's figure (a 40-year high is not inflation). */
export const isDuration = (unit: string) => /^(?:years|months|weeks|days|hours|minutes|seconds|decades|centuries)$/.test(unit);

// The high end of an English range, with the unit the low end lacks: "-350 metres", " to 6 percent", " and 2 million".
const EN_RANGE_HIGH = new RegExp(`^\\s?(?:-|–|—|to|and)\\s?[$£€]?\\d[\\d,.]*\\s?(?:${alternation([...Object.keys(physicalUnits.en), ...Object.keys(magnitudes.en).filter((k) => k.length > 1), 'percent', 'per cent', 'percentage points'])}\\b|%|bn\\b|m\\b)`, 'i');
/** Whether a bare number opens a range whose high end names the unit ("and" only after "between"). */
function opensRange(sentence: string, start: number, end: number): boolean {
  const m = EN_RANGE_HIGH.exec(sentence.slice(end, end + 40));
  return !!m && (!/^\s?and/i.test(m[0]) || /\bbetween\s+\$?$/i.test(sentence.slice(Math.max(0, start - 10), start)));
}

const ZH_PHYSICAL_UNITS = new Set(Object.values(physicalUnits.zh));
const PER_DAY_ZH = /(?:日产|日均产量|日均|每日|每天|日处理)(?:量|能力)?(?:约|近|超过|超|逾|达|为)?\s*$/;
const PER_UNIT_EN_MAP = new Map(Object.entries(perUnitWords.en).map(([k, v]) => [k.toLowerCase(), v]));
const PER_UNIT_EN = new RegExp(`^\\s*(?:a|an|per|each)\\s+(${alternation(Object.keys(perUnitWords.en))})\\b`, 'i');
const PER_UNIT_ZH_AFTER = new RegExp(`^\\s?[/／](${alternation(Object.keys(perUnitWords.zh))})`);
const PER_UNIT_ZH_BEFORE = new RegExp(`每(${alternation(Object.keys(perUnitWords.zh))})(?:的)?(?:价格|售价|均价|单价)?(?:为|约|达|在|超过|报)?\\s*$`);

// "a 7.3-magnitude earthquake", "magnitude 6.1", "6.4 on the Richter scale": a quake's magnitude.
const MAGNITUDE_AFTER = /^(?:-|\s)magnitude\b|^\s+on the Richter scale\b/i;
const MAGNITUDE_BEFORE = /\bmagnitude(?:-|\s+(?:of\s+)?)$/i;
// 花莲7.3地震, 规模6.5以上的余震 (Taiwan's papers print 规模 for magnitude).
const ZH_MAGNITUDE_AFTER = /^(?:强|強|大)?(?:地震|余震|餘震)/;
const ZH_MAGNITUDE_BEFORE = /(?:规模|規模|芮氏)$/;
function quakeMagnitudes(sentence: string, tokens: NumberToken[], lang: 'zh' | 'en'): void {
  if (lang !== 'en') return;
  for (const t of tokens) {
    if (t.unit !== 'count' || t.countOf || t.value <= 0 || t.value >= 10 || (t.scale ?? 1) !== 1) continue;
    if (!MAGNITUDE_AFTER.test(sentence.slice(t.end, t.end + 24)) && !MAGNITUDE_BEFORE.test(sentence.slice(Math.max(0, t.start - 14), t.start))) continue;
    t.unit = 'magnitude';
    t.unitWhy = 'the magnitude of an earthquake';
  }
}

/** Finds spans that hold no quantities: URLs, markdown link targets, times. */
function blockedSpans(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // URLs, link targets, clock times, exchange-rate footnotes "($1 = 7.2290 yuan)", ages ("aged 16 to 59",
  // "60 and over", 60岁及以上), and the tolerance of a guidance ("plus or minus 2%").
  const re = /https?:\/\/\S+|www\.\S+|\]\([^)]*\)|\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\b|[(（]\s*(?:US)?\$\s?1\s*=\s*[\d.]+\s*[A-Za-z\u4e00-\u9fff]+\s*[)）]|\baged\s+\d+(?:\s*(?:to|-|–|and)\s*\d+)?|\b\d+\s+(?:and|or)\s+(?:over|older|above)\b|\d+(?:-\d+)?岁|\bplus or minus\s+[\d.]+\s*%|\b\d+-for-\d+\b|上下浮动\s*[\d.]+\s*%|±\s?[\d.]+\s*%/g;
  for (const m of s.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

const DAY_MONTH_AFTER = /^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;
const YEAR_PREP_BEFORE = /\b(?:in|since|of|by|from|to|until|till|before|after|around|circa|c\.|founded|built|began|opened|year)\s+$/i;
const MONTH_BEFORE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;

/** All number expressions in a sentence that state a quantity. */
export function scanNumbers(sentence: string, lang: 'zh' | 'en', fallbackUnit?: string): NumberToken[] {
  const blocked = blockedSpans(sentence);
  const raw = findNumerals(sentence, lang, blocked);

  const tokens: NumberToken[] = [];
  for (const r of raw) {
    // A number inside the unit of the one before ("6.39 per 1,000") is part of it.
    if (tokens.length && r.start < tokens[tokens.length - 1]!.end) continue;
    const before = sentence.slice(Math.max(0, r.start - 12), r.start);
    const after = sentence.slice(r.end, r.end + 40);
    const prevChar = sentence[r.start - 1] ?? '';
    // Names and versions: GPT-4, V3.0, A100, RTX4090, 4Q22; ordinals: 第40枚; stock codes 002594.SZ.
    const prevEnd = tokens.length ? tokens[tokens.length - 1]!.end : 0;
    // A run of words takes a sign before it only as $ or when it opens with digits (Rs 2 lakh crore): "Rs" before "two" may be a word.
    let symBefore = r.words && !/\$\s?$/.test(before) && !/^\d/.test(sentence.slice(r.start, r.start + 1)) ? null : symbolBefore(before);
    // A code the number before has taken as its own (10 rmb 20 usd) is not this one's.
    if (symBefore && r.start - symBefore[0].length + symBefore[0].indexOf(symBefore[1]!) < prevEnd) symBefore = null;
    // 12k个百分点, 百分之15Ｋ: a Latin letter glued to a number in Chinese text is not read.
    if ((lang === 'zh' || r.prefix) && /^[A-Za-zＡ-Ｚａ-ｚ]/.test(after) && !/^(?:M?(?:[A-Z]{3})|GWh|MWh|kWh|GW|MW|km|kg|pcts?|ppts?|bps?|BPs?)\b/.test(toAscii(after))) continue;
    // GPT-4, A100: letters before the number name a thing; a magnitude before a dash ends a range's low end (£1.5bn-2bn).
    if (!r.words && ((/[A-Za-z]$/.test(before) && !symBefore) || (/[A-Za-z]-$/.test(before) && !/\d(?:bn|mn|m|k|tn|trn)-$/.test(before) && !/magnitude-$/i.test(before)))) continue;
    // A dollar of a country we cannot name (XY$5) is money, but of no currency we can compare.
    if (!symBefore && /[A-Za-z]\s?\$\s?$/.test(before)) continue;
    // Letters glued to the number make a name (4Q22, 5G, 3D), except a magnitude (50bn, 10k) or a currency code (115USD).
    if (!r.words && /^[A-Za-zＡ-Ｚａ-ｚ]/.test(after) && !GLUED_OK.test(toAscii(after.slice(0, 8))) && !isGluedCelsius(after, sentence)) continue;
    // Ward 7B, Gate 5B, 2K Games, the 777X, a 7950X: a capital letter glued to a number that names a place or a model.
    if (!r.words && !r.chinese && /^[KMBX]\b/.test(after) && !MONEY_BEFORE.test(before) && (/\b[A-Z][a-z]+\s$/.test(before) && /\S\s+[A-Z][a-z]+\s$/.test(sentence.slice(Math.max(0, r.start - 30), r.start)) || /^[KMB]\s+[A-Z][a-z]/.test(after) || (after[0] === 'X' && r.decimals === 0 && r.value >= 100))) continue;
    // 10 $ 30: a sign between two numbers may be either's; a unit in a script we do not read (100,000 ரூ).
    if (!r.chinese && SYM_BETWEEN.test(after)) continue;
    if (OTHER_SCRIPT_AFTER.test(after)) continue;
    // sen 100,000, cent 5: a coin named before the number is no amount we can read.
    if (!r.chinese && SUBUNIT_BEFORE.test(before)) continue;
    // A letter after a space may be a magnitude or a unit (2.5 M, 10 k): unsure, so not read.
    if (!r.chinese && /^\s+[kKmMbBgGtT]\b(?![.'’]\w)/.test(after)) continue;
    // Glued lowercase m and k (2.5m, 40k) are millions and thousands, unless the words around make them a
    // length (4m high, the 10k run): then the figure is read as printed, in metres or kilometres. Capital K
    // and M (353K jobs, 14M ballots) are always thousands and millions: units are written lowercase.
    const gluedLetter = !r.chinese && /^[mk]\b/.test(after) && !MONEY_BEFORE.test(before) && !GLUED_M_COUNT.test(after.slice(1));
    const lengthUnit = gluedLetter ? gluedLength(after[0] as 'm' | 'k', sentence.slice(Math.max(0, r.start - 30), r.start), after.slice(1), sentence) : undefined;
    if (gluedLetter && !lengthUnit && ARTICLE_BEFORE.test(before) && SINGULAR_AFTER.test(after.slice(1))) continue;
    // Opening a sentence, nothing before says whether it is a length or a million.
    if (gluedLetter && !lengthUnit && !/\S/.test(sentence.slice(0, r.start))) continue;
    if (prevChar === '第') continue;
    if (/^\.[A-Z]{2}\b/.test(after)) continue;
    if (r.chinese && /^第/.test(sentence.slice(r.start - 1))) continue;

    let i = r.end;
    let start = r.start;
    let unit = '';
    let mult = 1;
    let countOf: string | undefined;
    let countNoun: string | undefined;
    let unitWhy: string | undefined;
    let stepUnit = 1; // the printed step is in units of this (a magnitude, 成 = 10%)
    let extraValue = 0; // in the final unit: the 六 of 七成六
    let extraLength = 0;

    if (r.prefix) {
      unit = r.prefix.unit;
      mult = r.prefix.mult;
      stepUnit = mult;
      unitWhy = `${sentence.slice(r.start - r.prefix.length, r.start).replace(/\s+/g, '')} before the number`;
    }
    const discount = r.prefix ? null : RE_DISCOUNT.exec(after);
    if (discount) {
      // 一折 is "a discount"; 十折 is no discount; "7 2折" may be one number or two.
      const printed = sentence.slice(r.start, r.end);
      if (printed === '一' || r.value === 10 || r.value >= 100 || (r.value >= 10 && !Number.isInteger(r.value)) || /[0-9０-９]\s$/.test(before)) continue;
      // 八折 = 80%, 8.5折 = 85%, 75折 = 75%: a price as a share of the full price.
      unit = '%';
      if (r.value < 10) (mult = 10), (stepUnit = 10);
      unitWhy = '折 is a share of the full price: 八折 = 80%';
      i = r.end + discount[0].length;
    }
    if (!discount && (lang === 'zh' || /^[\u4e00-\u9fff%％]/.test(after))) {
      const z = RE_ZH_AFTER.exec(after)!;
      const [all, q1, magRaw, q2, mag2, pct, pts, tenth, cur, phys, cls, noun] = z;
      const mag = r.cut ? undefined : magRaw;
      if (r.cut && magRaw) continue;
      if (mag) {
        // 万多亿 multiplies out: 1万多亿 is more than 1万亿 (a second magnitude only after 余 or 多, and larger than the first).
        const second = mag2 && magnitudes.zh[mag2]! > magnitudes.zh[mag]! ? magnitudes.zh[mag2]! : 1;
        mult = magnitudes.zh[mag]! * second;
        stepUnit = mult;
      }
      if (pct) unit = perMilleWords.zh.includes(pct) ? '‰' : '%';
      else if (pts) {
        unit = 'pp';
        if (isBasis(pts)) (mult = 0.01), (stepUnit = 0.01);
        // 降息1码: in Taiwan and Hong Kong a 码 is a quarter point.
        else if (/^[码碼]$/.test(pts)) (mult = 0.25), (stepUnit = 0.25), (unitWhy = '码 is a quarter of a percentage point');
      } else if (phys === '级' && (!QUAKE.test(sentence) || r.chinese)) continue; // 响应提升至二级: a level of response; magnitudes are printed in digits
      else if (phys) unit = phys === '度' && !ELECTRICITY.test(sentence) ? (TEMPERATURE.test(sentence) ? '°C' : '°') : physicalUnits.zh[phys]!;
      else if (tenth) {
        unit = '%';
        mult = 10;
        stepUnit = 10;
        unitWhy = '成 is tenths: 四成 = 40%';
        // 七成六 = 76%, 三成半 = 35%, 3成5 = 35%: a digit or 半 after 成 is the next place.
        const next = /^\s?(?:([一二两三四五六七八九])(?![十百千万亿成折个])|([1-9１-９])(?=[\s，,。；;、)）的左以]|$)|半)/.exec(after.slice(all.length));
        if (next && r.decimals === 0 && !r.vagueWidth) {
          extraValue = next[1] ? CN_DIGIT[next[1]]! : next[2] ? Number(toAscii(next[2])) : 5;
          extraLength = next[0].length;
          stepUnit = 1;
        }
      } else if (cur) unit = currencyWords.zh[cur]!;
      else if (cls) {
        if (cls === '倍') unit = 'times';
        else {
          unit = 'count';
          countOf = classifiers[cls];
          // 20个比特币: a currency after the classifier makes it an amount of money.
          const money = noun ? ZH_CURRENCY_START.exec(noun) : null;
          if (money) {
            unit = currencyWords.zh[money[1]!]!;
            countOf = undefined;
            extraLength = money[0].length;
          }
          // 一 百 五 十 个 百 分 点: a spaced-out unit we do not read.
          if (ZH_SPACED_POINTS.test(after.replace(/\s+/g, '')) && !/^\s{0,4}[个個]百分[点點]/.test(after)) continue;
          // The noun after the classifier, up to a function word: 48项任务中与… → 任务.
          countNoun = noun ? noun.replace(/(?:位列|位居|排名|名列|排在|居于|列第).*$/, '').replace(/^([\s\S][^的与和及在中为是了把被对向从]*)[\s\S]*$/, '$1') || undefined : undefined;
        }
      }
      // 万 or 亿 alone, as in 1200万用户: a count of what follows.
      if (!unit && mag && !r.prefix) {
        unit = 'count';
        const n = /^[\u4e00-\u9fff]{1,4}/.exec(after.slice(after.indexOf(mag, (q1 ?? '').length) + mag.length + (q2 ?? '').length));
        countNoun = n?.[0];
      }
      if (unit || r.prefix) i = r.end + all.length - (cls && noun ? noun.length : 0) + extraLength;
      if (q1 || q2) i = Math.max(i, r.end + (q1 ?? '').length + (mag ?? '').length + (q2 ?? '').length + (mag2 ?? '').length);
      if (r.prefix) unit = r.prefix.unit;
    }
    // 花莲7.3地震, 规模6.5以上的余震: a magnitude printed without 级, where a quake is spoken of.
    // (The words next to the figure first: the quake test reads the whole sentence.)
    if (!unit && lang === 'zh' && r.decimals <= 1 && r.value > 0 && r.value < 10 && (ZH_MAGNITUDE_AFTER.test(after) || ZH_MAGNITUDE_BEFORE.test(before)) && QUAKE.test(sentence)) {
      unit = 'magnitude';
      unitWhy = 'the magnitude of an earthquake';
    }
    // 198金121银71铜, 收获52金: medal tables' shorthand, where medals are spoken of.
    const medal = !unit && lang === 'zh' && r.decimals === 0 ? MEDAL_SHORT.exec(after) : null;
    // 40金27银, 40金、27银、24铜, 伦敦奥运会的39金: a medal tally, its next items, or a Games' tally.
    if (medal && (/[金银铜][、，,\s]*$/.test(sentence.slice(0, r.start)) || /^\s?[、，,]?\s?[0-9０-９]+\s?[金银铜]/.test(after.slice(1)) || MEDAL_VERB.test(before) || MEDAL_GAMES.test(before)) && MEDAL_CONTEXT.test(sentence)) {
      unit = 'count';
      countOf = 'medal';
      countNoun = `${medal[1]}牌`;
      unitWhy = `${medal[1]} after a count where medals are spoken of is ${medal[1]}牌`;
      i = r.end + 1;
    }
    // 收报3012.45点, 恒指跌312點: index points, where an index is named (not 下午3点, a time).
    if (!unit && ZH_POINTS_AFTER.test(after) && ZH_INDEX.test(sentence) && !/(?:上午|下午|晚上|凌晨|早上|中午|傍晚)$/.test(before)) {
      unit = 'points';
      unitWhy = '点 after a figure, where an index is named, is index points';
      i = r.end + ZH_POINTS_AFTER.exec(after)![0].length;
    }
    const capsMag = !r.chinese && MONEY_BEFORE.test(before) ? RE_CAPS_MAG.exec(after) : null;
    if (capsMag) {
      mult = magnitudes.en[capsMag[1]!]!;
      stepUnit = mult;
      i = r.end + capsMag[0].length;
    }
    // 40C, 104F: degrees where temperature is spoken of.
    if (!unit && !r.chinese && !symBefore && !r.words && r.value < (after[0] === 'F' ? 150 : 100) && isGluedCelsius(after, sentence)) {
      unit = after[0] === 'F' ? '°F' : '°C';
      unitWhy = `${after[0]} glued to a temperature is degrees ${after[0] === 'F' ? 'Fahrenheit' : 'Celsius'}`;
      i = r.end + 1;
    }
    if (!unit && !r.chinese && !capsMag && !symBefore && !r.words && GLUED_PENCE.test(after) && !PENCE_NOT.test(sentence)) {
      unit = gluedPence.unit;
      mult = gluedPence.per;
      stepUnit = mult;
      unitWhy = 'p glued to the figure is pence';
      i = r.end + 1;
    }
    // 4.1 per 100,000 people: a rate per so many, its unit (per 1,000 is ‰, read below).
    const perMany = !unit && !r.chinese && !capsMag && !symBefore ? RE_PER_MANY.exec(after) : null;
    if (perMany) {
      unit = `per ${perMany[1]!.replace(/[,\s]/g, '')}`;
      unitWhy = `"${perMany[0].trim()}" after the number`;
      i = r.end + perMany[0].length;
    }
    const multiple = !unit && !r.chinese && !capsMag && !symBefore ? RE_MULTIPLE.exec(after) : null;
    if (multiple) {
      unit = multipleWords[(multiple[1] ?? multiple[2])!.toLowerCase()]!;
      i = r.end + multiple[0].length;
    } else if (!unit && !r.chinese && !symBefore && /^\s+times\b/i.test(after) && (r.decimals > 0 || /\b(?:over-?subscribed|subscribed|covered|valued at|trades? at|traded at)\s+(?:about\s+|nearly\s+|more than\s+)?$/i.test(before))) {
      // "oversubscribed 287.4 times": a multiple; a whole number of times is how often ("called three times").
      unit = 'times';
      i = r.end + /^\s+times/i.exec(after)![0].length;
    }
    if (!unit && !r.chinese && !capsMag) {
      const e = RE_EN_AFTER.exec(after)!;
      const [all, magWord, magShort, pctSign, pctWordRaw, perThousand, pts, curRaw, cents, phys, pcGlued] = e;
      // won after a figure is the Korean currency only with a magnitude or grouped digits (2 trillion won, 10,000 won).
      const cur = curRaw && enCurrencyHomographs.has(curRaw.toLowerCase()) && !magWord && !/\d,\d{3}/.test(sentence.slice(r.start, r.end)) ? undefined : curRaw;
      if (curRaw && !cur) continue;
      const pct = (pctSign && pctSign !== '‰' ? pctSign : undefined) ?? pcGlued;
      const pctWord = pctWordRaw && !/mille|thousand|1,?000/.test(pctWordRaw) ? pctWordRaw : undefined;
      if (pctSign === '‰' || perThousand || (pctWordRaw && !pctWord)) unit = '‰';
      const mag = (magWord ?? magShort)?.toLowerCase();
      if (mag) {
        mult = magnitudes.en[mag]!;
        stepUnit = mult;
      }
      if (pct || pctWord) unit = '%';
      else if (pts) {
        unit = 'pp';
        if (isBasis(pts)) {
          mult = 0.01;
          stepUnit = 0.01;
        } else if (/^(?:points|pts)$/i.test(pts)) unit = pointsUnit(sentence, r.value * mult, r.end + all.length);
      } else if (cur) unit = currencyWords.en[cur.toLowerCase()]!;
      else if (phys) unit = physicalUnits.en[phys]!;
      else if (cents) {
        unit = subunits[cents.toLowerCase()]![0];
        mult = subunits[cents.toLowerCase()]![1];
        stepUnit = mult;
      }
      i = r.end + all.length;
      // The glued letter of a length is its unit (4m high); before a currency or a unit it is the magnitude (400m pounds).
      if (lengthUnit && magShort && !cur && !phys && !unit) {
        mult = 1;
        stepUnit = 1;
        unit = lengthUnit;
        i = r.end + 1;
      }
      // A currency code after the number (75 USD million, 30 MUSD); a code before it wins (rmb 10 usd 20).
      const code = !unit && !symBefore ? RE_CODE_AFTER.exec(sentence.slice(i)) : null;
      if (code) {
        unit = symbolCode(code[2]!)!;
        const m2 = code[1] ? 1e6 : code[3] ? magnitudes.en[code[3].toLowerCase()]! : 1;
        if (m2 !== 1 && !mag) (mult = m2), (stepUnit = m2);
        i += code[0].length;
      }
      const sa = !unit && !symBefore ? SYM_AFTER.exec(sentence.slice(i)) : null;
      if (sa) {
        unit = currencySymbols[sa[1]!]!;
        i += sa[0].length;
      }
      // Francs, pesetas: money, but of a currency we cannot name; not a count either.
      if (!unit && RE_NO_CODE_AFTER.test(sentence.slice(i))) continue;
      const cwb = !unit && mag && !symBefore ? EN_CURRENCY_BEFORE.exec(before) : null;
      if (cwb) {
        unit = currencyWords.en[cwb[1]!.toLowerCase()]!;
        start = r.start - cwb[0].length;
      }
      // "$ 30 cent": a sign and a coin name disagree; not read.
      if (symBefore && cents) continue;
      if (!unit && PERCENT_OF_BEFORE.test(sentence.slice(Math.max(0, r.start - 16), r.start))) unit = '%';
    }
    // A currency named before the number: 美元100亿 takes it; so does 新台币2兆元 or 港币38亿元,
    // whose 元 is that currency's unit, not the yuan.
    if (((!unit || unit === 'count') && !countOf) || (unit === 'CNY' && /^[\s\d.,万萬亿億兆千百]*[元圆圓]/.test(sentence.slice(r.end, r.end + 8)))) {
      const cw = ZH_CURRENCY_BEFORE.exec(before);
      if (cw && cw[1] !== '元') unit = currencyWords.zh[cw[1]!]!;
    }
    // The high end of a range ($94-99bn) takes the currency of its low end.
    if (!unit && !r.chinese) {
      const low = /([$€£¥￥]|US\$|HK\$)\d[\d.,]*\s*[-–]\s*$/.exec(before);
      if (low) unit = currencySymbols[low[1]!]!;
    }
    if (!unit && !r.prefix && PERCENT_RANGE_LOW.test(after)) {
      unit = '%';
      unitWhy = 'the low end of a range of percentages';
    }
    // Currency symbols before the number.
    const symCode = symBefore ? symbolCode(symBefore[1]!) : undefined;
    if (symBefore && symCode && (!unit || unit === 'count')) {
      unit = symCode;
      const sm = symbolMultiplier(symBefore[1]!);
      if (sm !== 1) (mult *= sm), (stepUnit *= sm);
      countOf = undefined;
      countNoun = undefined;
      start = r.start - symBefore[0].length + symBefore[0].indexOf(symBefore[1]!);
    } else if (symBefore && (unit === 'CNY' || unit === 'USD' || unit === symCode)) {
      start = r.start - symBefore[0].length + symBefore[0].indexOf(symBefore[1]!);
      // NT$1.2億元, HK$3億元: 元 is the dollar the sign names, not the yuan.
      if (unit === 'CNY' && symCode && symCode !== 'CNY' && symCode !== 'USD') (unit = symCode), (unitWhy = `${symBefore[1]} before the number: 元 is its dollar`);
    }
    if (r.prefix) start -= r.prefix.length;
    // A printed sign: "+24.7%", "-8% y/y", "为-2018.87万元" (not the dash of a range such as 34.5-37.0).
    let sign: 0 | 1 | -1 = 0;
    const sc = sentence[start - 1];
    // 3%-5%, 10-15%: a dash glued to the figure before joins a range; it is no minus.
    const rangeDash = tokens.length > 0 && prevEnd === start - 1;
    if (sc && '+-−–－'.includes(sc) && !/[0-9A-Za-z]/.test(sentence[start - 2] ?? '') && !rangeDash) {
      sign = sc === '+' ? 1 : -1;
      start -= 1;
    } else if (sentence.slice(start - 2, start) === '零下') {
      // 零下12摄氏度: below zero.
      sign = -1;
      start -= 2;
    } else if (sc && zhNumerals.minus.includes(sc) && sentence[start - 2] !== '正') {
      // 负2.5亿元, 负三十二: minus written out (正负 is plus-or-minus).
      sign = -1;
      start -= 1;
    }
    // 每10股派发现金红利19.72元, "RMB 19.72 per 10 shares": A-share dividends are quoted per ten
    // shares. The figure keeps its printed value with a unit of its own (CNY/10 shares), so the
    // reader sees what the page says and per-ten figures meet each other.
    let perN = 0;
    const perTen = /每\s*(\d+)\s*股[^，。；\d]{0,10}$/.exec(sentence.slice(Math.max(0, start - 20), start));
    const perTenAfter = /^\s*(?:per|for every)\s+(\d+)\s+shares\b/i.exec(sentence.slice(i));
    if (perTen && unit !== '%' && +perTen[1]! > 1) perN = +perTen[1]!;
    else if (perTenAfter && unit !== '%' && +perTenAfter[1]! > 1) (perN = +perTenAfter[1]!), (i += perTenAfter[0].length);
    // Per share: "$5.33 per diluted share", "50 cents a share".
    const ps = RE_PER_SHARE.exec(sentence.slice(i));
    const perShare = perN > 1 || (!!ps && unit !== '%' && unit !== 'pp');
    if (perN > 1) unitWhy = `quoted per ${perN} shares`;
    if (ps && perShare && perN <= 1) i += ps[0].length;
    // 日产4.21万桶, 日均产量30万吨: a physical amount per day.
    if (lang === 'zh' && ZH_PHYSICAL_UNITS.has(unit) && PER_DAY_ZH.test(sentence.slice(Math.max(0, start - 8), start))) (unit = `${unit}/d`), (unitWhy = 'an amount per day (日产, 日均)');
    // Prices per unit: "$82 a barrel", 850元/吨, 每吨3650元 (units.json perUnit).
    if (isMoney(unit) && !perShare) {
      const en = !r.chinese && lang === 'en' ? PER_UNIT_EN.exec(sentence.slice(i)) : null;
      const zhAfter = en ? null : PER_UNIT_ZH_AFTER.exec(sentence.slice(i));
      const zhBefore = en || zhAfter ? null : PER_UNIT_ZH_BEFORE.exec(sentence.slice(Math.max(0, start - 12), start));
      const per = en ? PER_UNIT_EN_MAP.get(en[1]!.toLowerCase()) : zhAfter ? perUnitWords.zh[zhAfter[1]!] : zhBefore ? perUnitWords.zh[zhBefore[1]!] : undefined;
      if (per) {
        unit = `${unit}/${per}`;
        unitWhy = `a price per ${(en ?? zhAfter ?? zhBefore)![1]}`;
        if (en || zhAfter) i += (en ?? zhAfter)![0].length;
      }
    }

    // Durations and ages: 14 years, a 10-year bond, a 45-year-old man, 79.3 years of life expectancy.
    // Time words after "the/past/first" name a period (the 12 months to March), and "two years ago" a date: neither is read.
    const dur = !unit && !r.chinese && lang === 'en' ? DURATION_AFTER.exec(sentence.slice(i)) : null;
    if (dur) {
      if (PERIOD_BEFORE.test(before) || DATE_AFTER.test(sentence.slice(i + dur[0].length))) continue;
      // A short span in words (two years, six months) is how a story tells time, not a figure it reports;
      // a year (fiscal 2024 second quarter) is a date; an age is always read.
      const age = !!dur[2];
      if (!age && (r.words || (r.decimals === 0 && r.value < 10) || /^(?:19|20)\d{2}$/.test(r.digits))) continue;
      if (!age && /^\s/.test(dur[0]) && /^(?:second|minute)$/i.test(dur[1]!)) continue;
      // The 10-year Treasury, a 30-year mortgage: a tenor names the instrument (an aspect of its rate), it is no figure.
      if (!age && TENOR_AFTER.test(sentence.slice(i + dur[0].length, i + dur[0].length + 40))) continue;
      const word = dur[1]!.toLowerCase();
      unit = DURATION_UNITS[word] ?? `${word.replace(/s$/, '')}s`;
      unitWhy = dur[2] ? `an age in ${unit}` : `a span of ${unit}`;
      i += dur[0].length;
    }
    // English counts: the noun after a bare number (67,317 employees; 40 golds). In Chinese a bare number is no quantity.
    if (!unit && !r.chinese && lang === 'en') {
      const n = RE_EN_NOUN.exec(sentence.slice(i));
      if (n) {
        const words = n[1]!.toLowerCase().split(/\s+/);
        const stop = words.findIndex((w) => STOP_WORDS.has(w));
        // The counted noun ends the phrase: "five people died" counts people, not "died".
        let noun = words.findIndex((w, k) => (stop < 0 || k < stop) && countNouns[w] !== undefined);
        while (noun >= 0 && countNouns[words[noun + 1] ?? ''] !== undefined) noun++;
        const cut = noun >= 0 ? noun + 1 : stop;
        const phrase = (cut < 0 ? words : words.slice(0, cut)).join(' ');
        if (phrase) {
          countNoun = phrase;
          // The head noun is the last word: "medal events" counts events.
          const head = phrase.split(' ').pop()!;
          countOf = countNouns[head] ?? countNouns[head.replace(/s$/, '')];
        }
      }
      unit = 'count';
    }

    // "all 50 states", "70 of us": a whole or a partitive, not a figure to compare.
    if (!r.chinese && unit === 'count' && (/\ball\s+$/i.test(before) || /^\s+of\s+(?:us|them|you|these|those)\b/i.test(sentence.slice(i)))) continue;
    // 29km Road: a measurement followed by a capitalised word is a name.
    if (lang === 'en' && unit && Object.values(physicalUnits.en).includes(unit) && /^\s+[A-Z][a-z]/.test(sentence.slice(i))) continue;
    // $ 30 $: a sign on both sides belongs to one of two numbers, we do not know which.
    if (symBefore && SYM_AFTER.test(sentence.slice(i)) && !r.chinese) continue;
    // What does not state a quantity: a model number (iPhone 16), a span of time (the 12 months through July).
    if (!r.chinese && unit === 'count' && /\b[a-z]+[A-Z][A-Za-z]*\s$/.test(before)) continue;
    // Boeing 737, Windows 11, FTSE 100: a bare whole number right after a name is part of the name.
    const name = !r.chinese && !r.words && unit === 'count' && !countOf && mult === 1 && r.decimals === 0 && !/,/.test(sentence.slice(r.start, r.end)) ? NAME_BEFORE.exec(before) : null;
    if (name && !NOT_A_NAME.has(name[1]!.toLowerCase()) && !symbolCode(name[1]!) && !MONTH_BEFORE.test(before)) continue;
    if (!r.chinese && unit === 'count' && /^\s(?:months?|years?|weeks?|days?|quarters?|hours?|minutes?)\b/i.test(after)) continue;
    // What does not state a quantity.
    const datey = /^\s?个?(?:年|月|日(?![元圆圓])|号|时|小时|点|季|周|星期|天|岁|世纪|年代|交易日|工作日)/.test(after) || (/^\d{4}$/.test(r.digits) && /^([-/.])\d{1,2}\1\d{1,2}(?!\d)/.test(after));
    if (datey && !['%', 'pp', 'points'].includes(unit)) continue;
    if (!r.chinese && MONTH_BEFORE.test(before) && unit === 'count') continue;
    if (!r.chinese && unit === 'count' && r.decimals === 0 && mult === 1 && !countOf && /^(?:19|20)\d{2}$/.test(r.digits)) continue;
    // Not counts: a day before its month (12 March), an older or later year after its preposition (since 1776,
    // by 2100), a side of a slash (9/11, 60/40, 2025/26), a denominator (per 1,000 residents), a numbered
    // thing (No. 10, Top 20), a clock or a zoned time (0600 GMT).
    if (!r.chinese && unit === 'count' && !countOf) {
      const rest = sentence.slice(r.end);
      if (r.decimals === 0 && r.value >= 1 && r.value <= 31 && DAY_MONTH_AFTER.test(rest)) continue;
      if (r.decimals === 0 && /^(?:1[0-9]|2[01])\d{2}$/.test(r.digits) && YEAR_PREP_BEFORE.test(before)) continue;
      if (r.decimals === 0 && mult === 1 && (/\d\s?\/$/.test(before) || /^\s?\/\s?\d+(?![\d.,]|[A-Za-z%％亿万億萬])/.test(rest))) continue;
      if (/\b(?:No\.|no\.|Nos?\.|number|Top|top|Number)\s?$/.test(before)) continue;
      if (/^\d{4}$/.test(r.digits) && /^\s?(?:GMT|BST|UTC|CET|EST|EDT|PST|IST|JST|hrs|hours local|local time)\b/.test(rest)) continue;
    }
    if (!r.chinese && unit === 'count' && /\b(?:per|for every|in every|out of every)\s+$/i.test(before)) continue;
    // A small bare number is no figure, unless it opens a range whose high end has the unit (5 to 6 percent, between 1 and 2 million).
    if (lang === 'en' && !r.chinese && unit === 'count' && mult === 1 && r.value < 10 && r.decimals === 0 && !countOf && !opensRange(sentence, r.start, i)) continue;
    if (!r.chinese && unit === 'count' && /^\d+\.\s/.test(sentence.slice(r.start)) && r.start <= 3) continue; // a list marker "1. "
    // "(1)" marks a note or an item; "healthcare (70,000)", a number grouped in thousands, is a count.
    if (!r.chinese && unit === 'count' && /\($/.test(before) && /^\)/.test(after) && !/\d,\d{3}/.test(sentence.slice(r.start, r.end))) continue;
    if (unit === 'count' && /^[-–]\d/.test(after) && !r.chinese && !opensRange(sentence, r.start, i)) continue; // a score such as 67-66
    // The second half of a score (67-66) is no figure; the high end of a range with its magnitude (3-4 million) is.
    if (unit === 'count' && /\d\s*[-–]\s*$/.test(before) && mult === 1) continue;
    if (/^0\d{5}$/.test(r.digits) || /^[036]\d{5}$/.test(r.digits) && !unit) continue;
    if (r.chinese) {
      if (!unit) continue;
      if (unit === '%' && mult === 10 && /[这那每]$/.test(sentence.slice(0, r.start))) continue;
      // 一个, 两家: a lone small numeral is a determiner, not a figure, unless it is a share (四成) or multiple.
      if (r.value < 10 && mult === 1 && unit === 'count') continue;
      // A lone 一 is the article "a" (一美元 a dollar), unless it is a share or a multiple (一成, 一倍).
      if (sentence.slice(r.start, r.end) === '一' && unit !== '%' && unit !== 'times' && !r.prefix) continue;
      // 万 or 拾 alone (拾起 picks up) is no numeral; 十 alone is ten.
      if (LONE_UNIT.test(sentence.slice(r.start, r.end)) && !r.prefix) continue;
    }
    // A table cell takes the unit its row or column names: | 基本每股收益（元） | 5.66 |.
    if (fallbackUnit && (!unit || (unit === 'count' && !countOf && !countNoun))) {
      const z = RE_ZH_AFTER.exec(fallbackUnit) ?? [];
      const [, , mag, , , pct, , , cur] = z;
      const e = /^(?:US\$|\$)?\s*(百万|千|million|billion|bn|m)?\s*(美元|元|人民币|USD|CNY|\$)?/i.exec(fallbackUnit) ?? [];
      if (pct) unit = perMilleWords.zh.includes(pct) ? '‰' : '%';
      else if (cur || e[2] || /^US\$|^\$/.test(fallbackUnit)) unit = cur ? currencyWords.zh[cur]! : /元|人民币|CNY/i.test(e[2] ?? '') ? 'CNY' : 'USD';
      const magnitude = mag ? magnitudes.zh[mag]! : e[1] ? (magnitudes.en[e[1].toLowerCase()] ?? magnitudes.zh[e[1]] ?? 1) : 1;
      if (unit && unit !== 'count' && magnitude !== 1) (mult = magnitude), (stepUnit = magnitude);
      if (unit) unitWhy = `the table gives the unit: ${fallbackUnit}`;
    }
    const slashPair = /^[/／][+\-−]?[0-9０-９]/.test(sentence.slice(r.end)) && (!unit || (unit === 'count' && !countOf));
    if (slashPair) unit = '';
    // 10-15亿元: the low end of a range printed with its unit only after the high end waits for linkRanges.
    else if (lang === 'zh' && !r.chinese && !unit && !ZH_RANGE_NEXT.test(sentence.slice(r.end, r.end + 4))) continue;

    const decimals = r.decimals;
    const step = r.vagueWidth
      ? round12(r.vagueWidth * stepUnit)
      : round12(printedStep(r.digits, decimals) * stepUnit);
    const vagueWord = r.vagueWidth ? [...sentence.slice(r.start, r.end)].find((c) => CN_VAGUE.has(c)) : undefined;
    tokens.push({
      start,
      end: i,
      numStart: r.start,
      numEnd: r.end,
      value: round12(r.value * mult + extraValue),
      precision: step,
      unit,
      countOf,
      countNoun,
      perShare,
      ...(perN > 1 ? { perShares: perN } : {}),
      sign,
      unitWhy,
      scale: mult,
      ...(vagueWord ? { vagueWord } : {}),
      ...(slashPair ? { slashPair } : {}),
    });
  }
  // A number too large for a double (309 digits and more) is Infinity: no figure at all, never a claim.
  if (lang === 'en') withShares(sentence, tokens);
  const paired = linkSlashPairs(sentence, tokens.filter(finite));
  mergeCoins(sentence, paired);
  linkRanges(sentence, paired);
  linkPerShareBases(sentence, paired);
  quakeMagnitudes(sentence, paired, lang);
  // A low end that found no high end to take its unit from (2023-2024年) is no figure.
  return withStreaks(sentence, paired.filter((t) => finite(t) && (t.unit !== '' || t.slashPair || lang !== 'zh')));
}

// "compared with $1.31", "compared to a Wall Street consensus estimate of $0.73": a comparison word, then words only.
const PER_SHARE_BASE_GAP = /^\s*,?\s*(?:(?:up|down)\s+from|compared\s+(?:with|to)|against|versus|vs\.?|from|beating|missing|topping)\s+(?:[A-Za-z'’().-]+\s+){0,7}$/i;
const NOT_A_PER_SHARE_BASE = /\b(?:revenue|revenues|sales|profit|income|cash|debt|market|value|capitali[sz]ation|dividends|buyback|loss)\b/i;
/** "$1.52 a share, compared with $1.31 a year ago", 每股收益0.52元，上年同期0.41元: the base of a per-share figure is per share. */
function linkPerShareBases(sentence: string, tokens: NumberToken[]) {
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!;
    const b = tokens[k]!;
    const gap = sentence.slice(a.end, b.start);
    if (a.perShare && !b.perShare && b.unit === a.unit && !a.perShares && PER_SHARE_BASE_GAP.test(gap) && !NOT_A_PER_SHARE_BASE.test(gap)) b.perShare = true;
  }
}

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };
const ORDINAL = `(${Object.keys(ORDINALS).join('|')}|\\d{1,3}(?:st|nd|rd|th))`;
const STREAK_EN = new RegExp(`\\b${ORDINAL}\\s+(?:(?:consecutive|straight|successive)\\s+([a-z]+)|([a-z]+)\\s+in\\s+a\\s+row\\b)`, 'gi');
const STREAK_ZH = /连续([一二两三四五六七八九十\d]{1,3})个?(月|季度|季|年|周|天|日|次)/g;

/**
 * A run of periods is a count too ("the third month in a row", "the fourth straight decline",
 * 连续三个月): a source that says fourth where another says third is wrong. Ordinals are not
 * read otherwise.
 */
function withStreaks(sentence: string, tokens: NumberToken[]): NumberToken[] {
  const streaks: NumberToken[] = [];
  const add = (start: number, end: number, value: number, noun: string) => {
    if (!Number.isFinite(value) || value < 2 || tokens.some((t) => t.start < end && start < t.end)) return;
    streaks.push({ start, end, numStart: start, numEnd: end, value, precision: 1, unit: 'count', countOf: 'streak', countNoun: noun, perShare: false, sign: 0, unitWhy: 'a run of periods in a row', scale: 1 });
  };
  for (const m of sentence.matchAll(STREAK_EN)) {
    const w = m[1]!.toLowerCase();
    add(m.index!, m.index! + m[0].length, ORDINALS[w] ?? parseInt(w, 10), (m[2] ?? m[3]!).toLowerCase());
  }
  for (const m of sentence.matchAll(STREAK_ZH)) add(m.index!, m.index! + m[0].length, /^\d+$/.test(m[1]!) ? +m[1]! : parseChineseNumeral(m[1]!)?.value ?? NaN, m[2]!);
  return streaks.length ? [...tokens, ...streaks].sort((a, b) => a.start - b.start) : tokens;
}

// Shares said as ratios and fractions: "one in five adults", "six out of 10", "two-thirds of
// voters", "fell by a quarter". Read as a percentage whose step is one part in the denominator,
// since "one in five" is a rough share: it agrees with 18% as well as with 20%. A fraction of a
// magnitude (two thirds of a million) or a ratio over one (two out of five hundred) is left to the number reader.
const SMALL_WORD = alternation(Object.keys(EN_SMALL).filter((w) => EN_SMALL[w]! >= 1 && EN_SMALL[w]! <= 10));
const RE_SHARE = new RegExp(
  `(?<![A-Za-z-])(?:(${SMALL_WORD}|\\d{1,2})\\s+(?:in|out of)\\s+(?:every\\s+)?(${SMALL_WORD}|\\d{1,3})(?![\\d,.])(?!\\s+(?:hundred|thousand|million|billion|trillion|lakh|crore)s?\\b)(?=\\s+[a-z]|[\\s.,;)]|$)` +
    `|(?<!\\b(?:first|second|third|fourth|last|latter|former|other|the|final|next)\\s)(half|(?:a|one)[\\s-](?:third|quarter|fifth|tenth)|two[\\s-]thirds|three[\\s-]quarters|(?:two|three|four)[\\s-]fifths)(?=\\s+of\\b)(?!\\s+of\\s+(?:a|an|one)\\s+(?:hundred|thousand|million|billion|trillion|dozen|percentage point|point|basis point)\\b)` +
    `|(?<=\\bby\\s)(half|(?:a|one)[\\s-](?:third|quarter|fifth|tenth)|two[\\s-]thirds|three[\\s-]quarters)(?=[\\s.,;]|$)(?!\\s+(?:a\\s+|of\\s+a\\s+)?(?:percentage[-\\s]|basis[-\\s])?points?\\b))`,
  'gi',
);
/** The denominators the fraction words name; numerals are the number words' own (units.json numberWords). */
const DENOMINATORS: Record<string, number> = { half: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10 };
const shareNumber = (w: string) => (/^\d/.test(w) ? Number(w) : EN_SMALL[w.toLowerCase()] ?? DENOMINATORS[w.toLowerCase()]);
// "cut rates by a quarter point", "half a percentage point", "three-quarters of a point": a fraction of a point.
const POINT_FRACTION = /(?<![A-Za-z-])(half|(?:a|one)[\s-]quarter|three[\s-]quarters)(?:\s+of)?(?:\s+a)?\s+(?:percentage[-\s])?points?\b/gi;
const POINT_PARTS: Record<string, number> = { half: 0.5, quarter: 0.25, quarters: 0.75 };
function withShares(sentence: string, tokens: NumberToken[]): void {
  for (const m of sentence.matchAll(POINT_FRACTION)) {
    const value = POINT_PARTS[m[1]!.toLowerCase().split(/[\s-]/).pop()!]!;
    const start = m.index!;
    const end = start + m[0].length;
    if (tokens.some((t) => t.start < end && t.end > start)) continue;
    const at = tokens.findIndex((t) => t.start > start);
    tokens.splice(at < 0 ? tokens.length : at, 0, { start, end, numStart: start, numEnd: end, value, precision: 0.25, unit: 'pp', perShare: false, sign: 0, unitWhy: `"${m[0]}" is ${value} of a percentage point`, scale: 1 });
  }
  for (const m of sentence.matchAll(RE_SHARE)) {
    let part: number | undefined;
    let whole: number | undefined;
    if (m[1]) (part = shareNumber(m[1])), (whole = shareNumber(m[2]!));
    else {
      const words = (m[3] ?? m[4])!.toLowerCase().split(/[\s-]+/);
      part = words.length === 1 ? 1 : words[0] === 'a' ? 1 : shareNumber(words[0]!);
      whole = shareNumber(words[words.length - 1]!);
    }
    if (!part || !whole || part >= whole) continue;
    const start = m.index!;
    const end = start + m[0].length;
    // The figures inside the phrase ("10" of "six in 10") are its parts, not figures of their own.
    for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k]!.start < end && tokens[k]!.end > start) tokens.splice(k, 1);
    const at = tokens.findIndex((t) => t.start > start);
    const token: NumberToken = { start, end, numStart: start, numEnd: end, value: round12((100 * part) / whole), precision: round12(100 / whole), unit: '%', perShare: false, sign: 0, unitWhy: `"${m[0]}" is a share: ${part} part${part > 1 ? 's' : ''} in ${whole}`, scale: 1 };
    tokens.splice(at < 0 ? tokens.length : at, 0, token);
  }
}

const finite = (t: NumberToken) => Number.isFinite(t.value) && Number.isFinite(t.precision);

/** 1,265.89/206.30亿元, 321/69GWh: the first value takes the unit and magnitude of the second; alone it is no claim. */
function linkSlashPairs(sentence: string, tokens: NumberToken[]): NumberToken[] {
  // Right to left, so that a run (391.201/471.785/548.019亿元) passes the unit and magnitude along.
  const out: Array<NumberToken | null> = [...tokens];
  for (let k = out.length - 1; k >= 0; k--) {
    const a = out[k]!;
    const b = out[k + 1];
    const joined = !!b && b.start === a.end + 1 && /[/／]/.test(sentence[a.end] ?? '');
    if (a.slashPair) {
      if (!joined || !b!.unit || (b!.unit === 'count' && !b!.countOf && (b!.scale ?? 1) === 1)) {
        out[k] = null;
        continue;
      }
      const scale = b!.scale ?? 1;
      const { slashPair: _, ...rest } = a;
      out[k] = { ...rest, unit: b!.unit, countOf: b!.countOf, value: round12(a.value * scale), precision: round12(a.precision * scale), scale };
    } else if (joined && (a.scale ?? 1) === 1 && (b!.scale ?? 1) > 1 && a.unit === b!.unit && a.unit !== 'count') {
      // 人民币391.201/471.785亿元: the currency is named before the first, the magnitude after the last.
      const scale = b!.scale!;
      out[k] = { ...a, value: round12(a.value * scale), precision: round12(a.precision * scale), scale };
    }
  }
  return out.filter((t): t is NumberToken => t !== null);
}

// Coins that continue an amount: 五元三毛, 50元6角3分, 两美元又三美分, 3 dollars 50 cents; and "15 dollars 50".
const coinDigit = `[0-9]{1,2}|[${Object.keys(CN_DIGIT).join('')}十拾]{1,3}`;
const COIN_RE = new Map(
  Object.entries(compoundSubunits).map(([code, subs]) => {
    const alt = alternation(Object.keys(subs));
    return [code, new RegExp(`^(?:\\s*(?:又|零|and)\\s*|\\s*)(${coinDigit})\\s*(${alt})(?:\\s*(${coinDigit})\\s*(${alt}))?`, 'i')] as const;
  }),
);
const NO_COINS = /(?!)/;
const BARE_CENTS = /^(?:\s+and)?\s+(\d{2})(?=\s*(?:[.,;!?]|$))/;
const coinValue = (d: string) => (/\d/.test(d) ? Number(d) : (parseChineseNumeral(d)?.value ?? NaN));

/** What a token adds as the coins of an amount before it: 45 cents, or a bare 45 at the end of a clause. */
// Words after a bare number that say how much, not what is counted: 15 dollars 50 more.
const NOT_NOUNS = new Set(['more', 'less', 'extra', 'only']);

function coinOf(a: NumberToken, b: NumberToken): number | undefined {
  if (b.unit === a.unit && (b.scale ?? 1) < 1 && b.value < 1) return b.value;
  const noNoun = !b.countNoun || NOT_NOUNS.has(b.countNoun);
  if (b.unit === 'count' && noNoun && Number.isInteger(b.value) && b.value > 0 && b.value < 100 && b.numEnd === b.end) return b.value / 100;
  return undefined;
}

function mergeCoins(sentence: string, tokens: NumberToken[]) {
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k]!;
    const re = COIN_RE.get(a.unit) ?? NO_COINS;
    if (!/^[A-Z]{3}$/.test(a.unit) || a.perShare || (a.scale ?? 1) !== 1 || !Number.isInteger(a.value)) continue;
    const wordEnd = /[A-Za-z\u4e00-\u9fff]$/.test(sentence.slice(a.start, a.end));
    const rest = sentence.slice(a.end);
    const subs = compoundSubunits[a.unit] ?? {};
    const m = re.exec(rest);
    const b = tokens[k + 1];
    const word = /[A-Za-z]$/.test(sentence.slice(a.start, a.end));
    let add = 0;
    let step = 0;
    let len = 0;
    const gap = b ? sentence.slice(a.end, b.start) : '';
    // c $ 100 and fifty: after a sign, only "and" and a number ending the clause make coins.
    const joins = word ? /^\s*(?:and\s+)?$/.test(gap) : /^\s+and\s+$/.test(gap) && !!b && /^\s*(?:[.,;!?]|$)/.test(sentence.slice(b.end));
    if (b && joins && (coinOf(a, b) ?? 0) > 0) {
      // thirteen dollars and forty-five cents; thirteen dollars forty five
      add = coinOf(a, b)!;
      step = 0.01;
      len = b.end - a.end;
    } else if (m && wordEnd && subs[m[2]!.toLowerCase()] !== undefined && subs[m[2]!.toLowerCase()]! < 1) {
      const s1 = subs[m[2]!.toLowerCase()]!;
      const s2 = m[4] ? subs[m[4].toLowerCase()] : undefined;
      if (m[4] && (s2 === undefined || s2 >= s1)) continue;
      add = coinValue(m[1]!) * s1 + (m[3] ? coinValue(m[3]) * s2! : 0);
      if (!Number.isFinite(add) || add >= 1) continue; // 十二角 is no coin count
      step = s2 ?? s1;
      len = m[0].length;
    } else {
      const c = word ? BARE_CENTS.exec(rest) : null;
      if (!c) continue;
      add = Number(c[1]) / 100;
      step = 0.01;
      len = c[0].length;
    }
    const end = a.end + len;
    tokens.splice(k, 1, { ...a, end, value: round12(a.value + add), precision: step });
    while (tokens[k + 1] && tokens[k + 1]!.start < end) tokens.splice(k + 1, 1);
  }
}

const CHANGE_BEFORE = new RegExp(`(?:^|[^A-Za-z])(?:${alternation(Object.keys(directionBefore.en))})\\s+(?:by\\s+)?(?:about\\s+|nearly\\s+|almost\\s+|some\\s+)?$|(?:${alternation(Object.keys(directionBefore.zh))})(?:了)?$`, 'i');

/**
 * Ranges: in "9.55 billion and 11.55 billion yuan" or "$34.5-37.0bn" the first number takes the
 * unit and magnitude of the second. Both ends are marked, because a range end is not a point figure.
 */
const RATE_UNITS = new Set(['%', 'pp', '‰', 'times']);
/** How much the unit and magnitude after a figure scale its printed digits (2.5亿 1e8, 25个基点 0.01, 3成 10). */
function unitFactor(sentence: string, t: NumberToken): number {
  const digits = Number(toAscii(sentence.slice(t.numStart, t.numEnd)).replace(/[^\d.]/g, ''));
  return digits ? Math.abs(t.value) / digits : 1;
}
function linkRanges(sentence: string, tokens: NumberToken[]) {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    const gap = sentence.slice(a.end, b.start);
    if (!/^\s*(?:-|－|–|—|~|～|to|至|到|and)\s*\$?$/.test(gap)) continue;
    const between = /between\s+\$?$/i.test(sentence.slice(Math.max(0, a.start - 10), a.start)) || /[-－–—~～至到]|to/.test(gap);
    // "from $10bn to $12bn" is a change, not a range; so is "fell 1 million to 1.2 billion" (a change, then the new level).
    if (!between || /\bfrom\s+\$?$/i.test(sentence.slice(Math.max(0, a.start - 8), a.start))) continue;
    // A low end printed bare (1至2个百分点, 10-25个基点, 2-3成) is read in the high end's unit.
    const bare = (a.unit === 'count' || a.unit === '') && !a.countOf && (a.scale ?? 1) === 1 && a.end === a.numEnd;
    // The change is in the new level's unit: "grew 200 million to 1.5 billion yuan", 增长2亿至15亿元. But
    // in Chinese a change to a figure of the same rate unit near it is a range: 下降30%至50%, 减少1至2个百分点.
    // So is a bare figure "to" a rate in English: "grew 5 to 6 percent".
    const zhRateRange = (/[至到]/.test(gap) || (bare && /\bto\b/i.test(gap))) && (bare || (a.unit === b.unit && RATE_UNITS.has(a.unit))) && RATE_UNITS.has(b.unit) && Math.abs(b.value) <= 5 * Math.abs(bare ? a.value * unitFactor(sentence, b) : a.value);
    if (!zhRateRange && /\bto\b|[至到]/i.test(gap) && (CHANGE_BEFORE.test(sentence.slice(Math.max(0, a.start - 40), a.start)) || /\b(?:lost|gained|shed|added)\s+$/i.test(sentence.slice(Math.max(0, a.start - 12), a.start)))) {
      if ((a.unit === 'count' || a.unit === '') && !a.countOf) (a.unit = b.unit), (a.countOf = b.countOf);
      continue;
    }
    // £1.5bn-2bn: a high end printed with its magnitude but not its currency takes the low end's.
    if (/^[-–]$/.test(gap) && b.unit === 'count' && !b.countOf && (b.scale ?? 1) > 1 && isMoney(a.unit) && (a.scale ?? 1) > 1) b.unit = a.unit;
    if (a.unit !== b.unit && a.unit !== 'count' && a.unit !== '') continue;
    // "$34.5-37.0bn", "9.55 billion and 11.55 billion yuan": the low end takes what it lacks.
    const mult = unitFactor(sentence, b);
    // A unit that scales its figure (25个基点 = 0.25 points, 3成 = 30%) scales a bare low end alike.
    if (bare && mult !== 1 && RATE_UNITS.has(b.unit)) {
      a.value = round12(a.value * mult);
      a.precision = round12(a.precision * mult);
    } else if (mult > 1 && (a.scale ?? 1) === 1 && a.value * 100 < b.value) {
      // Only a low end printed without a magnitude of its own takes the high end's (34.5-37.0bn).
      a.value = round12(a.value * mult);
      a.precision = round12(a.precision * mult);
    }
    if (a.unit === 'count' || a.unit === '') {
      a.unit = b.unit;
      a.countOf = b.countOf;
    }
    a.rangeEnd = 'low';
    b.rangeEnd = 'high';
    a.perShare = a.perShare || b.perShare;
  }
}
