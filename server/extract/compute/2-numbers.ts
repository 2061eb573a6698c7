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
  magnitudes,
  percentWords,
  pointWords,
  subunits,
  tenthWords,
  escapeRe,
  physicalUnits,
  perMilleWords,
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
  /** A + or − printed before the number. */
  sign: 0 | 1 | -1;
  /** 'low' or 'high' when the number is one end of a range (34.5-37.0bn). */
  rangeEnd?: 'low' | 'high';
  unitWhy?: string;
}

const FW = /[０-９．，]/g;
const toAscii = (s: string) => s.replace(FW, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

// ---- Chinese numerals
const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads 一百二十亿, 八十二万, 二百三十二, 十二点五. Returns null for what is not a numeral. */
export function parseChineseNumeral(s: string): { value: number; decimals: number } | null {
  if (!s) return null;
  const [intPart, fracPart] = s.split('点');
  // total: the part at or above 亿; mid: the 万 part since the last 亿; section: below 万.
  let total = 0;
  let mid = 0;
  let section = 0;
  let digit = -1;
  let sawDigit = false;
  for (const ch of intPart!) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch]!;
      sawDigit = true;
    } else if (ch in CN_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = -1;
      sawDigit = true;
    } else if (ch === '万') {
      section += Math.max(digit, 0);
      mid = (mid + section) * 1e4;
      section = 0;
      digit = -1;
    } else if (ch === '亿') {
      section += Math.max(digit, 0);
      total = (total + mid + section) * 1e8;
      mid = 0;
      section = 0;
      digit = -1;
    } else return null;
  }
  if (!sawDigit) return null;
  let value = total + mid + section + Math.max(digit, 0);
  let decimals = 0;
  if (fracPart !== undefined) {
    let f = '';
    for (const ch of fracPart) {
      if (!(ch in CN_DIGIT)) return null;
      f += String(CN_DIGIT[ch]);
    }
    decimals = f.length;
    value = Number(`${value}.${f}`);
  }
  return { value, decimals };
}

/** Step of the last printed digit: decimals, or the run of trailing zeros of an integer (two or more). */
export function printedStep(digits: string, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  const zeros = /0*$/.exec(digits.replace(/\D/g, ''))![0].length;
  return zeros >= 2 && zeros < digits.replace(/\D/g, '').length ? 10 ** zeros : 1;
}

// ---- what follows a number
const zhMag = Object.keys(magnitudes.zh).sort((a, b) => b.length - a.length);
// Magnitudes that cannot be anything else, with or without a space: billion, bn, bln.
const enMagWords = Object.keys(magnitudes.en).filter((k) => k.length > 1).sort((a, b) => b.length - a.length);
// One-letter magnitudes (5m, 20k) only count glued to a figure after a currency sign: "5 m" may be metres.
const enMagShort = Object.keys(magnitudes.en).filter((k) => k.length === 1);
const zhCurrency = Object.keys(currencyWords.zh).sort((a, b) => b.length - a.length);
const enCurrency = Object.keys(currencyWords.en).sort((a, b) => b.length - a.length);
const symbols = Object.keys(currencySymbols).sort((a, b) => b.length - a.length);
const classifierChars = Object.keys(classifiers).join('');
const zhPhysical = Object.keys(physicalUnits.zh).sort((a, b) => b.length - a.length);
const enPhysical = Object.keys(physicalUnits.en).sort((a, b) => b.length - a.length);
const enPoints = [...pointWords.en].sort((a, b) => b.length - a.length);
// Basis points are hundredths of a percentage point.
const isBasis = (w: string) => /basis|^bps?$|基点/i.test(w);

