// The benchmark corpora, both deterministic (seeded PRNG):
//  - generateCorpus: a large text corpus made from the articles at hand. Each "variant" of a
//    story (the articles that report the same event) rewrites every article of the story with
//    the same entity swap, year shift, quarter rotation and number scale, so the articles of a
//    variant still align with each other and a finding check has real work to do. Inside a
//    sentence every numeral is scaled by the same factor; a few sentences get an extra nudge,
//    which plants discrepancies. Formats are kept: 亿/万/billion/%, thousands separators,
//    decimals, round figures stay round. Dates, times, versions (V3.0, GPT-4), stock codes,
//    model names (A100) and URLs are left alone.
//  - syntheticClaims: Claim objects built directly, with a realistic fact-key spread, for
//    timing align + compare at 10k, 100k and 1M claims.
//
// `npx tsx bench/corpus.ts --out DIR [--mb N] [--seed N]` writes the text corpus to disk, e.g.
// to try `npm run crosscheck -- ingest DIR` on it.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim, Measure, Qualifier } from '../server/types.js';
import { PROJECT_ROOT } from '../server/root.js';

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    range: (lo: number, hi: number) => lo + next() * (hi - lo),
    chance: (p: number) => next() < p,
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)]!;
    },
    /** Picks by weight: [[value, weight], …]. */
    weighted<T>(xs: ReadonlyArray<readonly [T, number]>): T {
      let total = 0;
      for (const [, w] of xs) total += w;
      let r = next() * total;
      for (const [v, w] of xs) if ((r -= w) < 0) return v;
      return xs[xs.length - 1]![0];
    },
    shuffle<T>(xs: T[]): T[] {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}
export type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// Sources

const ROOT = PROJECT_ROOT;

/** The articles at hand: the library (articles/, the two seed articles) and the dev set. */
export const DEFAULT_SOURCE_DIRS = [join(ROOT, 'articles'), resolve(ROOT, '../shared/eval/articles')];

export interface SourceArticle {
  /** File name inside the story, e.g. a1-zh-wire.md. */
  name: string;
  text: string;
}

/** Articles that report the same event: they are rewritten together so that they still align. */
export interface Story {
  id: string;
  articles: SourceArticle[];
}

const isArticleFile = (f: string) => /\.(txt|md)$/i.test(f) && !/^readme/i.test(f);

/** One story per folder of articles (files directly in a folder form one story). */
export function loadStories(dirs: string[] = DEFAULT_SOURCE_DIRS): Story[] {
  const stories: Story[] = [];
  const visit = (dir: string, id: string) => {
    const entries = readdirSync(dir).sort();
    const files = entries.filter((f) => isArticleFile(f) && statSync(join(dir, f)).isFile());
    if (files.length) stories.push({ id, articles: files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })) });
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) visit(join(dir, e), `${id}-${e}`);
  };
  for (const d of dirs) if (existsSync(d)) visit(d, relative(resolve(ROOT, '..'), d).replace(/[\\/]/g, '-').replace(/^-+/, '') || 'src');
  if (!stories.length) throw new Error(`no source articles found in ${dirs.join(', ')}`);
  return stories;
}

// ---------------------------------------------------------------------------------------------
// Entities: swapped by a random bijection per variant, in the script they were written in.

interface Entity {
  zh: string[];
  /** Countries: [name, adjective, people, short, other shorts…]; companies: [name, other names…]. */
  en: string[];
}

