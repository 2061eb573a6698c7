// Pass 6: periods. Finds period phrases in a sentence (第三季度, 前三季度, 7月至9月, Q3 2023,
// the July-September quarter, first nine months, 2023年全年, in December, last year) and
// resolves them to canonical strings: 2023-Q3, 2023-Q1..Q3, 2023-H1, 2023, 2023-12.
// A year left out comes from the phrase itself, else the article date: a quarter or month
// without a year is the latest one that had ended by the date (the next one, for a forecast).
import { alternation, periods } from '../model/lexicon.js';
import { parseChineseNumeral } from './2-numbers.js';

export type PeriodKind = 'HOL' | 'Q' | 'FQ' | 'QE' | 'FFY' | 'YTD' | 'H2' | 'FY' | 'M' | 'YE' | 'CUR' | 'DAY';
export interface RawPeriod {
  kind: PeriodKind;
  /**
   * Named by its months (the July-September quarter, three months ended Sept. 30), so it is a
   * calendar span whatever the company's fiscal year; a quarter named by its number alone
   * ("the second quarter", Q2) is the company's own fiscal quarter.
   */
  months?: true;
  /** Quarter (Q), months covered (YTD), month (M). */
  n?: number;
  year?: number;
  /** A year relative to the article date (今年 0, 去年 -1). */
  rel?: number;
  /** A holiday's id (may-day, spring-festival). */
  holiday?: string;
  day?: number;
}
export interface PeriodMention {
  start: number;
  end: number;
  text: string;
  raw: RawPeriod;
  /** The phrase names the base of a comparison (比上年, compared with the fourth quarter of 2022). */
  isBase: boolean;
}

const Q = periods.quarterNumbers;
const MONTH = periods.monthNames;
const alt = alternation;
const REL_ZH = alt(Object.keys(periods.relativeYears).filter((k) => /[\u4e00-\u9fff]/.test(k)));
const MONTHS_EN = alt(Object.keys(MONTH));

// Each pattern: a regex, a reader from its match, and what a sentence must hold for the regex
// to match it (a word every match holds, or its look-ahead needs): a quick test that spares
// most sentences the scan. Order matters only for overlaps: the combined scan takes the
// leftmost, then the longest.
type Pattern = [RegExp, (m: RegExpExecArray) => RawPeriod | null, RegExp];
const HOLIDAYS = periods.holidays.names;
const HOLIDAY_PATTERNS: Pattern[] = [
  // 2024年五一假期, 今年春节档, the May Day holiday, Lunar New Year: a holiday window of that year.
  [new RegExp(`(?:(\\d{4})年?\\s*|(${REL_ZH}))?(${alt(Object.keys(HOLIDAYS))})(?:假期|档|黄金周|期间|\\s+(?:holiday|holidays|break|festival|week|period))?`, 'g'), (m) =>
    // 受春节错月影响, "ahead of the Lunar New Year": a holiday named as a cause or a landmark is no figure's period.
    /(?:受|因|由于|临近|due to|because of|ahead of|before|after)[^，,。]{0,6}$/i.test(m.input!.slice(Math.max(0, m.index! - 10), m.index)) ||
    /^(?:错月|效应|因素|影响|前后|前夕|之前|之后|前|后)/.test(m.input!.slice(m.index! + m[0].length))
      ? null
      : { kind: 'HOL', holiday: HOLIDAYS[m[3]!], ...yr(m[1], m[2]) }, new RegExp(alt(Object.keys(HOLIDAYS)))],
];
const zhCount = (s: string) => parseChineseNumeral(s)?.value ?? NaN;
/** The first n months of a year: a quarter, a half or the whole year when they are one. */
const ytdMonths = (n: number, year: { year?: number; rel?: number }): RawPeriod | null =>
  !(n >= 1 && n <= 12) ? null : n === 12 ? { kind: 'FY', ...year } : n === 3 ? { kind: 'Q', n: 1, ...year } : { kind: 'YTD', n, ...year };