const RE_ZH_AFTER = new RegExp(
  // A space may stand between a number and its Chinese unit in mixed text: "126.14 亿元".
  `^(?:\\s(?=[\\u4e00-\\u9fff%％‰]))?([余多])?(${zhMag.map(escapeRe).join('|')})?([余多])?` +
    `(?:(${[...percentWords.zh, ...perMilleWords.zh].map(escapeRe).join('|')})|(${pointWords.zh.map(escapeRe).join('|')})|(${tenthWords.map(escapeRe).join('|')})(?!绩|为|功|本|果|员|交|立|熟|长|都|型|效|就|品|年|分|份|因|形|全|语|批|不|千|百|家)` +
    `|(${zhCurrency.map(escapeRe).join('|')})|(${zhPhysical.map(escapeRe).join('|')})|(人次|架次|辆次|[${classifierChars}])([\\u4e00-\\u9fffA-Za-z]{0,6}))?`,
);
const RE_EN_AFTER = new RegExp(
  `^(?:\\s?(${enMagWords.join('|')})\\b|(${enMagShort.join('|')})\\b)?` +
    `(?:\\s?(%|％|‰)|\\s(percent|per cent|pct(?!\\s+points?)|per mille|per thousand|per 1,000|per 1000)(?![\\w,])|\\s(?:[a-z]+\\s)?(per 1,000|per thousand)(?![\\d,])|[\\s-](${enPoints.map(escapeRe).join('|')})\\b|\\s(${enCurrency.map(escapeRe).join('|')})\\b|\\s(cents?)\\b|\\s?(${enPhysical.map(escapeRe).join('|')})\\b)?`,
  'i',
);
const RE_PER_SHARE = /^\s*(?:per|a|each)\s+(?:diluted\s+|basic\s+)?share\b/i;
const RE_EN_NOUN = /^\s((?:[a-z][a-z-]*\s){0,2}[a-z][a-z-]*)/i;
const STOP_WORDS = new Set(['in', 'on', 'at', 'to', 'from', 'for', 'of', 'and', 'or', 'the', 'a', 'an', 'with', 'by', 'was', 'were', 'is', 'are', 'went', 'per', 'each', 'year', 'years', 'days', 'day', 'months', 'weeks', 'hours', 'apiece']);