const COUNTRIES: Entity[] = [
  { zh: ['中国'], en: ['China', 'Chinese', 'Chinese', 'PRC'] },
  { zh: ['美国'], en: ['United States', 'American', 'Americans', 'US', 'U.S.', 'USA'] },
  { zh: ['日本'], en: ['Japan', 'Japanese', 'Japanese'] },
  { zh: ['澳大利亚'], en: ['Australia', 'Australian', 'Australians'] },
  { zh: ['法国'], en: ['France', 'French', 'French'] },
  { zh: ['英国'], en: ['United Kingdom', 'British', 'Britons', 'UK', 'Britain'] },
  { zh: ['德国'], en: ['Germany', 'German', 'Germans'] },
  { zh: ['韩国'], en: ['South Korea', 'South Korean', 'South Koreans'] },
  { zh: ['印度'], en: ['India', 'Indian', 'Indians'] },
  { zh: ['巴西'], en: ['Brazil', 'Brazilian', 'Brazilians'] },
  { zh: ['泰国'], en: ['Thailand', 'Thai', 'Thais'] },
  { zh: ['意大利'], en: ['Italy', 'Italian', 'Italians'] },
  { zh: ['加拿大'], en: ['Canada', 'Canadian', 'Canadians'] },
  { zh: ['荷兰'], en: ['Netherlands', 'Dutch', 'Dutch'] },
  { zh: ['西班牙'], en: ['Spain', 'Spanish', 'Spaniards'] },
  { zh: ['新西兰'], en: ['New Zealand', 'New Zealand', 'New Zealanders'] },
];

// Names that are also common words (联想, 小米, 大众, 吉利, 理想) appear only in their long forms.
const COMPANIES: Entity[] = [
  { zh: ['科大讯飞', '讯飞'], en: ['iFlytek', 'iFLYTEK'] },
  { zh: ['比亚迪'], en: ['BYD'] },
  { zh: ['Meta'], en: ['Meta', 'Meta Platforms'] },
  { zh: ['华为'], en: ['Huawei'] },
  { zh: ['英伟达'], en: ['Nvidia', 'NVIDIA'] },
  { zh: ['百度'], en: ['Baidu'] },
  { zh: ['阿里巴巴', '阿里'], en: ['Alibaba'] },
  { zh: ['腾讯'], en: ['Tencent'] },
  { zh: ['特斯拉'], en: ['Tesla'] },
  { zh: ['微软'], en: ['Microsoft'] },
  { zh: ['亚马逊'], en: ['Amazon'] },
  { zh: ['京东'], en: ['JD.com'] },
  { zh: ['美团'], en: ['Meituan'] },
  { zh: ['字节跳动'], en: ['ByteDance'] },
  { zh: ['蔚来'], en: ['NIO'] },
  { zh: ['小鹏汽车', '小鹏'], en: ['XPeng'] },
  { zh: ['理想汽车'], en: ['Li Auto'] },
  { zh: ['宁德时代'], en: ['CATL'] },
  { zh: ['台积电'], en: ['TSMC'] },
  { zh: ['三星电子', '三星'], en: ['Samsung'] },
  { zh: ['贵州茅台', '茅台'], en: ['Kweichow Moutai', 'Moutai'] },
  { zh: ['中国平安'], en: ['Ping An'] },
  { zh: ['联想集团'], en: ['Lenovo'] },
  { zh: ['中芯国际'], en: ['SMIC'] },
  { zh: ['吉利汽车'], en: ['Geely'] },
  { zh: ['英特尔'], en: ['Intel'] },
  { zh: ['索尼'], en: ['Sony'] },
  { zh: ['丰田'], en: ['Toyota'] },
  { zh: ['网易'], en: ['NetEase'] },
  { zh: ['拼多多'], en: ['PDD Holdings', 'Pinduoduo'] },
  { zh: ['小米集团'], en: ['Xiaomi'] },
  { zh: ['海尔智家'], en: ['Haier'] },
];