// A year before a Chinese period (2023年, 2023 年 as PDF copies print it) or a relative one (今年, 去年).
const YEAR_OR_REL = `(?:(\\d{4})[ ]?年|(${REL_ZH}))`;
// Every match of these holds a Han character: they cannot match a sentence without one.
const ZH_PATTERNS: Pattern[] = [
  // zh: 2023年第三季度, 今年三季度, 四季度, Q3
  [new RegExp(`${YEAR_OR_REL}?(?:第)?([一二三四1-4])(?:季度|季报)`, 'g'), (m) => ({ kind: 'Q', n: Q[m[3]!], ...yr(m[1], m[2]) }), /季/],
  // 第四季 (Hong Kong and Taiwan papers leave out 度)
  [new RegExp(`${YEAR_OR_REL}?第([一二三四1-4])季(?![度报])`, 'g'), (m) => ({ kind: 'Q', n: Q[m[3]!], ...yr(m[1], m[2]) }), /第/],
  [new RegExp(`${YEAR_OR_REL}?(${alt(Object.keys(periods.yearToDate.zh))})`, 'g'), (m) => ({ kind: 'YTD', n: periods.yearToDate.zh[m[3]!], ...yr(m[1], m[2]) }), new RegExp(alt(Object.keys(periods.yearToDate.zh)))],
  // 前11月, 前两个月, 首9個月, 首三季: the months of the year so far (Hong Kong and Taiwan papers write 首).
  [new RegExp(`${YEAR_OR_REL}?[前首](1[0-2]|[1-9]|十[一二]|[一二两三四五六七八九十])[个個]?月(?![份\\d]*[日号])`, 'g'), (m) => ytdMonths(zhCount(m[3]!), yr(m[1], m[2])), /[前首]/],
  [new RegExp(`${YEAR_OR_REL}?首([一二三1-3])?季(?:度)?`, 'g'), (m) => ytdMonths(3 * (m[3] ? zhCount(m[3]) : 1), yr(m[1], m[2])), /首/],
  [new RegExp(`${YEAR_OR_REL}?(${alt(periods.secondHalf.zh)})`, 'g'), (m) => ({ kind: 'H2', ...yr(m[1], m[2]) }), new RegExp(alt(periods.secondHalf.zh))],
  // 7月至9月, 1-9月
  [new RegExp(`${YEAR_OR_REL}?(\\d{1,2})月?\\s*(?:至|到|-|—|～)\\s*(\\d{1,2})月(?![\\d份]*日)`, 'g'), (m) => monthRange(+m[3]!, +m[4]!, yr(m[1], m[2])), /月/],
  // 截至9月30日: an as-of date
  [/截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g, (m) => ({ kind: 'DAY', n: +m[2]!, day: +m[3]!, ...(m[1] ? { year: +m[1] } : {}) }), /截至/],
  // 12月份, 2023年12月 (not 10月24日, which is a day)
  [new RegExp(`${YEAR_OR_REL}?(\\d{1,2})月(?:份)?(?!\\d{1,2}日|\\d)`, 'g'), (m) => (+m[3]! >= 1 && +m[3]! <= 12 ? { kind: 'M', n: +m[3]!, ...yr(m[1], m[2]) } : null), /月/],
  // 2023年全年, 2023年度, 2023年 (alone), 全年, 今年, 年末
  [new RegExp(`${YEAR_OR_REL}(${alt(periods.yearEnd.zh)})`, 'g'), (m) => ({ kind: 'YE', ...yr(m[1], m[2]) }), new RegExp(alt(periods.yearEnd.zh))],
  [/(\d{4}) ?年(?:末|底)/g, (m) => ({ kind: 'YE', year: +m[1]! }), /年/],
  [new RegExp(`(?:(\\d{4})[ ]?年(?:${alt(periods.fullYear.zh)})?)(?![第前上下一二三四1-9])`, 'g'), (m) => ({ kind: 'FY', year: +m[1]! }), /年/],
  [new RegExp(`(${REL_ZH})(?:${alt(periods.fullYear.zh)})?(?![第前上下一二三四1-9]|\\d)`, 'g'), (m) => ({ kind: 'FY', rel: periods.relativeYears[m[1]!] }), new RegExp(REL_ZH)],
  [new RegExp(`(${alt(periods.fullYear.zh)})`, 'g'), () => ({ kind: 'FY' }), new RegExp(alt(periods.fullYear.zh))],
  [new RegExp(`(${alt(periods.yearEnd.zh)})`, 'g'), () => ({ kind: 'YE' }), new RegExp(alt(periods.yearEnd.zh))],
  [new RegExp(`(${alt(periods.currentQuarter.zh)})`, 'g'), () => ({ kind: 'CUR' }), new RegExp(alt(periods.currentQuarter.zh))],
  // fiscal quarters are their own calendar: FY2024-Q4 (财年第四财季, fiscal fourth quarter)
  [/(?:(\d{4})\s*财年)?第([一二三四1-4])财季|(\d{4})财年第([一二三四1-4])季度/g, (m) => ({ kind: 'FQ', n: Q[(m[2] ?? m[4])!], ...(m[1] || m[3] ? { year: +(m[1] ?? m[3])! } : {}) }), /财/],
  [/(\d{4})财年/g, (m) => ({ kind: 'FFY', year: +m[1]! }), /财年/],
];
// These match only where the sentence has a Latin letter (in the match or in its look-ahead).
const EN_PATTERNS: Pattern[] = [
  // en: third quarter (of 2023), fourth-quarter, Q3 2023, 4Q23, final quarter of 2022
  [/\b(first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter\b(?:\s+of\s+(?:the\s+year\s+)?(\d{4})|\s+(\d{4}))?/gi, (m) => ({ kind: 'Q', n: Q[m[1]!.toLowerCase()], ...(m[2] || m[3] ? { year: +(m[2] ?? m[3])! } : {}) }), /quarter/i],
  [/\bQ([1-4])(?:\s*(?:of\s+)?'?(\d{4}|\d{2}))?\b/g, (m) => ({ kind: 'Q', n: +m[1]!, ...(m[2] ? { year: fullYear(m[2]) } : {}) }), /Q[1-4]/],
  [/\b([1-4])Q(\d{2})\b/g, (m) => ({ kind: 'Q', n: +m[1]!, year: fullYear(m[2]!) }), /[1-4]Q\d/],
  [new RegExp(`\\b(${MONTHS_EN})\\s*[-–]\\s*(${MONTHS_EN})\\b(?:\\s+(?:quarter|period))?`, 'gi'), (m) => monthRange(MONTH[m[1]!.toLowerCase()]!, MONTH[m[2]!.toLowerCase()]!, {}), /[-–]/],
  [new RegExp(`\\b(?:three|nine|six)\\s+months\\s+ended\\s+(${MONTHS_EN})\\.?(?:\\s+\\d{1,2})?(?:,?\\s+(\\d{4}))?`, 'gi'), (m) => {
    const end = MONTH[m[1]!.toLowerCase()]!;
    const months = /nine/i.test(m[0]) ? 9 : /six/i.test(m[0]) ? 6 : 3;
    const year = m[2] ? { year: +m[2] } : {};
    if (months !== 3) return { kind: 'YTD', n: months, ...year };
    return end % 3 === 0 ? { kind: 'Q', n: end / 3, months: true, ...year } : { kind: 'QE', n: end, ...year };
  }, /months/i],
  [/\bfiscal\s+(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?/gi, (m) => ({ kind: 'FQ', n: Q[m[1]!.toLowerCase()], ...(m[2] ? { year: +m[2] } : {}) }), /fiscal/i],
  // the first fiscal quarter of 2024, fiscal 2024 second quarter, Fiscal Q2 2024, Q1 fiscal 2024
  [/\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+fiscal[- ]quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(\d{4}))?/gi, (m) => ({ kind: 'FQ', n: Q[m[1]!.toLowerCase()], ...(m[2] ? { year: +m[2] } : {}) }), /fiscal/i],
  [/\bfiscal\s+(?:year\s+)?(\d{4})(?:['’]s)?\s+(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b/gi, (m) => ({ kind: 'FQ', n: Q[m[2]!.toLowerCase()], year: +m[1]! }), /fiscal/i],
  [/\bfiscal\s+Q([1-4])\s*'?(\d{4}|\d{2})?\b/gi, (m) => ({ kind: 'FQ', n: +m[1]!, ...(m[2] ? { year: fullYear(m[2]) } : {}) }), /fiscal/i],
  [/\bQ([1-4])\s+(?:of\s+)?fiscal\s+(?:year\s+)?'?(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'FQ', n: +m[1]!, year: fullYear(m[2]!) }), /fiscal/i],
  [/\bF?Q([1-4])\s*FY\s*'?(\d{4}|\d{2})\b/gi, (m) => ({ kind: 'FQ', n: +m[1]!, year: fullYear(m[2]!) }), /fy/i],
  [/\bFY\s?'?(\d{4}|\d{2})\s*-?\s*Q([1-4])\b/gi, (m) => ({ kind: 'FQ', n: +m[2]!, year: fullYear(m[1]!) }), /fy/i],
  // the quarter ended Sept. 28 (2024); the September quarter: the calendar quarter that ends that month
  // "fourth quarter ended Jan. 28": a quarter whose number is not the calendar quarter of the month it
  // ends in is a fiscal quarter of the fiscal year that ends then (FY2024-Q4).
  [new RegExp(`\\b(?:the\\s+)?(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)[- ])?(?:fiscal\\s+)?(?:(first|second|third|fourth)[- ])?quarter\\s+(?:that\\s+)?(?:ended|ending)\\s+(${MONTHS_EN})\\.?(?:\\s+\\d{1,2})?(?:,?\\s+(\\d{4}))?`, 'gi'), (m) => {
    const calendar = Math.ceil(MONTH[m[3]!.toLowerCase()]! / 3);
    const named = m[1] ?? m[2] ? Q[(m[1] ?? m[2])!.toLowerCase()] : undefined;
    const year = m[4] ? { year: +m[4] } : {};
    if (named !== undefined && named !== calendar) return { kind: 'FQ', n: named, ...year };
    const end = MONTH[m[3]!.toLowerCase()]!;
    // Three months that end off a calendar quarter (the quarter ended July 30) are their own span.
    return end % 3 === 0 ? { kind: 'Q', n: calendar, months: true, ...year } : { kind: 'QE', n: end, ...year };
  }, /quarter/i],
  [/\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\s+of\s+fiscal(?:\s+year)?\s+(\d{4})\b/gi, (m) => ({ kind: 'FQ', n: Q[m[1]!.toLowerCase()], year: +m[2]! }), /quarter/i],
  [new RegExp(`\\b(?:the\\s+)(March|June|September|December)\\s+quarter\\b`, 'g'), (m) => ({ kind: 'Q', n: MONTH[m[1]!.toLowerCase()]! / 3, months: true }), /quarter/],
  // the last three months of 2023: a quarter named by its months
  [/\b(?:the\s+)?(first|last|final)\s+three\s+months\s+of\s+(?:the\s+year\s+)?(\d{4})?/gi, (m) => ({ kind: 'Q', n: /first/i.test(m[1]!) ? 1 : 4, months: true, ...(m[2] ? { year: +m[2] } : {}) }), /months/i],
  [new RegExp(`\\b(?:the\\s+)?(${alt(Object.keys(periods.yearToDate.en))})(?:\\s+(?:period|of\\s+(\\d{4})))?`, 'gi'), (m) => ({ kind: 'YTD', n: periods.yearToDate.en[m[1]!.toLowerCase()], ...(m[2] ? { year: +m[2] } : {}) }), new RegExp(alt(Object.keys(periods.yearToDate.en)), 'i')],
  // H1 2024, 1H24, FY2023, fiscal 2023, 2023财年
  [/\b(?:H([12])\s*'?(\d{4}|\d{2})?|([12])H(\d{2}))\b/g, (m) => {
    const half = +(m[1] ?? m[3])!;
    const y = m[2] ?? m[4];
    return { kind: half === 1 ? 'YTD' : 'H2', ...(half === 1 ? { n: 6 } : {}), ...(y ? { year: fullYear(y) } : {}) };
  }, /H/],
  [/\b(?:FY\s?'?(\d{4}|\d{2})|fiscal(?:\s+year)?\s+(\d{4}))\b/gi, (m) => ({ kind: 'FFY', year: fullYear((m[1] ?? m[2])!) }), /fy|fiscal/i],
  // "the fiscal year ended March 31 (, 2024)": the fiscal year named by the year it ends in.
  [new RegExp(`\\b(?:fiscal|financial|business)\\s+year\\s+(?:that\\s+)?(?:ended|ending|to)\\s+(${MONTHS_EN})\\.?(?:\\s+\\d{1,2})?(?:,?\\s+(\\d{4}))?`, 'gi'), (m) => ({ kind: 'FFY', ...(m[2] ? { year: +m[2] } : { n: MONTH[m[1]!.toLowerCase()] }) }), /year/i],
  [/\bsecond half(?:\s+of\s+(\d{4}))?/gi, (m) => ({ kind: 'H2', ...(m[1] ? { year: +m[1] } : {}) }), /second half/i],
  [new RegExp(`\\b(?:in\\s+|for\\s+|during\\s+)?(${MONTHS_EN})\\b(?!\\.?\\s*\\d{1,2}\\b)\\.?(?:\\s+(\\d{4}))?`, 'gi'), (m) => (m[1]!.length < 3 || !/^[A-Z]/.test(m[1]!) || dayFirst(m) ? null : { kind: 'M', n: MONTH[m[1]!.toLowerCase()], ...(m[2] ? { year: +m[2] } : {}) }), new RegExp(MONTHS_EN, 'i')],
  [new RegExp(`\\b(?:at\\s+)?(${alt(periods.yearEnd.en)})\\b`, 'gi'), () => ({ kind: 'YE' }), new RegExp(alt(periods.yearEnd.en), 'i')],
  // "ended December with", "at the end of December (2023)": the year-end reading.
  [/\b(?:ended|at the end of|end of|as of the end of)\s+(?:December\b|Dec\b\.?)(?!\s*\d{1,2}\b)(?:\s+(\d{4}))?/g, (m) => ({ kind: 'YE', ...(m[1] ? { year: +m[1] } : {}) }), /Dec/],
  [/\b(?:in|for|during|of)\s+((?:19|20)\d{2})\b(?![-–]\d)/gi, (m) => ({ kind: 'FY', year: +m[1]! }), /(?:19|20)\d{2}/],
  // 2022's drop, the year's figure named by its possessive
  [/\b((?:19|20)\d{2})['’]s\b/g, (m) => ({ kind: 'FY', year: +m[1]! }), /(?:19|20)\d{2}/],
  [/(?<![-–$\d.,])\b((?:19|20)\d{2})\b(?=\s+(?:total|revenue|capital|sales|full|profit|net|gdp))/gi, (m) => ({ kind: 'FY', year: +m[1]! }), /(?:19|20)\d{2}/],
  [new RegExp(`\\b(this year|last year|next year)\\b`, 'gi'), (m) => ({ kind: 'FY', rel: periods.relativeYears[m[1]!.toLowerCase()] }), /year/i],
  [new RegExp(`\\b(${alt(periods.fullYear.en.filter((w) => !/year-end|year end|last year/.test(w)))})\\b(?![- ](?:earlier|ago|before|-earlier|-ago))`, 'gi'), () => ({ kind: 'FY' }), new RegExp(alt(periods.fullYear.en.filter((w) => !/year-end|year end|last year/.test(w))), 'i')],
  [new RegExp(`\\b(${alt(periods.currentQuarter.en)})\\b`, 'gi'), () => ({ kind: 'CUR' }), new RegExp(alt(periods.currentQuarter.en), 'i')],
];

// The Chinese and English patterns cannot both match one span (one holds a Han character, the
// other none), so running them one language after the other leaves the order of ties as it was.
const ALL = [...HOLIDAY_PATTERNS, ...ZH_PATTERNS, ...EN_PATTERNS];
const NO_EN = [...HOLIDAY_PATTERNS, ...ZH_PATTERNS];
const NO_ZH = [...HOLIDAY_PATTERNS, ...EN_PATTERNS];
/** The patterns that can match the sentence: a language's only where its script appears. */
function patternsFor(sentence: string) {
  const han = /[\u4e00-\u9fff]/.test(sentence);
  const latin = /[A-Za-z]/.test(sentence);
  return han && latin ? ALL : han ? NO_EN : latin ? NO_ZH : HOLIDAY_PATTERNS;
}

function yr(year?: string, rel?: string): { year?: number; rel?: number } {
  if (year) return { year: +year };
  if (rel) return { rel: periods.relativeYears[rel] };
  return {};
}
// "30 December 2023" is a day written day first, not the month of December.
const dayFirst = (m: RegExpExecArray) => /\b\d{1,2}(?:st|nd|rd|th)?\s+$/.test(m.input!.slice(Math.max(0, m.index! - 6), m.index!)) && !/^(?:in|for|during)\s/i.test(m[0]);
const fullYear = (y: string) => (y.length === 2 ? 2000 + +y : +y);

function monthRange(a: number, b: number, y: { year?: number; rel?: number }): RawPeriod | null {
  if (a < 1 || b > 12 || a >= b) return null;
  if (a === 1) return b === 12 ? { kind: 'FY', ...y } : { kind: 'YTD', n: b, ...y };
  if (b - a === 2 && a % 3 === 1) return { kind: 'Q', n: (a + 2) / 3, months: true, ...y };
  if (a === 7 && b === 12) return { kind: 'H2', ...y };
  return null;
}

const ZH_BASE_BEFORE = /(?:比|较|相比|相较|与|同|和|自|自从|since|compared with|compared to|from|than|against|versus|vs\.?)\s*(?:the\s+)?(?:same\s+)?(?:(?:period|quarter)\s+(?:of|in)\s+)?$/i;
const BASE_AFTER = /^(?:同期)?(?:相比|相较|比较|以来)/;
const EN_BASE_BEFORE = /\b(?:compared with|compared to|from|than|against|versus|vs\.?|began|begun|started|starting|ahead of)\b(?:[^,;.]|[.,]\d){0,40}$/i;

// "the highest since the autumn of 2021", 创2009年以来新低: the record's reference, not the figure's period.
const SINCE_RECORD = /\b(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|steepest|sharpest|most|least|first)\b[^,;.]{0,30}\bsince\s+(?:(?:the|late|early|mid)\s+)*(?:(?:spring|summer|autumn|fall|winter|start|end|beginning)\s+of\s+)?$/i;

/** All period phrases of a sentence, left to right, overlaps resolved to the longest. */
export function periodMentions(sentence: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const [re, read, needs] of patternsFor(sentence)) {
    if (!needs.test(sentence)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence))) {
      const raw = read(m);
      if (raw) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], raw, isBase: false });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PeriodMention[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    const before = sentence.slice(Math.max(0, f.start - 48), f.start);
    // "fell 1.9% on the year", "on the quarter": a measure (against a year or a quarter earlier), not a period.
    if (/^the\s+(?:year|quarter|month)$/i.test(f.text) && /\bon\s+$/i.test(before)) continue;
    const after = sentence.slice(f.end, f.end + 12);
    // 去年以来 (since last year) names where a trend started (今年以来 is this year so far); 与上年同期相比 a base a few words on.
    f.isBase = ZH_BASE_BEFORE.test(before.slice(-16)) || (BASE_AFTER.test(after) && !(f.raw.rel === 0 && /^以来/.test(after))) || BASE_AFTER.test(after.replace(/^[^相比]{0,6}/, '')) || EN_BASE_BEFORE.test(before) || SINCE_RECORD.test(before);
    // 受上年同期高基数影响: a period named inside a cause (受…影响) is the cause's, not the figure's.
    if (/受[^，,。；;受]{0,12}$/.test(before) && /^[^，,。；;]{0,16}影响/.test(sentence.slice(f.end))) f.isBase = true;
    out.push(f);
  }
  return out;
}

/** The canonical period string, given the article date (YYYY-MM-DD) and a default year. */
export function resolvePeriod(
  raw: RawPeriod,
  ctx: { date?: string; year?: number; forward?: boolean; current?: string | null; fiscalYearEnd?: number },
): string | null {
  const dy = ctx.date ? +ctx.date.slice(0, 4) : undefined;
  const dm = ctx.date ? +ctx.date.slice(5, 7) : undefined;
  let year = raw.year ?? (raw.rel !== undefined && dy !== undefined ? dy + raw.rel : undefined);
  const latest = (endMonth: number) => {
    // Actuals: the latest year in which a period ending in endMonth had ended by the article date.
    // Forecasts and expectations: the nearest such period, before or after the date (a consensus
    // for the month just reported, guidance for the quarter under way).
    if (dy === undefined || dm === undefined) return ctx.year;
    if (ctx.forward) return [dy - 1, dy, dy + 1].reduce((a, b) => (Math.abs(b * 12 + endMonth - (dy * 12 + dm)) < Math.abs(a * 12 + endMonth - (dy * 12 + dm)) ? b : a));
    return dm >= endMonth ? dy : dy - 1;
  };
  const fye = ctx.fiscalYearEnd ?? 12;
  // A company on its own fiscal calendar names its quarters by number in its own calendar:
  // Apple's "first quarter" is October to December.
  if (raw.kind === 'Q' && !raw.months && fye !== 12) raw = { ...raw, kind: 'FQ' };
  switch (raw.kind) {
    case 'QE': {
      // Three months ending in month n: the latest such by the date, labelled by its months.
      year ??= ctx.year ?? latest(raw.n!);
      return year ? monthSpanLabel(year * 12 + raw.n! - 3, year * 12 + raw.n! - 1) : null;
    }
    case 'Q': {
      year ??= ctx.year ?? latest(raw.n! * 3);
      return year ? `${year}-Q${raw.n}` : `Q${raw.n}`;
    }
    case 'HOL':
      // A holiday without a year is this year's when it has come by the article date, else last year's.
      year ??= ctx.year ?? dy;
      return year ? `${year}-${raw.holiday}` : raw.holiday ?? null;
    case 'FFY': {
      // A fiscal year named as such (fiscal 2024, 2024财年) is the company's own calendar; one named
      // by its end month without a year is the latest that had ended by the article date.
      const fy = raw.year ?? (raw.n !== undefined ? latest(raw.n) : undefined);
      return fy ? `FY${fy}` : null;
    }
    case 'FQ': {
      // A fiscal quarter without a year: the latest fiscal year whose quarter n had ended by the
      // date (fiscal years are named by the year they end in).
      // Without the company's calendar, the fiscal year of the article date.
      if (year === undefined && ctx.year === undefined && dy !== undefined && dm !== undefined)
        year = ctx.fiscalYearEnd ? fiscalYearOfLatest(raw.n!, fye, dy * 12 + dm - 1, !!ctx.forward) : dy;
      year ??= ctx.year;
      // Undated, in an article about a fiscal year or quarter (its title names fiscal 2024): that fiscal year.
      if (year === undefined && dy === undefined) year = Number(/^FY(\d{4})(?:-Q[1-4])?$/.exec(ctx.current ?? '')?.[1]) || undefined;
      return year ? `FY${year}-Q${raw.n}` : `FQ${raw.n}`;
    }
    case 'YTD': {
      year ??= ctx.year ?? latest(raw.n!);
      const p = raw.n === 6 ? 'H1' : raw.n === 3 ? 'Q1' : raw.n === 9 ? 'Q1..Q3' : `M1..M${raw.n}`;
      return year ? `${year}-${p}` : p;
    }
    case 'H2':
      year ??= ctx.year ?? latest(12);
      return year ? `${year}-H2` : 'H2';
    case 'FY':
    case 'YE':
      // "全年" early in a year is the year just ended; later, the year under way.
      year ??= ctx.year ?? (dy !== undefined && dm !== undefined ? (dm <= 3 ? dy - 1 : dy) : undefined);
      // A year-end reading is the year's figure for a stock (population, assets): 2023年末 = 2023.
      // 全年 with no year anywhere to take it from is a full year still: the story may know which.
      return year ? `${year}` : raw.kind === 'FY' && raw.rel === undefined ? 'FY' : null;
    case 'M': {
      year ??= ctx.year ?? latest(raw.n!);
      return year ? `${year}-${String(raw.n).padStart(2, '0')}` : null;
    }
    case 'DAY': {
      year ??= ctx.year ?? (dy !== undefined && dm !== undefined ? (raw.n! <= dm ? dy : dy - 1) : undefined);
      return year ? `${year}-${String(raw.n).padStart(2, '0')}-${String(raw.day).padStart(2, '0')}` : null;
    }
    case 'CUR':
      // 单季, "the quarter": the quarter in hand; a full year or a month in hand is no quarter.
      return ctx.current && /Q[1-4]$/.test(ctx.current) ? ctx.current : null;
  }
}

/** "2023-05..2023-07": a span of months given as month indices (year × 12 + month − 1). */
export function monthSpanLabel(from: number, to: number): string {
  const ym = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return `${ym(from)}..${ym(to)}`;
}

/** The fiscal year (named by the year it ends in) of the latest quarter n that had ended by month index `now`. */
function fiscalYearOfLatest(n: number, fye: number, now: number, forward: boolean): number {
  // Fiscal year y ends at month index y*12 + fye - 1; its quarter n ends 3*(4-n) months earlier.
  const endOf = (y: number) => y * 12 + fye - 1 - 3 * (4 - n);
  const y0 = Math.floor(now / 12);
  const candidates = [y0 - 1, y0, y0 + 1, y0 + 2];
  if (forward) return candidates.reduce((a, b) => (Math.abs(endOf(b) - now) < Math.abs(endOf(a) - now) ? b : a));
  return candidates.filter((y) => endOf(y) <= now).pop() ?? y0 - 1;
}