/** Finds spans that hold no quantities: URLs, markdown link targets, times. */
function blockedSpans(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // URLs, link targets, clock times, exchange-rate footnotes "($1 = 7.2290 yuan)", ages ("aged 16 to 59",
  // "60 and over", 60岁及以上), and the tolerance of a guidance ("plus or minus 2%").
  const re = /https?:\/\/\S+|www\.\S+|\]\([^)]*\)|\b\d{1,2}:\d{2}\b|[(（]\s*(?:US)?\$\s?1\s*=\s*[\d.]+\s*[A-Za-z\u4e00-\u9fff]+\s*[)）]|\baged\s+\d+(?:\s*(?:to|-|–|and)\s*\d+)?|\b\d+\s+(?:and|or)\s+(?:over|older|above)\b|\d+(?:-\d+)?岁|\bplus or minus\s+[\d.]+\s*%|上下浮动\s*[\d.]+\s*%|±\s?[\d.]+\s*%/g;
  for (const m of s.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

const MONTH_BEFORE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;

/** All number expressions in a sentence that state a quantity. */
export function scanNumbers(sentence: string, lang: 'zh' | 'en', fallbackUnit?: string): NumberToken[] {
  const blocked = blockedSpans(sentence);
  const raw: Array<{ start: number; end: number; value: number; decimals: number; digits: string; chinese: boolean; percentPrefix: boolean }> = [];
  const numRe = /[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?|(百分之|千分之)?([零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = numRe.exec(sentence))) {
    const start = m.index;
    const end = start + m[0].length;
    if (blocked.some(([a, b]) => start >= a && start < b)) continue;
    if (/^-(?:year|month|week|day)\b/.test(sentence.slice(end, end + 7))) continue; // a 12-year run
    if (m[2] !== undefined) {
      const cn = parseChineseNumeral(m[2]);
      if (!cn) continue;
      raw.push({ start, end, value: cn.value, decimals: cn.decimals, digits: String(Math.round(cn.value)), chinese: true, percentPrefix: !!m[1] });
    } else {
      const ascii = toAscii(m[0]);
      const decimals = ascii.includes('.') ? ascii.split('.')[1]!.length : 0;
      // 百分之5 / 千分之6.39 written with Arabic digits.
      const prefixed = /^[百千]分之$/.test(sentence.slice(start - 3, start));
      raw.push({ start, end, value: Number(ascii.replace(/,/g, '')), decimals, digits: ascii.split('.')[0]!, chinese: false, percentPrefix: prefixed });
    }
  }

  const tokens: NumberToken[] = [];
  for (const r of raw) {
    // A number inside the unit of the one before ("6.39 per 1,000") is part of it.
    if (tokens.length && r.start < tokens[tokens.length - 1]!.end) continue;
    const before = sentence.slice(Math.max(0, r.start - 12), r.start);
    const after = sentence.slice(r.end, r.end + 40);
    const prevChar = sentence[r.start - 1] ?? '';
    // Names and versions: GPT-4, V3.0, A100, RTX4090, 4Q22; ordinals: 第40枚; stock codes 002594.SZ.
    if ((/[A-Za-z]$/.test(before) && !/(?:^|[^A-Za-z])(?:RMB|Rmb|USD|CNY|HKD|EUR|US)$/.test(before)) || /[A-Za-z]-$/.test(before)) continue;
    // Letters glued to the number make a name (4Q22, 5G, 3D), except a magnitude (50bn) and ordinals.
    if (/^[A-Za-z]/.test(after) && !new RegExp(`^(?:${[...enMagWords, ...enMagShort].join('|')})\\b`, 'i').test(after)) continue;
    if (prevChar === '第') continue;
    if (/^\.[A-Z]{2}\b/.test(after)) continue;
    if (r.chinese && /^第/.test(sentence.slice(r.start - 1))) continue;

    let i = r.end;
    let unit = '';
    let mult = 1;
    let countOf: string | undefined;
    let countNoun: string | undefined;
    let unitWhy: string | undefined;
    let stepUnit = 1; // the printed step is in units of this (a magnitude, 成 = 10%)

    if (r.percentPrefix) {
      unit = sentence.slice(r.start, r.start + 3) === '千分之' || sentence.slice(r.start - 3, r.start) === '千分之' ? '‰' : '%';
      unitWhy = unit === '%' ? '百分之 means percent' : '千分之 means per thousand';
    }
    if (lang === 'zh' || /^[\u4e00-\u9fff%％]/.test(after)) {
      const z = RE_ZH_AFTER.exec(after)!;
      const [all, q1, mag, q2, pct, pts, tenth, cur, phys, cls, noun] = z;
      if (mag) {
        mult = magnitudes.zh[mag]!;
        stepUnit = mult;
      }
      if (pct) unit = perMilleWords.zh.includes(pct) ? '‰' : '%';
      else if (pts) {
        unit = 'pp';
        if (isBasis(pts)) (mult = 0.01), (stepUnit = 0.01);
      } else if (phys) unit = physicalUnits.zh[phys]!;
      else if (tenth) {
        unit = '%';
        mult = 10;
        stepUnit = 10;
        unitWhy = '成 is tenths: 四成 = 40%';
      } else if (cur) unit = currencyWords.zh[cur]!;
      else if (cls) {
        if (cls === '倍') unit = 'times';
        else {
          unit = 'count';
          countOf = classifiers[cls];
          // The noun after the classifier, up to a function word: 48项任务中与… → 任务.
          countNoun = noun ? noun.replace(/^([\s\S][^的与和及在中为是了把被对向从]*)[\s\S]*$/, '$1') : undefined;
        }
      }
      // 万 or 亿 alone, as in 1200万用户: a count of what follows.
      if (!unit && mag && !r.percentPrefix) {
        unit = 'count';
        const n = /^[\u4e00-\u9fff]{1,4}/.exec(after.slice((q1 ?? '').length + mag.length + (q2 ?? '').length));
        countNoun = n?.[0];
      }
      if (unit || r.percentPrefix) i = r.end + all.length - (cls && noun ? noun.length : 0);
      if (q1 || q2) i = Math.max(i, r.end + (q1 ?? '').length + (mag ?? '').length + (q2 ?? '').length);
      if (r.percentPrefix) unit = sentence.slice(r.start, r.start + 3) === '千分之' || sentence.slice(r.start - 3, r.start) === '千分之' ? '‰' : '%';
    }
    if (!unit && !r.chinese) {
      const e = RE_EN_AFTER.exec(after)!;
      const [all, magWord, magShort, pctSign, pctWordRaw, perThousand, pts, cur, cents, phys] = e;
      const pct = pctSign && pctSign !== '‰' ? pctSign : undefined;
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
        }
      } else if (cur) unit = currencyWords.en[cur.toLowerCase()]!;
      else if (phys) unit = physicalUnits.en[phys]!;
      else if (cents) {
        unit = subunits[cents.toLowerCase()]![0];
        mult = subunits[cents.toLowerCase()]![1];
        stepUnit = mult;
      }
      // A short magnitude (m, k, bn) only counts after a currency symbol: "5m" alone may be metres.
      if (magShort && !/(?:[$€£¥￥]|RMB|USD|CNY|HKD|EUR)\s?(?:[\d.,]+\s*[-–]\s*)?$/i.test(before) && !unit) {
        mult = 1;
        stepUnit = 1;
      } else i = r.end + all.length;
      if (!unit && mag) i = r.end + all.length;
    }
    // A currency named before the number: 人民币100亿元 is covered by 元; 美元100亿 is not.
    if ((!unit || unit === 'count') && !countOf) {
      const cw = new RegExp(`(${zhCurrency.map(escapeRe).join('|')})\\s?$`).exec(before);
      if (cw && cw[1] !== '元') unit = currencyWords.zh[cw[1]!]!;
    }
    // The high end of a range ($94-99bn) takes the currency of its low end.
    if (!unit && !r.chinese) {
      const low = /([$€£¥￥]|US\$|HK\$)\d[\d.,]*\s*[-–]\s*$/.exec(before);
      if (low) unit = currencySymbols[low[1]!]!;
    }
    // Currency symbols before the number.
    let start = r.start;
    const sym = symbols.find((s) => sentence.slice(r.start - s.length, r.start) === s || sentence.slice(r.start - s.length - 1, r.start) === s + ' ');
    if (sym && !unit) {
      unit = currencySymbols[sym]!;
      start = sentence.lastIndexOf(sym, r.start);
    } else if (sym && (unit === 'CNY' || unit === 'USD') && sym.length > 0) {
      start = sentence.lastIndexOf(sym, r.start);
    }
    // A printed sign: "+24.7%", "-8% y/y", "为-2018.87万元" (not the dash of a range such as 34.5-37.0).
    let sign: 0 | 1 | -1 = 0;
    const sc = sentence[start - 1];
    if (sc && '+-−–'.includes(sc) && !/[0-9A-Za-z]/.test(sentence[start - 2] ?? '')) {
      sign = sc === '+' ? 1 : -1;
      start -= 1;
    }
    // 每10股派发现金红利19.72元: A-share dividends are quoted per ten shares.
    let perN = 0;
    const perTen = /每\s*(\d+)\s*股[^，。；\d]{0,10}$/.exec(sentence.slice(Math.max(0, start - 20), start));
    if (perTen && unit !== '%' && +perTen[1]! > 1) perN = +perTen[1]!;
    // Per share: "$5.33 per diluted share", "50 cents a share".
    const ps = RE_PER_SHARE.exec(sentence.slice(i));
    const perShare = perN > 1 || (!!ps && unit !== '%' && unit !== 'pp');
    if (perN > 1) {
      mult /= perN;
      stepUnit /= perN;
      unitWhy = `quoted per ${perN} shares, so divided by ${perN}`;
    }
    if (ps && perShare) i += ps[0].length;

    // English counts: the noun after a bare number (67,317 employees; 40 golds). In Chinese a bare number is no quantity.
    if (!unit && !r.chinese && lang === 'en') {
      const n = RE_EN_NOUN.exec(sentence.slice(i));
      if (n) {
        const words = n[1]!.toLowerCase().split(/\s+/);
        const cut = words.findIndex((w) => STOP_WORDS.has(w));
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

    // What does not state a quantity: a model number (iPhone 16), a span of time (the 12 months through July).
    if (!r.chinese && unit === 'count' && /\b[a-z]+[A-Z][A-Za-z]*\s$/.test(before)) continue;
    if (!r.chinese && unit === 'count' && /^\s(?:months?|years?|weeks?|days?|quarters?|hours?|minutes?)\b/i.test(after)) continue;
    // What does not state a quantity.
    const datey = /^\s?个?(?:年|月|日|号|时|小时|点|季|周|星期|天|岁|世纪|年代)/.test(after) || (/^\d{4}$/.test(r.digits) && /^([-/.])\d{1,2}\1\d{1,2}(?!\d)/.test(after));
    if (datey && !['%', 'pp'].includes(unit)) continue;
    if (!r.chinese && MONTH_BEFORE.test(before) && unit === 'count') continue;
    if (!r.chinese && unit === 'count' && r.decimals === 0 && /^(?:19|20)\d{2}$/.test(r.digits)) continue;
    if (lang === 'en' && !r.chinese && unit === 'count' && mult === 1 && r.value < 10 && r.decimals === 0 && !countOf) continue;
    if (!r.chinese && unit === 'count' && /^\d+\.\s/.test(sentence.slice(r.start)) && r.start <= 3) continue; // a list marker "1. "
    if (!r.chinese && unit === 'count' && /\($/.test(before) && /^\)/.test(after)) continue; // "(1)"
    if (unit === 'count' && /^[-–]\d/.test(after) && !r.chinese) continue; // a score such as 67-66
    if (unit === 'count' && /\d\s*[-–]\s*$/.test(before)) continue;
    if (/^0\d{5}$/.test(r.digits) || /^[036]\d{5}$/.test(r.digits) && !unit) continue;
    if (r.chinese) {
      if (!unit) continue;
      if (unit === '%' && mult === 10 && /[这那每]$/.test(sentence.slice(0, r.start))) continue;
      // 一个, 两家: a lone small numeral is a determiner, not a figure, unless it is a share (四成) or multiple.
      if (r.value < 10 && mult === 1 && unit === 'count') continue;
      if (/^[万亿千百]+$/.test(sentence.slice(r.start, r.end))) continue;
    }
    // A table cell takes the unit its row or column names: | 基本每股收益（元） | 5.66 |.
    if (fallbackUnit && (!unit || (unit === 'count' && !countOf && !countNoun))) {
      const z = RE_ZH_AFTER.exec(fallbackUnit) ?? [];
      const [, , mag, , pct, , , cur] = z;
      const e = /^(?:US\$|\$)?\s*(百万|千|million|billion|bn|m)?\s*(美元|元|人民币|USD|CNY|\$)?/i.exec(fallbackUnit) ?? [];
      if (pct) unit = perMilleWords.zh.includes(pct) ? '‰' : '%';
      else if (cur || e[2] || /^US\$|^\$/.test(fallbackUnit)) unit = cur ? currencyWords.zh[cur]! : /元|人民币|CNY/i.test(e[2] ?? '') ? 'CNY' : 'USD';
      const magnitude = mag ? magnitudes.zh[mag]! : e[1] ? (magnitudes.en[e[1].toLowerCase()] ?? magnitudes.zh[e[1]] ?? 1) : 1;
      if (unit && unit !== 'count' && magnitude !== 1) (mult = magnitude), (stepUnit = magnitude);
      if (unit) unitWhy = `the table gives the unit: ${fallbackUnit}`;
    }
    if (lang === 'zh' && !r.chinese && !unit) continue;

    const decimals = r.decimals;
    const step = Number((printedStep(r.digits, decimals) * stepUnit).toPrecision(12));
    tokens.push({
      start,
      end: i,
      numStart: r.start,
      numEnd: r.end,
      value: Number((r.value * mult).toPrecision(12)),
      precision: step,
      unit,
      countOf,
      countNoun,
      perShare,
      sign,
      unitWhy,
    });
  }
  mergeSections(sentence, tokens);
  linkRanges(sentence, tokens);
  return tokens;
}

/** 1亿2000万元 is one figure written in two sections: 1亿 and 2000万元 add up. */
function mergeSections(sentence: string, tokens: NumberToken[]) {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    if (a.end !== b.start || sentence.slice(a.numEnd, a.end) !== '亿' || !/^万/.test(sentence.slice(b.numEnd, b.end))) continue;
    if (b.value >= 1e8) continue;
    tokens.splice(k, 2, { ...b, start: a.start, numStart: a.numStart, value: Number((a.value + b.value).toPrecision(12)) });
  }
}

/**
 * Ranges: in "9.55 billion and 11.55 billion yuan" or "$34.5-37.0bn" the first number takes the
 * unit and magnitude of the second. Both ends are marked, because a range end is not a point figure.
 */
function linkRanges(sentence: string, tokens: NumberToken[]) {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    const gap = sentence.slice(a.end, b.start);
    if (!/^\s*(?:-|–|—|~|～|to|至|到|and)\s*\$?$/.test(gap)) continue;
    const between = /between\s+\$?$/i.test(sentence.slice(Math.max(0, a.start - 10), a.start)) || /[-–—~～至到]|to/.test(gap);
    // "from $10bn to $12bn" is a change, not a range.
    if (!between || /\bfrom\s+\$?$/i.test(sentence.slice(Math.max(0, a.start - 8), a.start))) continue;
    if (a.unit !== b.unit && a.unit !== 'count' && a.unit !== '') continue;
    // "$34.5-37.0bn", "9.55 billion and 11.55 billion yuan": the low end takes what it lacks.
    const bDigits = Number(sentence.slice(b.numStart, b.numEnd).replace(/[^\d.]/g, ''));
    const mult = bDigits ? b.value / bDigits : 1;
    if (mult > 1 && a.value * 100 < b.value) {
      a.value = Number((a.value * mult).toPrecision(12));
      a.precision = Number((a.precision * mult).toPrecision(12));
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