interface AliasRef {
  kind: 'country' | 'company';
  index: number;
  latin: boolean;
  slot: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /[A-Za-z]/;

function buildEntityMatcher() {
  const refs = new Map<string, AliasRef>();
  const add = (kind: AliasRef['kind'], list: Entity[]) =>
    list.forEach((e, index) => {
      e.zh.forEach((a, slot) => refs.has(a) || refs.set(a, { kind, index, latin: LATIN.test(a), slot }));
      e.en.forEach((a, slot) => refs.has(a) || refs.set(a, { kind, index, latin: true, slot }));
    });
  add('company', COMPANIES); // first: 中国平安 is a company, and longer names win anyway
  add('country', COUNTRIES);
  const names = [...refs.keys()].sort((a, b) => b.length - a.length);
  const alt = names.map((n) => (LATIN.test(n) ? `(?<![A-Za-z0-9])${escapeRe(n)}(?![A-Za-z0-9$])` : escapeRe(n))).join('|');
  return { refs, re: new RegExp(alt, 'g') };
}
const ENTITIES = buildEntityMatcher();

function entityName(e: Entity, latin: boolean, slot: number, kind: AliasRef['kind']): string {
  if (!latin) return e.zh[Math.min(slot, e.zh.length - 1)]!;
  if (kind === 'company') return e.en[0]!;
  const s = Math.min(slot, 3);
  return e.en[s] ?? (s === 2 ? e.en[1]! : e.en[0]!);
}

// ---------------------------------------------------------------------------------------------
// Periods: years shift, single quarters rotate (the same way in every article of a variant).

const ZH_Q = ['一', '二', '三', '四'];
const EN_Q = ['first', 'second', 'third', 'fourth'];
const EN_Q_MONTHS = [
  ['January', 'March'],
  ['April', 'June'],
  ['July', 'September'],
  ['October', 'December'],
];
const capitalise = (w: string, like: string) => (like[0] === like[0]!.toUpperCase() ? w[0]!.toUpperCase() + w.slice(1) : w);

function rotateQuarters(text: string, shift: number, yearShift: number): string {
  if (shift === 0 && yearShift === 0) return text;
  const rot = (q: number) => ((q - 1 + shift) % 4) + 1;
  return (
    text
      // 第三季度, 三季度, 三季报; not 前三季度 (first three quarters) or 上一季度
      .replace(/(?<![前后上下近两])(第?)([一二三四1-4])季(度|报)/g, (_m, di: string, q: string, tail: string) => {
        const n = ZH_Q.indexOf(q) >= 0 ? ZH_Q.indexOf(q) + 1 : Number(q);
        const r = rot(n);
        return `${di}${/\d/.test(q) ? r : ZH_Q[r - 1]}季${tail}`;
      })
      .replace(/\b(first|second|third|fourth)([- ])quarter/gi, (_m, w: string, sep: string) => `${capitalise(EN_Q[rot(EN_Q.indexOf(w.toLowerCase()) + 1) - 1]!, w)}${sep}quarter`)
      .replace(/\b(January|April|July|October)-(March|June|September|December)\b/g, (m, a: string) => {
        const i = EN_Q_MONTHS.findIndex(([s]) => s === a);
        const [s, e] = EN_Q_MONTHS[rot(i + 1) - 1]!;
        return i < 0 ? m : `${s}-${e}`;
      })
      // 4Q23: quarter and two-digit year
      .replace(/(?<![A-Za-z0-9])([1-4])Q(\d{2})(?![0-9])/g, (_m, q: string, yy: string) => `${rot(Number(q))}Q${String((Number(yy) + yearShift + 100) % 100).padStart(2, '0')}`)
      .replace(/(?<![A-Za-z0-9])Q([1-4])(?![0-9])/g, (_m, q: string) => `Q${rot(Number(q))}`)
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Arabic numerals, and Chinese ones of two or more characters before a measure word
// (四十枚, 二百三十二个): single characters (一个, 三次) are too often not quantities.
const NUMERAL = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|(?<!第)[零一二两三四五六七八九十百千]{2,}(?=[枚个项名家位次辆人倍座块])/g;
const ZH_DIGITS = '零一二三四五六七八九';

function parseZhNumeral(s: string): number | null {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const d = ch === '两' ? 2 : ZH_DIGITS.indexOf(ch);
    if (d >= 0) digit = d;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
      if (!unit) return null;
      total += (digit || (unit === 10 ? 1 : 0)) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

/** 1..9999 in Chinese numerals: 40 → 四十, 91 → 九十一, 232 → 二百三十二, 1005 → 一千零五. */
function formatZhNumeral(n: number): string {
  const units = ['千', '百', '十', ''];
  const digits = String(Math.min(Math.max(Math.round(n), 1), 9999)).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += ZH_DIGITS[d]! + units[i]!;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}
const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s)/;
const MONTH_BEFORE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;
const UNIT_SUFFIX = /^(?:bn|mn|tn|m|k|K|M|B|x|pp)(?![A-Za-z])/;

function formatLike(raw: string, value: number): string {
  const dot = raw.indexOf('.');
  const decimals = dot < 0 ? 0 : raw.length - dot - 1;
  let out: string;
  if (decimals > 0) {
    const step = 10 ** -decimals;
    out = Math.max(value, step).toFixed(decimals);
  } else {
    const digits = raw.replace(/,/g, '');
    // Round figures stay round: 1200万 stays a multiple of 100, 400余名 of 100.
    const zeros = digits.length > 1 ? Math.min(/0*$/.exec(digits)![0].length, digits.length - 1) : 0;
    const step = 10 ** zeros;
    out = String(Math.max(step, Math.round(value / step) * step));
  }
  if (raw.includes(',')) {
    const [int, frac] = out.split('.');
    out = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return out;
}

/** Scales the numerals of one text segment (no URLs in it). Years shift instead. */
function scaleNumbers(text: string, v: VariantPlan, rng: Rng): string {
  let factor = v.scale;
  let last = 0;
  return text.replace(NUMERAL, (raw: string, at: number) => {
    // A new sentence since the previous numeral: draw its factor.
    if (at === 0 || SENTENCE_END.test(text.slice(last, at))) factor = rng.chance(v.nudge) ? v.scale * rng.pick([rng.range(0.8, 0.95), rng.range(1.05, 1.25)]) : v.scale;
    last = at + raw.length;
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + raw.length, at + raw.length + 8);
    const prev = before.slice(-1);
    if (!/\d/.test(raw)) {
      const n = parseZhNumeral(raw);
      if (n === null || n === 0) return raw;
      const step = n % 10 === 0 && n >= 20 ? 10 : 1; // 四十 stays round
      return formatZhNumeral(Math.max(step, Math.round((n * factor) / step) * step));
    }
    const isInt = /^\d+$/.test(raw);
    // Years: 2023, 2023年, late-2022, FY2024, 2023-10-24 (its month and day are skipped below).
    if (isInt && raw.length === 4 && +raw >= 1900 && +raw <= 2099 && (!/[A-Za-z]/.test(prev) || /FY$/.test(before)) && !/^%/.test(after))
      return String(+raw + v.yearShift);
    if (/[A-Za-z]$|[A-Za-z]-$|第$/.test(before)) return raw; // GPT-4, V3.0, A100, RTX4090, Q3, 第33届
    if (/^[A-Za-z]/.test(after) && !UNIT_SUFFIX.test(after)) return raw; // 4Q23, 1st, 5G (but $50bn, 10k scale)
    if (/(?:19|20)\d{2}[-/.](?:\d{1,2}[-/.])?$/.test(before) || /^:\d/.test(after) || /\d:$/.test(before)) return raw; // dates, times
    if (/^(?:月|日|号|时|点|分|秒|年|周年|版|代|\s*(?:全球)?开发者)/.test(after)) return raw; // 10月24日, 3.0版, 1024开发者节
    if (MONTH_BEFORE.test(before) || /^\s?(?:a\.m\.|p\.m\.)/.test(after)) return raw; // Dec. 31, 6 p.m.
    if (isInt && raw.length > 1 && raw[0] === '0') return raw; // 002594, 007
    if (isInt && raw.length === 6 && /^\.(?:SZ|SH|HK)/i.test(after)) return raw; // stock codes
    if (/[(（]$/.test(prev) && /^[)）]/.test(after) && (raw.length === 1 || raw.length === 6)) return raw; // (1), (600519)
    if (/(?:^|\n)(?:\*\*)?$/.test(before) && /^\.\s/.test(after)) return raw; // list items "1. "
    return formatLike(raw, Number(raw.replace(/,/g, '')) * factor);
  });
}

// ---------------------------------------------------------------------------------------------
// Variants

interface VariantPlan {
  companies: number[];
  countries: number[];
  yearShift: number;
  quarterShift: number;
  /** The factor every numeral of the variant is scaled by. */
  scale: number;
  /** The chance that one sentence of one article gets an extra factor (a planted discrepancy). */
  nudge: number;
  publisher: string;
}

const PUBLISHERS = ['Harbour Daily', 'Eastern Wire', 'Ledger Weekly', 'North Bridge Research', 'Metro Finance', 'The Tribune Desk', '财经观察', '证券日报网', '新经济周刊', '科技前沿', '南方财讯', '市场快报'];

/** FNV-1a, to derive a world's scale from its name. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A variant's period and scale depend only on its story and year (its "world"): two variants of
 * one story that land on the same year print the same figures for the same quarters, as two
 * outlets reporting one filing would. So facts that collide across variants (a subject that is
 * not swapped, such as 全国 or the Olympics, or the same company drawn twice) agree, and the
 * disagreements in the corpus are those of the source articles plus the planted nudges. What
 * varies per variant is the entity swap, the nudged sentences and the publisher.
 */
function planVariant(rng: Rng, story: string, seed: number): VariantPlan {
  const yearShift = rng.int(-30, 20);
  const world = prng(hash32(`${seed}|${story}|${yearShift}`));
  return {
    companies: rng.shuffle(COMPANIES.map((_, i) => i)),
    countries: rng.shuffle(COUNTRIES.map((_, i) => i)),
    yearShift,
    quarterShift: world.int(0, 3),
    scale: Math.exp(world.range(Math.log(0.5), Math.log(1.8))),
    nudge: 0.01,
    publisher: rng.pick(PUBLISHERS),
  };
}

const URL_RE = /https?:\/\/[^\s)）\]>"']+/g;

/** One source article rewritten for one variant. */
function rewriteArticle(text: string, v: VariantPlan, rng: Rng): string {
  const swapped = text.replace(ENTITIES.re, (m) => {
    const r = ENTITIES.refs.get(m);
    if (!r) return m;
    const target = r.kind === 'company' ? COMPANIES[v.companies[r.index]!]! : COUNTRIES[v.countries[r.index]!]!;
    return entityName(target, r.latin, r.slot, r.kind);
  });
  // URLs are kept as they are: their digits are neither numbers nor years.
  let out = '';
  let from = 0;
  for (const m of swapped.matchAll(URL_RE)) {
    out += rewriteSegment(swapped.slice(from, m.index), v, rng) + m[0];
    from = m.index! + m[0].length;
  }
  out += rewriteSegment(swapped.slice(from), v, rng);
  return out.replace(/^(publisher:\s*).*$/m, (_m, key: string) => `${key}"${v.publisher}"`);
}

function rewriteSegment(text: string, v: VariantPlan, rng: Rng): string {
  return scaleNumbers(rotateQuarters(text, v.quarterShift, v.yearShift), v, rng);
}

export interface CorpusDoc {
  /** Path inside the corpus, e.g. v00012/shared-eval-articles-byd-2023q3/a1-zh-wire.md. */
  path: string;
  bytes: Buffer;
}

export interface Corpus {
  docs: CorpusDoc[];
  bytes: number;
  variants: number;
  stories: number;
  sourceArticles: number;
  seed: number;
}

/**
 * Rewrites randomly chosen stories, variant after variant, until the corpus holds `targetBytes`.
 * The same seed and sources give the same corpus, byte for byte.
 */
export function generateCorpus(targetBytes: number, seed = 42, stories: Story[] = loadStories()): Corpus {
  const rng = prng(seed);
  const docs: CorpusDoc[] = [];
  let bytes = 0;
  let variants = 0;
  while (bytes < targetBytes) {
    const story = rng.pick(stories);
    const plan = planVariant(rng, story.id, seed);
    const dir = `v${String(variants).padStart(5, '0')}/${story.id}`;
    for (const a of story.articles) {
      const buf = Buffer.from(rewriteArticle(a.text, plan, rng), 'utf8');
      docs.push({ path: `${dir}/${a.name}`, bytes: buf });
      bytes += buf.length;
    }
    variants++;
  }
  return { docs, bytes, variants, stories: stories.length, sourceArticles: stories.reduce((n, s) => n + s.articles.length, 0), seed };
}

// ---------------------------------------------------------------------------------------------
// Synthetic claims, for align + compare at scale

interface MetricSpec {
  id: string;
  kind: 'money' | 'rate' | 'count' | 'per-share';
  lo: number;
  hi: number;
  countOf?: string;
  signed?: boolean;
}

const METRICS: MetricSpec[] = [
  { id: 'revenue', kind: 'money', lo: 1e8, hi: 1e12 },
  { id: 'advertising_revenue', kind: 'money', lo: 1e8, hi: 2e11 },
  { id: 'net_profit', kind: 'money', lo: 1e6, hi: 1e11, signed: true },
  { id: 'net_profit_recurring', kind: 'money', lo: 1e6, hi: 1e11, signed: true },
  { id: 'gross_profit', kind: 'money', lo: 1e7, hi: 3e11 },
  { id: 'operating_profit', kind: 'money', lo: 1e6, hi: 1e11, signed: true },
  { id: 'operating_cash_flow', kind: 'money', lo: 1e7, hi: 1e11, signed: true },
  { id: 'free_cash_flow', kind: 'money', lo: 1e7, hi: 8e10, signed: true },
  { id: 'total_assets', kind: 'money', lo: 1e9, hi: 5e12 },
  { id: 'market_cap', kind: 'money', lo: 1e9, hi: 3e12 },
  { id: 'rd_expense', kind: 'money', lo: 1e7, hi: 5e10 },
  { id: 'dev_expenditure', kind: 'money', lo: 1e7, hi: 1e10 },
  { id: 'capex', kind: 'money', lo: 1e8, hi: 5e10 },
  { id: 'total_expenses', kind: 'money', lo: 1e8, hi: 1e11 },
  { id: 'long_term_borrowings', kind: 'money', lo: 1e8, hi: 5e10 },
  { id: 'share_repurchase', kind: 'money', lo: 1e8, hi: 8e10 },
  { id: 'gdp', kind: 'money', lo: 1e12, hi: 2e14 },
  { id: 'retail_sales', kind: 'money', lo: 1e11, hi: 6e13 },
  { id: 'gross_margin', kind: 'rate', lo: 5, hi: 70 },
  { id: 'operating_margin', kind: 'rate', lo: 1, hi: 45 },
  { id: 'net_margin', kind: 'rate', lo: 0.5, hi: 35 },
  { id: 'unemployment_rate', kind: 'rate', lo: 2, hi: 12 },
  { id: 'cpi', kind: 'rate', lo: 0, hi: 8, signed: true },
  { id: 'market_share', kind: 'rate', lo: 0.5, hi: 60 },
  { id: 'eps', kind: 'per-share', lo: 0.05, hi: 25, signed: true },
  { id: 'dividend_per_share', kind: 'per-share', lo: 0.05, hi: 5 },
  { id: 'share_price', kind: 'per-share', lo: 2, hi: 2000 },
  { id: 'sales_volume', kind: 'count', lo: 1e3, hi: 3e6, countOf: 'vehicle' },
  { id: 'production_volume', kind: 'count', lo: 1e3, hi: 3e6, countOf: 'vehicle' },
  { id: 'headcount', kind: 'count', lo: 50, hi: 6e5, countOf: 'person' },
  { id: 'daily_active_people', kind: 'count', lo: 1e5, hi: 3.5e9, countOf: 'person' },
  { id: 'monthly_active_users', kind: 'count', lo: 1e5, hi: 3.5e9, countOf: 'person' },
  { id: 'medals', kind: 'count', lo: 1, hi: 130, countOf: 'medal' },
];

const NAMED_SUBJECTS = [
  'iflytek', 'byd', 'meta', 'tesla', 'apple', 'microsoft', 'alphabet', 'amazon', 'nvidia', 'huawei', 'alibaba', 'tencent', 'baidu', 'xiaomi', 'jd',
  'pdd', 'meituan', 'bytedance', 'nio', 'xpeng', 'li-auto', 'catl', 'tsmc', 'samsung', 'moutai', 'ping-an', 'icbc', 'netflix', 'intel', 'amd',
  'sony', 'toyota', 'volkswagen', 'geely', 'smic', 'lenovo', 'china', 'united-states', 'japan', 'germany', 'france', 'united-kingdom', 'india',
  'south-korea', 'australia', 'euro-area',
];
/** Subjects: the named ones and enough others (co-0001 …) for a large library. */
const SUBJECTS = [...NAMED_SUBJECTS, ...Array.from({ length: 4000 }, (_, i) => `co-${String(i).padStart(4, '0')}`)];

const ASPECTS: ReadonlyArray<readonly [string[], number]> = [
  [[], 85],
  [['segment:overseas'], 4],
  [['forecast'], 4],
  [['region:europe'], 3],
  [['segment:data-centre'], 2],
  [['asof:2024-06-30'], 2],
];

function periodOf(rng: Rng): string {
  const y = rng.int(2005, 2030);
  return rng.weighted<string>([
    [`${y}-Q${rng.int(1, 4)}`, 40],
    [`${y}`, 20],
    [`${y}-H1`, 10],
    [`${y}-Q1..Q3`, 10],
    [`${y}-${String(rng.int(1, 12)).padStart(2, '0')}`, 15],
    [`${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, 5],
  ]);
}

const logUniform = (rng: Rng, lo: number, hi: number) => Math.exp(rng.range(Math.log(Math.max(lo, 1e-6)), Math.log(hi)));
/** A printing step: the value printed to `digits` significant figures. */
const stepFor = (v: number, digits: number) => 10 ** (Math.floor(Math.log10(Math.max(Math.abs(v), 1e-9))) - digits + 1);
const roundTo = (v: number, step: number) => {
  const r = Math.round(v / step) * step;
  return step < 1 ? Number(r.toFixed(Math.ceil(-Math.log10(step)) + 1)) : r;
};

const QUALIFIERS: ReadonlyArray<readonly [[Qualifier, string | undefined], number]> = [
  [['exact', undefined], 88],
  [['approx', '约'], 6],
  [['lower', '超过'], 3],
  [['upper', '近'], 3],
];

export interface SyntheticSet {
  claims: Claim[];
  /** Titles and publishers, what compare needs to name sources. */
  articles: Map<string, { title: string; publisher?: string }>;
  facts: number;
  /** Facts with a planted disagreement. */
  planted: number;
}

/**
 * `n` claims about about n/2.7 facts: many subjects, metrics and periods; 2–4 sources per fact
 * (10% of facts have one source only and align with nothing); sources print the value to 2–5
 * significant figures (rounding), some with 约/超过/近; 6% of facts have one source that
 * disagrees (a few percent off, a tenfold slip, or a flipped sign); 3% name no metric. The
 * sources are n/12 articles unless told.
 */
export function syntheticClaims(n: number, seed = 7, nArticles = Math.max(20, Math.round(n / 12))): SyntheticSet {
  const rng = prng(seed ^ n);
  const articles = new Map<string, { title: string; publisher?: string }>();
  for (let i = 0; i < nArticles; i++) articles.set(`s${i.toString(36)}`, { title: `Synthetic article ${i}`, publisher: PUBLISHERS[i % PUBLISHERS.length] });
  const articleIds = [...articles.keys()];
  const seen = new Set<string>();
  const claims: Claim[] = [];
  let facts = 0;
  let planted = 0;
  while (claims.length < n) {
    // A fact key not used yet.
    let subject: string, metric: MetricSpec, period: string, measure: Measure, aspects: string[], key: string;
    let tries = 0;
    do {
      subject = rng.pick(SUBJECTS);
      metric = rng.pick(METRICS);
      period = periodOf(rng);
      measure = rng.weighted<Measure>([
        ['level', 62],
        ['yoy', 28],
        ['qoq', 6],
        ['vs_start', 2],
        ['change', 2],
      ]);
      aspects = rng.weighted(ASPECTS);
      key = `${subject}|${metric.id}|${period}|${measure}|${aspects.join('+')}`;
    } while (seen.has(key) && ++tries < 50);
    seen.add(key);
    facts++;
    const unnamed = rng.chance(0.03);
    const currency = rng.chance(0.7) ? 'CNY' : 'USD';
    let unit: string;
    let truth: number;
    if (measure === 'level') {
      unit = metric.kind === 'money' ? currency : metric.kind === 'rate' ? '%' : metric.kind === 'per-share' ? `${currency}/share` : 'count';
      truth = logUniform(rng, metric.lo, metric.hi) * (metric.signed && rng.chance(0.15) ? -1 : 1);
    } else {
      unit = metric.kind === 'rate' ? 'pp' : '%';
      truth = metric.kind === 'rate' ? rng.range(-5, 5) : rng.range(-60, 150);
    }
    const k = rng.chance(0.1) ? 1 : rng.weighted<number>([
      [2, 50],
      [3, 30],
      [4, 20],
    ]);
    const sources = new Set<string>();
    while (sources.size < k) sources.add(rng.pick(articleIds));
    const odd = k >= 2 && rng.chance(0.06) ? rng.int(0, k - 1) : -1;
    if (odd >= 0) planted++;
    let s = 0;
    for (const articleId of sources) {
      const digits = rng.weighted<number>([
        [2, 15],
        [3, 35],
        [4, 35],
        [5, 15],
      ]);
      let v = truth;
      if (s === odd) {
        const how = rng.weighted<string>([
          ['off', 70],
          ['tenfold', 15],
          ['sign', 15],
        ]);
        v = how === 'tenfold' ? v * 10 : how === 'sign' && measure !== 'level' ? -v : v * rng.pick([rng.range(0.7, 0.96), rng.range(1.04, 1.4)]);
      }
      const precision = metric.kind === 'count' && measure === 'level' ? Math.max(1, stepFor(v, digits)) : stepFor(v, digits);
      const value = roundTo(v, precision);
      const [qualifier, qualifierWord] = rng.weighted(QUALIFIERS);
      const quote = `${qualifierWord ?? ''}${value}${unit === '%' || unit === 'pp' ? unit : ` ${unit}`}`;
      const start = rng.int(0, 4000);
      claims.push({
        id: `k${claims.length.toString(36)}`,
        articleId,
        quote,
        start,
        end: start + quote.length,
        sentence: `${subject} ${metric.id} ${period}: ${quote}`,
        sentenceStart: Math.max(0, start - 20),
        value,
        unit,
        countOf: unit === 'count' ? metric.countOf : undefined,
        precision,
        qualifier,
        qualifierWord,
        measure,
        subject,
        metric: unnamed ? null : metric.id,
        period,
        aspects,
        why: {},
        origin: 'extracted',
      });
      s++;
    }
  }
  claims.length = n;
  return { claims, articles, facts, planted };
}

// ---------------------------------------------------------------------------------------------
// CLI: write the corpus to disk.

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    console.error('usage: npx tsx bench/corpus.ts --out DIR [--mb 20] [--seed 42]');
    process.exit(2);
  }
  const mb = Number(arg('mb') ?? process.env.BENCH_MB ?? 20);
  const corpus = generateCorpus(mb * 1048576, Number(arg('seed') ?? process.env.BENCH_SEED ?? 42));
  for (const d of corpus.docs) {
    const file = join(out, d.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, d.bytes);
  }
  console.log(`${corpus.docs.length} articles, ${(corpus.bytes / 1048576).toFixed(1)} MB, ${corpus.variants} variants of ${corpus.stories} stories → ${out}`);
}
