// Reads one figure into a Claim: its measure, metric, aspects, subject and period, in that
// order, each stage a function that says why it decided what it did. The passes in compute/
// find the evidence; these stages weigh it for one number in its sentence.
import type { Claim, Measure } from '../types.js';
import { lowerBound } from '../lower-bound.js';
import { alternation, directionBefore, entityById, periods, withoutEntities, withoutPhrases, entityOf, entityRe, findAll, measureWords, metricById, metricOf, metricRe, metrics, isMonthName, knownSegmentIn, segmentModifiers, segmentOf, segmentRe, type MetricEntry } from './model/lexicon.js';
import type { Span } from './compute/1-sentences.js';
import { headerCell, isTotalLabel, rowLabel, type Column } from './compute/1-tables.js';
import { isDuration, TENOR_INSTRUMENTS, type NumberToken } from './compute/2-numbers.js';
import { qualifierOf } from './compute/3-qualifiers.js';
import { inheritChange, isRestatement, LOSS_WHY, measureOf, withoutDefaultYoy, yoyByDefault, type measureMentions, type MeasureReading } from './compute/4-measures.js';
import { isMoney, metricOfToken, segmentAfter, segmentBefore, type MetricMention } from './compute/5-metrics.js';
import { periodMentions, resolvePeriod, type PeriodMention } from './compute/6-periods.js';
import { nameId, subjectOf } from './compute/7-subjects.js';
import type { ListItem } from './compute/8-lists.js';
import { aspectsOf } from './compute/9-aspects.js';
import { endingBy, matchesBefore, startingBefore } from './before.js';
import { periodFor, quarterOf, yearNear, UNKNOWN_SUBJECT, type ArticleContext, type Carry, type SentenceFacts } from './context.js';

/** Everything read once per sentence that its figures share. */
export interface SentenceContext {
  facts: SentenceFacts;
  /** Clauses with offsets relative to the sentence. */
  clauses: Span[];
  metrics: MetricMention[];
  measures: ReturnType<typeof measureMentions>;
  lists: Map<number, ListItem>;
  /** The header row, when the sentence is a table row. */
  header?: SentenceFacts;
  /** The column of each figure, when the sentence is a row of a flattened table. */
  columns?: Column[];
}

/** One figure being read: its token, its clause and what earlier stages decided. */
interface Figure {
  tok: NumberToken;
  i: number;
  clause: Span;
  why: Claim['why'];
  item?: ListItem;
  column?: Column;
  /** The claim read just before, when it is in the same sentence. */
  prev?: Claim;
  basis: NonNullable<Claim['basis']>;
}

export function readFigure(a: ArticleContext, x: SentenceContext, carry: Carry, i: number, last: Claim | undefined): Claim {
  const s = x.facts.sentence;
  const tok = x.facts.tokens[i]!;
  const fig: Figure = {
    tok,
    i,
    clause: clauseAt(x.clauses, tok.start) ?? { start: 0, end: s.text.length, text: s.text },
    why: {},
    item: x.lists.get(i),
    column: x.columns?.[i] ?? (x.header ? headerCell(s.text, tok.start, x.header.sentence.text, x.header.periods) : undefined),
    prev: last?.sentenceStart === s.start ? last : undefined,
    basis: { subject: 'stated', period: 'stated' },
  };
  let q = qualifierOf(s.text, tok);
  // 约3-5亿元, about 10-12 million: the word before a range qualifies both its ends.
  const low = tok.rangeEnd === 'high' ? x.facts.tokens[i - 1] : undefined;
  if (q.qualifier === 'exact' && low?.rangeEnd === 'low') {
    const lowQ = qualifierOf(s.text, low);
    if (lowQ.qualifier === 'approx') q = lowQ;
  }
  if (q.word) fig.why.qualifier = `"${q.word}"`;
  const meas = readMeasure(x, fig, carry);
  const { metric, segment, unit, entry } = readMetric(x, fig, last, carry);
  const aspects = readAspects(x, fig, metric, segment);
  const subject = tradePartner(a, x, fig, metric, aspects, readSubject(a, x, fig, carry, meas, aspects));
  // A consensus is one published estimate: that says all a plain "forecast" or "a comparison base" would.
  if (aspects.has('forecast:consensus')) aspects.delete('forecast'), aspects.delete('base');
  const fiscalYearEnd = entityById.get(subject)?.fiscalYearEnd;
  const current = readPeriod(a, x, fig, carry, metric, aspects, fiscalYearEnd);
  const own = ownPeriodOfBase(a, x, fig, meas, aspects, current, fiscalYearEnd);
  const period = own ?? current;
  // "grew 5.5% in 2024, compared to 4.2% in 2023": a rate compared with a change of the same unit is that change, of its own period.
  if (own && fig.prev && fig.prev.measure !== 'level' && fig.prev.unit === unit && (unit === '%' || unit === 'pp')) {
    meas.measure = fig.prev.measure;
    fig.why.measure = `compared with "${fig.prev.quote}", a change, so a change of its own period`;
  }
  settleMeasure(meas, fig, entry, unit, period, aspects, s.text, entityById.get(subject)?.monthlyChanges === 'previous');

  const start = s.start + tok.start;
  const end = s.start + tok.end;
  return {
    id: `${a.article.id}:${start}-${end}`,
    articleId: a.article.id,
    quote: a.article.text.slice(start, end),
    start,
    end,
    sentence: s.text,
    sentenceStart: s.start,
    value: meas.sign * Math.abs(tok.value),
    unit,
    countOf: tok.countOf ?? entry?.countOf,
    precision: tok.precision,
    qualifier: q.qualifier,
    qualifierWord: q.word,
    measure: meas.measure as Measure,
    subject,
    metric,
    period,
    aspects: [...aspects].sort(),
    why: { ...fig.why, ...(tok.unitWhy ? { unit: tok.unitWhy } : {}) },
    basis: fig.basis,
    origin: 'extracted',
  };
}

const TRADE_METRICS = new Set(['total_trade', 'exports', 'imports', 'trade_balance', 'trade_deficit']);
// "China's trade with the EU", 中国与欧盟贸易总值, 对美出口: the country after with/与/对 is the partner, not the trader.
const PARTNER_BEFORE = /(?:\bwith|\bto|\bfrom|与|同|和|对|對)\s*(?:the\s+)?$/i;

/** A trade figure owned by the partner it is with is the trader's, with the partner as its aspect. */
function tradePartner(a: ArticleContext, x: SentenceContext, fig: Figure, metric: string | null, aspects: Set<string>, subject: string): string {
  if (!metric || !TRADE_METRICS.has(metric) || subject === a.main || a.main === UNKNOWN_SUBJECT) return subject;
  const text = x.facts.sentence.text;
  const named = x.facts.entities.filter((e) => e.id === subject && e.end <= fig.tok.start).pop();
  if (!named) return subject;
  // In a country's trade report every other country is a partner (欧盟为我第二大贸易伙伴，贸易总值为…);
  // elsewhere only one named after with/与/对 is.
  const countries = ['country', 'region'];
  const bothCountries = countries.includes(entityById.get(a.main)?.kind ?? '') && countries.includes(entityById.get(subject)?.kind ?? '');
  if (!bothCountries && !PARTNER_BEFORE.test(text.slice(Math.max(0, named.start - 8), named.start))) return subject;
  aspects.add(`partner:${subject}`);
  fig.why.subject = `${fig.why.subject ? fig.why.subject + '; ' : ''}${named.text} is the trading partner, so the article's ${a.main}`;
  return a.main;
}

/** The first clause that holds the position (clauses are in order and end in order): a binary search, not a scan per figure. */
function clauseAt(clauses: Span[], pos: number): Span | undefined {
  const c = clauses[lowerBound(clauses, (x) => x.end < pos)];
  return c && c.start <= pos ? c : undefined;
}

/** Level or change, and the sign: the figure's own words, a table's change column, or the change it continues. */
function readMeasure(x: SentenceContext, fig: Figure, carry: Carry): MeasureReading {
  const { tok, i, clause, column } = fig;
  const tokens = x.facts.tokens;
  const text = x.facts.sentence.text;
  const meas = measureOf(text, tok, tokens[i - 1]?.end ?? 0, clause.start, clause.end, x.measures, tokens[i + 1]?.start);
  // "…价格环比上涨0.3%。其中，城市上涨0.3%": a breakdown that names no measure of its own is measured
  // as the figure it breaks down.
  if (meas.measure === 'yoy' && !x.measures.length && carry.measure && carry.breakdown) {
    meas.measure = carry.measure.measure;
    meas.why = `${withoutDefaultYoy(meas.why)}; measured "${carry.measure.text}" as the figure it breaks down`;
  }
  // "up 88%" under a Q/Q header: the cell's own word gives the direction, the header the base.
  if (column?.change && meas.measure !== 'level' && (tok.unit === '%' || tok.unit === 'pp') && yoyByDefault(meas.why)) {
    meas.measure = column.sequential ? 'qoq' : 'yoy';
    meas.why = `${withoutDefaultYoy(meas.why)}; column header "${column.text}"`;
  }
  if (column?.change && meas.measure === 'level' && (tok.unit === '%' || tok.unit === 'pp')) {
    meas.measure = column.sequential ? 'qoq' : 'yoy';
    // A change in brackets, "(24%)", is a decline: the accountants' minus sign.
    const bracketed = /[(（]\s*$/.test(text.slice(0, tok.start)) && /^\s*[)）]/.test(text.slice(tok.end));
    meas.sign = tok.sign === -1 || bracketed ? -1 : 1;
    meas.why = `column header "${column.text}"`;
  }
  if (fig.prev) inheritChange(meas, fig.prev, text.slice(tokens[i - 1]!.end, tok.start), tok.unit === tokens[i - 1]!.unit, tok.rangeEnd === 'high');
  // "the loss widened to $2.3bn from $1.1bn", 净亏损扩大至2.3亿元，上年同期为1.1亿元: the base of a loss is a loss,
  // unless a profit is named for it.
  const prev = fig.prev;
  // A plain level right after a loss, in the loss's unit.
  const afterLoss = !!prev && meas.measure === 'level' && meas.sign === 1 && prev.measure === 'level' && prev.value < 0 && prev.why.measure === LOSS_WHY && tok.unit === tokens[i - 1]!.unit;
  if (afterLoss && meas.isBase && !PROFIT_WORD.test(text.slice(tokens[i - 1]!.end, tok.start))) {
    meas.sign = -1;
    meas.why = 'the base of a loss, so a loss';
  } else if (afterLoss && /^(?:收窄|扩大|缩小|减少|增加|降|增)(?:至|到)$/.test(text.slice(tokens[i - 1]!.end, tok.start))) {
    // 亏损由8亿元收窄至3亿元: where the loss went is a loss too.
    meas.sign = -1;
    meas.why = LOSS_WHY;
  } else if (afterLoss && tok.rangeEnd === 'high' && tok.sign !== 1) {
    // 亏损3亿元-4亿元, a loss of $3m to $4m: the high end of a loss range is a loss too.
    meas.sign = -1;
    meas.why = LOSS_WHY;
  }
  if (meas.why) fig.why.measure = meas.why;
  return meas;
}

/** How a metric carried over a semicolon says so; later figures of that sentence carry it on. */
const AFTER_SEMICOLON = 'goes on after a semicolon';
const PROFIT_WORD = /profit|income|earnings|surplus|盈利|利润|净利|收益/i;

const CHANGE_WORDS = new RegExp(`${alternation([...Object.keys(directionBefore.zh), ...Object.keys(directionBefore.en), ...Object.keys(measureWords.zh), ...Object.keys(measureWords.en)])}`, 'gi');
/**
 * What comes before the sentence's first figure is only change and measure words, periods and
 * fillers (环比上涨, 同比下降, up, on the quarter): no noun of its own that could name another metric.
 */
function opensWithoutNoun(x: SentenceContext): boolean {
  const first = x.facts.tokens[0]?.start ?? 0;
  let head = x.facts.sentence.text.slice(0, first);
  for (const p of x.facts.periods) if (p.end <= first) head = head.slice(0, p.start) + ' '.repeat(p.end - p.start) + head.slice(p.end);
  head = head.replace(CHANGE_WORDS, ' ').replace(/[了为达至约近超过逾其中并而且但则by\s,，、:：]/gi, '');
  return head === '';
}

/** The segment a claim was read with, if any. */
const segmentOfClaim = (c: Claim) => c.aspects.find((a) => a.startsWith('segment:'))?.slice('segment:'.length);

/** Metrics that segments split (segmented in the lexicon): money, margins, shares of revenue and of a market. */
const SEGMENTED = new Set(metrics.filter((m) => m.segmented).map((m) => m.id));

/**
 * A segment the lexicon knows, named right before the metric (Microsoft Cloud revenue, 储能电池
 * 市占率) or right after it (revenues from cloud computing). A known name is trusted even when it
 * holds the owner's name, which the general rule for capitalised names must refuse.
 */
function knownSegmentAround(text: string, mention: { start: number; end: number }): string | undefined {
  const before = /((?:[\u4e00-\u9fff]{1,10})|(?:[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,3}))\s*$/.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
  const after = /^\s+(?:from|of|in)\s+(?:the\s+|its\s+)?([a-z][\w&-]*(?:\s+[a-z][\w&-]*){0,3})/i.exec(text.slice(mention.end, mention.end + 60));
  for (const phrase of [before?.[1], after?.[1]]) {
    if (!phrase) continue;
    // The phrase must end with (before) or start with (after) the segment's name.
    const id = knownSegmentIn(phrase);
    const m = id && [...phrase.matchAll(segmentRe)].pop();
    if (m && (phrase === before?.[1] ? m.index! + m[0].length === phrase.length : m.index === 0) && !inCompound(phrase, m.index!)) return id;
  }
  return undefined;
}

/**
 * A known segment word that is the tail of a longer English name (Azure services, cloud services,
 * grid storage) names that other thing, not the segment: the word before it is a noun of the name.
 * After a determiner, a possessive or a conjunction (its services, Apple's services) it stands alone.
 */
function inCompound(text: string, at: number): boolean {
  const w = /([A-Za-z][\w&-]*)\s+$/.exec(text.slice(Math.max(0, at - 30), at));
  return !!w && !/^(?:its|their|the|our|his|her|and|or|of|from|in|at|for|to|by|with|a|an|this|that|these|total|whose)$/i.test(w[1]!) && !segmentModifiers.has(w[1]!.toLowerCase()) && !/['’]s$/.test(text.slice(0, at).trimEnd());
}

const RATE_MOVED = /(?:涨幅|降幅|增幅|跌幅|增速|减幅|降速)(?:[^，。；\d]|(?:19|20)\d{2}年){0,8}(?:扩大|收窄|加快|回落|放缓|提高|回升|下降|上升|缩小)[了为至到]?\s*$/;
// A price paid or asked for a share (an IPO priced at $21 a share, an offer of $45 per share) is no EPS either.
const SHARE_PRICE_CONTEXT = /\b(?:stock|share)\s+price|\bshares?\s+(?:closed|traded|hit|ended)\b|\b(?:record|new|all-time|52-week)\s+(?:high|low)\b|\b(?:priced|IPO|offer(?:ed)?\s+(?:price|of)|tender offer|takeover|buyout|bid)\b|股价|收盘价|报收|发行价/i;
const EARNINGS_WORD = /\b(?:earnings|earned|profits?|income|dividends?|payout|eps)\b|收益|利润|分红|派息/i;
const CLAUSE_STOP = /[，。；]/;
const TITLE = '《([^《》]{1,30})》';
const WORK_TITLE = new RegExp(TITLE, 'g');
/** A work named at the very start of a sentence (after 其中 or 电影 at most): the sentence's topic. */
const TOPIC_WORK = new RegExp(`^(?:其中[，,]?\\s*)?(?:电影|電影|影片)?${TITLE}`);
/** A list item that is nothing but a work's title. */
const ITEM_WORK = new RegExp(`^${TITLE}$`);
/** A work's title as a key: Traditional and Simplified pages write 《長河》 and 《长河》 (text is folded already), punctuation aside. */
const foldWork = (t: string) => t.replace(/[\s·・:：]/g, '').toLowerCase();
// Tenors: 1年期, 5年期以上, 7天期, 3个月期; one-year, 10-year, seven-day (before a yield, rate or bond).
const TENOR_ZH = /(\d{1,2}|[一二两三五七十]{1,2})\s*(年|天|个月|周)期/g;
// The instruments a tenor names, and deposits, whose tenor is an aspect of their rate too.
const TENOR_EN = new RegExp(String.raw`\b(one|two|three|five|seven|ten|fourteen|twenty|thirty|\d{1,2})[- ](year|month|day|week)(?![- ]old)\b(?=[^,;.]{0,40}\b(?:${TENOR_INSTRUMENTS}|deposits?)\b)`, 'gi');
const TENOR_WORD = /期|year|month|day|week/i;
const TENOR_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, five: 5, seven: 7, ten: 10, fourteen: 14, twenty: 20, thirty: 30, 一: 1, 二: 2, 两: 2, 三: 3, 五: 5, 七: 7, 十: 10 };
const TENOR_UNITS: Record<string, string> = { 年: 'y', year: 'y', 天: 'd', day: 'd', 个月: 'm', month: 'm', 周: 'w', week: 'w' };
/** The last tenor named in the text (1y, 7d, 3m), if any. */
function tenorIn(text: string): string | undefined {
  if (!TENOR_WORD.test(text)) return undefined;
  let last: RegExpMatchArray | undefined;
  for (const m of text.matchAll(TENOR_ZH)) last = m;
  for (const m of text.matchAll(TENOR_EN)) if (!last || m.index! > last.index!) last = m;
  if (!last) return undefined;
  const n = /^\d+$/.test(last[1]!) ? Number(last[1]) : TENOR_NUMBERS[last[1]!.toLowerCase()];
  const unit = TENOR_UNITS[last[2]!.toLowerCase()];
  return n && unit ? `${n}${unit}` : undefined;
}
const LOSS_CHANGE_BEFORE = /(?:亏损|虧損|net loss|losses?)(?:额|額)?(?:同比|环比|year on year|year-on-year)?\s*(?:扩大|收窄|缩小|减少|增加|增长|下降|widened|narrowed|shrank|grew|rose|fell|increased|decreased)(?:了|by)?\s*(?:约|近|about\s+)?$/i;
// 九成以上企业实现盈利, 六成受访者: a share of firms or people, not the metric named after it.
const SHARE_OF_GROUP = /^(?:以上|以下|左右|多)?的?(?:企业|公司|上市公司|受访者|家庭|居民|消费者|网友|用户|城市|省份|样本|商户|门店|员工|中小企业)/;
const BUSINESS = /([\u4e00-\u9fffA-Za-z]{1,8}?)(业务|板块|分部)(?!收入|营收)/;
const SHARE_OF = /占(?!比)|accounting for|accounted for|accounts for|account for|making up|made up|a share of/i;

/** The metric (a list item, a column header, or the nearest name), a segment named with it, and the unit per share. */
function readMetric(x: SentenceContext, fig: Figure, last: Claim | undefined, carry: Carry): { metric: string | null; segment?: string; unit: string; entry?: MetricEntry } {
  const { tok, item, column, why } = fig;
  const text = x.facts.sentence.text;
  let metric: string | null = null;
  let segment: string | undefined;
  let mention: { start: number; end: number } | undefined;
  const itemMetric = item && findAll(metricRe, item.text).map((m) => metricOf(m.text)!)[0];
  if (itemMetric) {
    metric = itemMetric;
    why.metric = `item "${item!.text}" of a respectively list`;
  } else if (column?.metric) {
    metric = column.metric;
    why.metric = `column header "${column.text}"`;
  } else {
    const r = metricOfToken(text, tok, x.metrics, fig.clause, () => statesMoney(x.facts.tokens, fig.clause));
    mention = r.mention;
    metric = r.metric;
    if (r.why) why.metric = r.why;
    segment = r.mention && ((SEGMENTED.has(r.metric ?? '') ? knownSegmentAround(text, r.mention) ?? segmentAfter(text, r.mention) : undefined) ?? segmentBefore(text, r.mention, (name) => !!entityOf(name) || !!metricOf(name) || isMonthName(name) || namedHere(x, name)));
    // "777.1 Billion Yuan Revenue": a metric named after the figure has the figure's own words before it, no segment.
    if (segment && text.slice(tok.start, tok.end).toLowerCase().includes(segment.toLowerCase())) segment = undefined;
  }
  // "The Intelligent Cloud segment generated $24.3 billion": money a known segment makes, with no
  // metric named, is that segment's revenue.
  if (!metric && /^[A-Z]{3}$/.test(tok.unit)) {
    const hit = matchesBefore(segmentRe, segmentRe.longest + 1, text, fig.clause.start, fig.clause.end, tok.start).last;
    const named = hit && { text: hit[0], end: fig.clause.start + hit.index + hit[0].length };
    if (named && tok.start - named.end <= 80 && /\b(?:generated|posted|brought in|reported|recorded|delivered|contributed|made|collected|earned|garnered|achieved|booked|logged|raked in|pulled in)\b|实现|录得|贡献/i.test(text.slice(named.end, tok.start))) {
      metric = 'revenue';
      segment = named.text;
      why.metric = `money the ${named.text} segment made`;
    }
  }
  // "two-thirds of TSMC's revenue": a percentage of someone's revenue is a share of it.
  if (metric === 'revenue' && (tok.unit === '%' || tok.unit === '') && /^\s*of\s+(?:(?:the\s+)?[\w&.-]+['’]s\s+|its\s+|their\s+)(?:total\s+)?(?:revenues?|sales)\b/.test(text.slice(tok.end, tok.end + 40))) {
    metric = 'revenue_share';
    why.metric = 'a percentage of the company\'s revenue: its share';
  }
  // "Advanced technologies now constitute two-thirds of revenue", "HPC contributed 43% of revenue":
  // the part whose share it is stands before the share verb.
  if (metric === 'revenue_share' && !segment && x.facts.lang === 'en') {
    const part = SHARE_PART_BEFORE.exec(text.slice(fig.clause.start, tok.start));
    const name = part?.[1]!.replace(/(?:\s+(?:now|also|alone|still|together|jointly))+$/i, '').replace(/^(?:the|its|their)\s+/i, '');
    if (name && !/^(?:it|this|that|which|they|company|group)$/i.test(name) && !entityOf(name)) segment = name;
  }
  // What stands between the figure before in the sentence and this one.
  const joint = fig.prev ? text.slice(fig.prev.end - fig.prev.sentenceStart, tok.start) : '';
  // "fell 2 million, or 0.2 percent": a restatement of the change before it is a change of the same metric.
  if (!metric && fig.prev?.metric && fig.prev.measure !== 'level' && isRestatement(joint)) {
    metric = fig.prev.metric;
    why.metric = 'restates the change before it';
  }
  // "This beat the expected $54.9 billion": a sentence that opens by pointing back, and names no metric
  // at all, is about the metric of the figure before it.
  // "CPI同比下降0.8%…；环比上涨0.3%": a sentence that follows a semicolon and names no metric goes on with the one before.
  if (!metric && last?.metric && !x.metrics.length && /[；;]\s*$/.test(last.sentence) && last.sentenceStart + last.sentence.length <= x.facts.sentence.start && x.facts.sentence.start - (last.sentenceStart + last.sentence.length) <= 2 && opensWithoutNoun(x)) {
    metric = last.metric;
    segment ??= segmentOfClaim(last);
    why.metric = `${AFTER_SEMICOLON} from the figure before («${last.quote}»)`;
  } else if (!metric && fig.prev?.metric && !x.metrics.length && fig.prev.why.metric?.startsWith(AFTER_SEMICOLON)) {
    metric = fig.prev.metric;
    segment ??= segmentOfClaim(fig.prev);
    why.metric = fig.prev.why.metric;
  }
  // So does one that opens with the change it names ("The decrease of 2 million represents…").
  if (!metric && last?.metric && /^(?:(?:However|But|Still|Yet|And|Even so),?\s+)?(?:(?:this|that|it|these|those)\b(?! (?:year|quarter|month|week)\b)|the (?:decrease|decline|drop|fall|increase|rise|gain|growth|contraction|reduction|figure)\b(?!\s+(?:in|of|for)\s+[a-z]))/i.test(text) && !x.metrics.length) {
    metric = last.metric;
    segment ??= segmentOfClaim(last);
    why.metric = `the sentence points back to the figure before («${last.quote}»)`;
  }
  // "$24.3 billion, up by 19%": the change right after a level is that level's change.
  const changeAfter = /^\s*(?:growth|increase|rise|gain|jump|decline|drop|decrease|fall)\b/i.test(text.slice(tok.end));
  if (!metric && fig.prev?.metric && fig.prev.measure === 'level' && (/^,\s*(?:up|down)\b[^,;]*$/i.test(joint) || (changeAfter && /^,\s*an?\b[^,;]*$/i.test(joint)))) {
    metric = fig.prev.metric;
    segment = segmentOfClaim(fig.prev);
    why.metric = `the change of «${fig.prev.quote}» before it`;
  }
  // "a cash dividend of RMB 50.28 per 10 shares, totaling RMB 22.06 billion", 合计派发: the total paid out.
  if (fig.prev?.metric === 'dividend_per_share' && !tok.perShare && /^[A-Z]{3}$/.test(tok.unit) && /\b(?:total(?:l)?ing|in total|a total of|amounting to)\b|合计|共计|总额/i.test(joint)) {
    metric = 'dividends_total';
    segment = undefined;
    why.metric = `the total of the dividend «${fig.prev.quote}» before it`;
  }
  // 其中，食品价格下降2.1%，猪肉价格下降1.8%; "pork prices fell 8.5%": an item's price named before the figure, which is
  // no price index of its own, makes the figure that item's part of the index carried to it.
  if (metric && metricById.get(metric)?.levelIsChange && (tok.unit === '%' || tok.unit === 'pp')) {
    const from = Math.max(fig.clause.start, mention?.end ?? 0);
    const item = priceItemBefore(x, text, from, tok.start);
    if (item) {
      segment = item;
      why.metric = `${why.metric ?? 'the metric'}; the price of ${item}, a part of it`;
    }
  }
  // 数据中心业务同比增长409%: a business named in the clause before the figure is its segment.
  if (!segment && x.facts.lang === 'zh') {
    // (The same as /…[^，。；]*$/ on the clause before the figure, read after its last ，。；.)
    const stop = matchesBefore(CLAUSE_STOP, 1, text, fig.clause.start, fig.clause.end, tok.start).last;
    const from = stop ? fig.clause.start + stop.index + 1 : fig.clause.start;
    const biz = matchesBefore(BUSINESS, 12, text, from, fig.clause.end, tok.start).first;
    if (biz) segment = withoutEntities(biz[1]! + biz[2]!) || undefined;
  }
  // 占酒类收入的45.7%, "accounting for 45.7% of revenue": a share of a total, not the metric itself.
  if (metric && metric !== 'market_share' && tok.unit === '%' && matchesBefore(SHARE_OF, 16, text, fig.clause.start, fig.clause.end, tok.start).first) {
    metric = null;
    why.metric = 'a share of a total, not the metric itself';
  }
  // "电池矿产资源收入7.73亿元,占比1.4%", "电池矿产资源同比+71.5%,占比1.9%": a bare 占比 after a segment
  // (its revenue just before, or its name in a sentence that names no metric before it) is its share
  // of revenue. Sentences end at ；, so each part of a breakdown is a sentence of its own.
  if (!metric && tok.unit === '%' && /占比(?:为|达|约)?$/.test(text.slice(Math.max(0, tok.start - 4), tok.start))) {
    const before = text.slice(0, tok.start);
    const prevSegment = fig.prev?.metric === 'revenue' ? segmentOfClaim(fig.prev) : undefined;
    const named = prevSegment ?? (findAll(metricRe, before).length ? undefined : knownSegmentIn(before));
    if (named) {
      metric = 'revenue_share';
      segment = named;
      why.metric = `占比 after the ${named} segment: its share of revenue`;
    }
  }
  // A segment the lexicon knows, named between the metric and the figure, is the figure's ("iPhone
  // revenue grew to $69.7 billion and its services segment rose to $23.1 billion").
  const near = metric && SEGMENTED.has(metric) && mention ? matchesBefore(segmentRe, segmentRe.longest + 1, text, fig.clause.start, fig.clause.end, tok.start).last : undefined;
  if (near && fig.clause.start + near.index >= mention!.end && !item && !inCompound(text, fig.clause.start + near.index)) segment = near[0];
  // "this segment soared 22% to $2.48 billion", 该业务: the segment named before in the paragraph.
  if (!segment && metric && SEGMENTED.has(metric) && carry.segment && /\b(?:this|the)\s+(?:segment|sector|division|unit|business)\b|该(?:业务|板块|分部)/i.test(text.slice(Math.max(0, tok.start - 120), tok.start))) {
    segment = carry.segment;
    why.metric = `${why.metric ?? "the metric"}; "this segment" is the ${carry.segment} named before`;
  }
  // A segment the lexicon knows, named in the clause before a money figure (数据中心全年营收475亿美元).
  if (!segment && metric && SEGMENTED.has(metric)) {
    const named = matchesBefore(segmentRe, segmentRe.longest + 1, text, fig.clause.start, fig.clause.end, tok.start).last;
    // "Li Auto says revenue …": a segment word that speaks is (part of) a source, not a part.
    const speaks = named && /^\s*(?:said|says|reported|announced|estimated|data)\b/i.test(text.slice(fig.clause.start + named.index + named[0].length));
    if (named && !speaks && !inCompound(text, fig.clause.start + named.index)) segment = named[0];
  }
  // "动力电池系统收入同比+20.6%,毛利率达22.3%(同比+5.1pct);…": a Chinese breakdown part that opens with
  // a segment, before any figure, is about that segment, so its later figures keep it.
  if (!segment && metric && SEGMENTED.has(metric) && x.facts.lang === 'zh' && fig.prev) {
    const prevSegment = segmentOfClaim(fig.prev);
    if (prevSegment && knownSegmentIn(text.slice(0, x.facts.tokens[0]!.start)) === prevSegment) {
      segment = prevSegment;
      why.metric = `${why.metric ?? 'the metric'}; the ${prevSegment} segment this part of the breakdown opens with`;
    }
  }
  // "shares" named earlier in the sentence does not make millions of yuan a share price.
  if (metric === 'share_price' && /^[A-Z]{3}$/.test(tok.unit) && !tok.perShare && Math.abs(tok.value) >= 1e6) {
    metric = null;
    delete why.metric;
  }
  if (metric && tok.unit === '%' && SHARE_OF_GROUP.test(text.slice(tok.end, tok.end + 10))) {
    metric = null;
    segment = undefined;
    why.metric = 'a share of a group of firms or people, not the metric named after it';
  }
  // A span of time is no metric's figure, whichever way a metric reached it (a restatement, the sentence before).
  if (isDuration(tok.unit)) {
    metric = null;
    segment = undefined;
    delete why.metric;
  }
  let unit = tok.unit;
  const entry = metric ? metricById.get(metric) : undefined;
  // 营收10.5个亿, 净利润1.2亿: Chinese copy drops 元 after a magnitude; an amount of money is in yuan.
  if (entry?.money && x.facts.lang === 'zh' && unit === 'count' && !tok.countOf && !tok.countNoun && (tok.scale ?? 1) >= 1e4 && !/^[\s]*[\u4e00-\u9fff]*(?:人|户|戶|辆|輛|台|部|件|吨|噸)/.test(text.slice(tok.end, tok.end + 1))) {
    unit = 'CNY';
    why.unit = `an amount of ${metric!.replace(/_/g, ' ')} with a magnitude and no unit: Chinese copy leaves out 元`;
  }
  // Per ten shares is how A-share dividends are quoted; a per-share amount of profit is EPS.
  if (tok.perShare && tok.unitWhy?.startsWith('quoted per') && metric === null) metric = 'dividend_per_share';
  const perShareIs = metric ? metricById.get(metric)?.perShareMetric : undefined;
  if (tok.perShare && perShareIs) metric = perShareIs;
  // "a new high of 81.88 yuan per share … the stock price": a price quoted per share is the share price.
  if (tok.perShare && metric === null && !tok.perShares && SHARE_PRICE_CONTEXT.test(text) && !EARNINGS_WORD.test(fig.clause.text)) {
    metric = 'share_price';
    why.metric = 'a price per share in a sentence about the share price';
  }
  if (tok.perShare && (metric === null || metric === 'net_profit' || metric === 'revenue')) {
    metric = 'eps';
    why.metric = 'a per-share amount of earnings';
  }
  // A share price is the price of one share: "38.1 yuan per share" and "38.1 yuan" are one figure.
  const perShare = metric !== 'share_price' && (tok.perShare || (!!entry?.perShare && unit !== '%' && unit !== 'pp' && unit !== 'count'));
  if (entry?.perShare && !tok.perShare && Math.abs(tok.value) >= 1000) {
    metric = null; // "the dividend costs $5bn a year" is not a per-share figure
    delete why.metric;
  } else if (perShare && unit !== 'count') unit = tok.perShares ? `${unit}/${tok.perShares} shares` : `${unit}/share`;
  // 夺金分项共14个, 获得金牌的运动员达60名: a count of something else than the metric counts is not its figure.
  // Medals are counted in 枚 or by their metal (40金); 个, 名, 项 count other things.
  const counts = metric ? metricById.get(metric)?.countOf : undefined;
  const classifier = /[个個名人位项項家]$/.exec(text.slice(tok.start, tok.end))?.[0];
  if (counts === 'medal' && classifier) {
    metric = null;
    why.metric = `counted in ${classifier}, which does not count medals`;
  }
  return { metric, segment, unit, entry: metric ? metricById.get(metric) : undefined };
}

/** What else makes the figure a different fact: forecast, segment, region, range end, list item. */
function readAspects(x: SentenceContext, fig: Figure, metric: string | null, segment: string | undefined): Set<string> {
  const { tok, i, clause, item } = fig;
  const text = x.facts.sentence.text;
  const tokens = x.facts.tokens;
  const nextInClause = tokens[i + 1] && tokens[i + 1]!.start < clause.end ? tokens[i + 1]!.start : clause.end;
  const opening = x.clauses[0] && { ...x.clauses[0], firstFigure: tokens[0]!.start };
  const aspects = new Set(aspectsOf(text, clause, x.metrics, { start: tok.start, end: tok.end, nextStart: nextInClause }, opening).aspects);
  // 甲、乙生产指数分别增长12.1%、9.4%: the items of a respectively list we could not pair with
  // their figures are still parts, never the total the same words name elsewhere.
  const words = sentenceWords(text);
  const respectively = words.respectively[lowerBound(words.respectively, (p) => p < clause.start)] ?? Infinity;
  if (!item && respectively < tok.start && tokens.some((t, k) => k !== i && t.unit === tok.unit)) aspects.add('item:unnamed');
  // Both ends of a range share what is said of the range (expect … between 9.55 and 11.55 billion).
  if (tok.rangeEnd === 'high' && fig.prev) for (const a of fig.prev.aspects) if (!a.startsWith('range:')) aspects.add(a);
  // What is said with the metric carries along its clause chain (失业率平均值 … 下降0.4个百分点).
  let mention: MetricMention | undefined;
  for (let k = endingBy(x.metrics, tok.start) - 1; metric && k >= 0 && !mention; k--) if (x.metrics[k]!.metric === metric) mention = x.metrics[k];
  const home = mention && clauseAt(x.clauses, mention.start);
  if (home && home !== clause) for (const a of aspectsOf(text, home, x.metrics).aspects) if (a.startsWith('stat:') || a.startsWith('basis:')) aspects.add(a);
  if (tok.rangeEnd) aspects.add(`range:${tok.rangeEnd}`);
  // 环比上涨0.3%，涨幅比上月扩大0.2个百分点: points by which a rate of change moved are a fact of their
  // own, not the change itself (both are changes on the month before).
  if (tok.unit === 'pp' && RATE_MOVED.test(text.slice(clause.start, tok.start))) aspects.add('of:rate-change');
  // 《长河》以8.62亿元票房夺冠: a figure of a named work (film, book, show, game) is the work's, not the total's.
  if (x.facts.lang === 'zh' && words.namesWork) {
    const from = Math.max(clause.start, i > 0 ? tokens[i - 1]!.end : 0);
    const works = [...text.slice(from, tok.start).matchAll(WORK_TITLE)];
    // 《哪吒》以强大的吸引力，成为…，狂揽48亿元: a work that opens the sentence is its topic, up to the next work named.
    const topic = words.topicWork;
    const own = works.pop() ?? (topic && words.nextWorkEnd > tok.start ? topic : undefined);
    if (own) aspects.add(`work:${foldWork(own[1]!)}`);
  }
  // 1年期LPR为3.0%，5年期以上LPR为3.5%, "the 10-year yield rose to 4.25%": a rate of one tenor is another fact than the next.
  // (Both look only where the sentence has their words between the clause start and the figure.)
  const before = (at: number[]) => at[lowerBound(at, (p) => p < clause.start)] ?? Infinity;
  if ((tok.unit === '%' || tok.unit === 'pp') && before(words.tenorWords) < tok.start) {
    const t = tenorIn(text.slice(clause.start, tok.start));
    if (t) aspects.add(`tenor:${t}`);
  }
  // 净亏损同比扩大45%, "net loss widened 12%": a percentage change of a loss is no change of the profit.
  if (tok.unit === '%' && before(words.lossWords) < tok.start && LOSS_CHANGE_BEFORE.test(text.slice(clause.start, tok.start))) aspects.add('of:loss');
  // A forecast by an analyst or a brokerage is an opinion: two analysts may differ without either being wrong.
  if (aspects.has('forecast') && byAnalyst(text)) {
    aspects.delete('forecast');
    aspects.add('forecast:analyst');
  }
  // In a flattened table whose header names the metric, a row label that is no metric is a part of it (Data center, Gaming).
  if (!segment && x.columns && fig.column?.metric) {
    const label = rowLabel(text, tokens[0]!.start);
    if (label && !isTotalLabel(label) && !findAll(metricRe, label).length) segment = label;
  }
  if (segment && ![...aspects].some((a) => a.startsWith('segment:'))) aspects.add(`segment:${segmentOf(segment)}`);
  // A market named in brackets that close before the figure spells out the one before it
  // ("Greater China (including Hong Kong and Taiwan)"), so it is not the figure's market.
  const region = x.facts.regions?.filter((r) => r.start >= clause.start && r.end <= tok.start && !inClosedBrackets(text, clause.start, r.start, tok.start)).pop();
  if (region && !aspects.has('segment:overseas')) aspects.add(`region:${region.id}`);
  // A list item that names a segment the lexicon knows (茅台酒/系列酒营业收入, "revenue from X and Y") is that segment.
  // It overrides a segment read off the clause, which may be another item's.
  const itemSegment = item ? knownSegmentIn(withoutMetrics(item.text)) : undefined;
  if (itemSegment) {
    for (const a of [...aspects]) if (a.startsWith('segment:')) aspects.delete(a);
    aspects.add(`segment:${itemSegment}`);
  }
  // 《甲》、《乙》分别取得5.91亿元、5.08亿元: an item that is a work is that work's figure.
  const itemWork = item && !itemSegment ? ITEM_WORK.exec(item.text.trim()) : null;
  if (itemWork) {
    for (const a of [...aspects]) if (a.startsWith('work:')) aspects.delete(a);
    aspects.add(`work:${foldWork(itemWork[1]!)}`);
  } else if (item && !itemSegment && !item.entityId && !findAll(metricRe, item.text).length && !itemPeriod(item)) {
    // A list item that is an aspect (adjusted, GAAP, 海外) says so; any other item names a part.
    const said = aspectsOf(item.text, { start: 0, end: item.text.length }, []).aspects;
    if (said.length) said.forEach((a) => aspects.add(a));
    else if (!/^(?:GAAP|reported)\b/i.test(item.text)) aspects.add(`item:${item.text.slice(0, 24)}`);
    // An item of its own basis drops the basis a neighbouring word gave the whole clause.
    if (!said.some((a) => a.startsWith('basis:'))) for (const a of [...aspects]) if (a.startsWith('basis:') && /^(?:GAAP|reported)\b/i.test(item.text)) aspects.delete(a);
  }
  // "In US dollars, revenue was $19.62 billion": an amount's own currency says what the basis would.
  if (isMoney(tok.unit)) for (const a of [...aspects]) if (a.startsWith('currency-basis:')) aspects.delete(a);
  // 核心本地商业分部实现收入551亿元，同比+27%，经营利润率14.5%: a segment that opens the sentence is
  // its topic, so its later figures are the segment's too (unless a breakdown, 其中, starts).
  // Only a clause that opens with its metric goes on with the topic ("…, service sales rose 11%" names a part of its own).
  const carried = fig.prev?.aspects.find((a) => a.startsWith('segment:'));
  if (carried && !item && !words.breakdown && ![...aspects].some((a) => a.startsWith('segment:'))) {
    const opensWithMetric = x.metrics.some((m) => m.start >= clause.start && m.end <= tok.start && /^[\s，,；;、]*(?:同比|其|且|而)?$/.test(text.slice(clause.start, m.start)));
    const named = carried.slice('segment:'.length);
    if (opensWithMetric && text.slice(0, tokens[0]!.start).toLowerCase().includes(named.toLowerCase())) aspects.add(carried);
  }
  return aspects;
}

const PRICE_ITEM_ZH = /(?<=^|[，,、；;：:\s]|其中|而|和|及|与)([\u4e00-\u9fff]{1,4})价格/g;
const PRICE_ITEM_EN = /\b((?:[a-z]+\s)?[a-z]+)\s+prices?\b/gi;
/** The item whose price is named between `from` and the figure (猪肉, pork), when it is no metric's name. */
function priceItemBefore(x: SentenceContext, text: string, from: number, to: number): string | undefined {
  const span = text.slice(from, to);
  let last: RegExpMatchArray | undefined;
  for (const m of span.matchAll(x.facts.lang === 'zh' ? PRICE_ITEM_ZH : PRICE_ITEM_EN)) last = m;
  if (!last) return undefined;
  const at = from + last.index!;
  // A metric named there (食品价格, consumer prices) is the index itself, not a part of it.
  if (x.metrics.some((m) => m.start < at + last![0].length && m.end > at)) return undefined;
  const item = last[1]!.replace(/^(?:其中|而|但|and|while|but|with|the|of|as)\s*/i, '').trim();
  return item && !/^(?:其|该|这|出厂|购进|市场|平均|成交|房屋|商品|均|the|their|its|average|market|selling)$/i.test(item) ? item.toLowerCase() : undefined;
}

/** Whether the name is one the sentence names as an owner (Lanhai, a company missing from the lexicon). */
function namedHere(x: SentenceContext, name: string): boolean {
  const id = nameId(name);
  return x.facts.entities.some((e) => e.text === name || e.id === id);
}

/** The text with its metric names blanked, by the alias trie: one pass, not a 400-way regex. */
const withoutMetrics = (text: string) => withoutPhrases(metricRe, text, ' ');

/**
 * What a sentence says once for all its figures, read once per sentence rather than once per
 * figure: a run-on sentence of thousands of figures must not be rescanned for each of them.
 */
let wordsIn: { text: string; respectively: number[]; tenorWords: number[]; lossWords: number[]; breakdown: boolean; namesWork: boolean; topicWork: RegExpExecArray | null; nextWorkEnd: number } | undefined;
const positions = (text: string, re: RegExp) => [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].map((m) => m.index!);
function sentenceWords(text: string): NonNullable<typeof wordsIn> {
  if (wordsIn?.text === text) return wordsIn;
  const topicWork = TOPIC_WORK.exec(text);
  // Where the next work named after the opening one ends: the topic holds for figures before it.
  const after = new RegExp(TITLE, 'g');
  after.lastIndex = topicWork ? topicWork[0].length : 0;
  const next = topicWork ? after.exec(text) : null;
  wordsIn = {
    text,
    respectively: positions(text, /分别|分別/),
    tenorWords: positions(text, TENOR_WORD),
    // Every loss phrase LOSS_CHANGE_BEFORE reads holds one of these.
    lossWords: positions(text, /亏损|虧損|loss/i),
    breakdown: /其中|of which|including/i.test(text),
    namesWork: text.includes('《'),
    topicWork,
    nextWorkEnd: next ? next.index + next[0].length : Infinity,
  };
  return wordsIn;
}

/** Whether the sentence names an analyst, read once per sentence rather than once per figure. */
let analystIn: { text: string; named: boolean } | undefined;
function byAnalyst(text: string): boolean {
  if (analystIn?.text !== text) analystIn = { text, named: /分析师|研报|券商|证券预计|经济学家|机构预计|analyst|economist|brokerage|strategist/i.test(text) };
  return analystIn.named;
}

/** The owner: a list item, an entity near the figure, the paragraph's subject, or the article's. Updates the carry. */
function readSubject(a: ArticleContext, x: SentenceContext, fig: Figure, carry: Carry, meas: MeasureReading, aspects: Set<string>): string {
  const { tok, item, why } = fig;
  if (item?.entityId) {
    why.subject = `"${item.text}" in a respectively list`;
    return item.entityId;
  }
  let sr = subjectOf(x.facts.sentence.text, tok, x.facts.entities, fig.clause);
  // 伦敦奥运会的39金: the Games name which tally, never who won it.
  const medals = tok.countOf === 'medal' || /^\s*(?:金|银|铜|奖)牌|^\s+(?:gold|silver|bronze|medal)/i.test(x.facts.sentence.text.slice(tok.end, tok.end + 8));
  if (sr.subject && medals && entityById.get(sr.subject)?.kind === 'event') sr = { local: false };
  if (meas.isBase && !sr.local) aspects.add('base');
  if (sr.subject) {
    why.subject = sr.why;
    // In coverage of a company, "global" names the market of one figure (全球市占率), not the owner of the paragraph's figures.
    if (!sr.local && !(a.companyStory && sr.subject === 'world')) carry.subject = sr.subject;
    return sr.subject;
  }
  if (carry.subject) {
    why.subject = 'named earlier in the paragraph';
    fig.basis.subject = 'paragraph';
    return carry.subject;
  }
  why.subject = a.main === UNKNOWN_SUBJECT ? 'no subject named; the article names none we know' : "the article's main subject";
  fig.basis.subject = a.main === UNKNOWN_SUBJECT ? 'none' : 'article';
  return a.main;
}

/** The period: a table column, a phrase near the figure, the paragraph's, or the article's main period. */
function readPeriod(a: ArticleContext, x: SentenceContext, fig: Figure, carry: Carry, metric: string | null, aspects: Set<string>, fiscalYearEnd?: number): string | null {
  const { tok, i, column, why } = fig;
  const f = x.facts;
  const forward = [...aspects].some((p) => p.startsWith('forecast') || p === 'target');
  const current = quarterOf(carry.period) ?? quarterOf(a.mainPeriod) ?? a.mainPeriod;
  if (column?.period) {
    why.period = `column header "${column.text}"`;
    return resolvePeriod(column.period.raw, { date: a.article.date, forward, current, fiscalYearEnd });
  }
  // 2022年、2023年营收分别为10亿元、15亿元: an item of a respectively list that is a period is the figure's period.
  const itemP = itemPeriod(fig.item);
  if (itemP) {
    why.period = `"${itemP.text}", its item of a respectively list`;
    return resolvePeriod(itemP.raw, { date: a.article.date, year: yearNear(f, itemP), forward, current, fiscalYearEnd });
  }
  const p = periodFor(f, tok, fig.clause, f.lang, nextFigureStart(f, i));
  // 2021-2023年营收分别为…: a span of years before a respectively list of as many figures gives each its year.
  const spanYear = p ? yearOfSpan(f, p, i) : undefined;
  if (p && spanYear) {
    why.period = `${spanYear}: the figures of a respectively list take the years of the span before it in order`;
    return resolvePeriod({ ...p.raw, year: spanYear }, { date: a.article.date, forward, current, fiscalYearEnd });
  }
  if (p) {
    why.period = `"${p.text}"${p.start >= tok.end ? ' after the number' : ''}`;
    return resolvePeriod(p.raw, { date: a.article.date, year: yearNear(f, p), forward, current, fiscalYearEnd });
  }
  if (carry.period) {
    why.period = 'named earlier in the paragraph';
    fig.basis.period = 'paragraph';
    return carry.period;
  }
  if (metric) {
    why.period = a.mainPeriod ? "the article's main period" : 'no period named';
    fig.basis.period = a.mainPeriod ? 'article' : 'none';
    return a.mainPeriod;
  }
  // An unnamed figure with no period of its own is matched only as a loose figure.
  why.period = 'no period named';
  fig.basis.period = 'none';
  return null;
}

/** The period an item of a respectively list names, when the item is one (2022年, "in 2023"). */
function itemPeriod(item: ListItem | undefined): PeriodMention | undefined {
  if (!item) return undefined;
  // The item less its metric names ("Revenue in 2022", 2023年营收): what is left must be the period alone.
  const text = withoutMetrics(item.text).trim();
  const year = /^(?:(?:in|for)\s+)?((?:19|20)\d{2})$/i.exec(text);
  if (year) return { start: 0, end: text.length, text, raw: { kind: 'FY', year: +year[1]! }, isBase: false };
  const ps = periodMentions(text);
  return ps.length === 1 && text.replace(ps[0]!.text, '').replace(/^[\s,]*(?:in|for|of)?\s*|\s+$/g, '').length <= 1 ? ps[0] : undefined;
}

/** The year a figure has in a respectively list after a span of years (2021-2023年…分别 10亿元、15亿元和22亿元). */
function yearOfSpan(f: SentenceFacts, p: PeriodMention, i: number): number | undefined {
  const text = f.sentence.text;
  const end = p.raw.year;
  const span = /(\d{4})\s*年?\s*(?:[-–~～至到]|to)\s*$/.exec(text.slice(Math.max(0, p.start - 10), p.start));
  if (!span || end === undefined || p.raw.kind !== 'FY' || !/分别|\brespectively\b/i.test(text)) return undefined;
  const first = +span[1]!;
  const list = f.tokens.map((t, k) => [t, k] as const).filter(([t]) => t.start >= p.end);
  const at = list.findIndex(([, k]) => k === i);
  return first < end && at >= 0 && list.length === end - first + 1 ? first + at : undefined;
}

/**
 * The period of a comparison's base when the text names it: "up from the $117.2 billion reported
 * for Q1 2023" is that quarter's figure, and "over the previous year ($117.9 billion)" the figure
 * of the year before. Such a base is a plain level of its own period, no longer a base.
 */
function ownPeriodOfBase(a: ArticleContext, x: SentenceContext, fig: Figure, meas: MeasureReading, aspects: Set<string>, current: string | null, fiscalYearEnd?: number): string | null {
  const { tok, why } = fig;
  const f = x.facts;
  const text = f.sentence.text;
  // 比去年国庆档的18.8亿元, 较9月的0.2%: in Chinese a figure right after 比/较 and a period is that period's.
  const zhNamed = f.lang === 'zh' && meas.measure === 'level' ? f.periods[endingBy(f.periods, tok.start) - 1] : undefined;
  if (zhNamed?.isBase && zhNamed.start >= fig.clause.start && /[比较較](?:于|於)?$/.test(text.slice(Math.max(0, zhNamed.start - 2), zhNamed.start)) && /^(?:份|末|底)?(?:的|时的|为)$/.test(text.slice(zhNamed.end, tok.start)) && zhNamed.raw.kind !== 'CUR') {
    const period = resolvePeriod(zhNamed.raw, { date: a.article.date, year: yearNear(f, zhNamed), fiscalYearEnd });
    if (period && period !== current) {
      why.period = `"${zhNamed.text}" right before the figure it was compared with`;
      aspects.delete('base');
      fig.basis.period = 'stated';
      return period;
    }
  }
  if (!meas.isBase || meas.measure !== 'level' || !aspects.has('base')) return null;
  // Without a period of the comparison, "rose to 41% from 34% in 2022" may say when it rose.
  if (!current) return null;
  const next = nextFigureStart(f, fig.i);
  const named = f.periods.find((p) => p.start >= tok.end && p.start < next && p.end <= fig.clause.end && /^[\s,]*(?:(?:reported|recorded|posted|booked|seen)\s+)?(?:(?:in|for|during)\s+(?:the\s+)?)?$/i.test(text.slice(tok.end, p.start)));
  // "a year earlier" after the figure names the year-ago figure as well as words before it do.
  const yearAgo = meas.yearAgo || /^[\s,]*(?:a|one)\s+year\s+(?:earlier|ago|before)\b/i.test(text.slice(tok.end, Math.min(next, tok.end + 24)));
  let period: string | null = null;
  // "last year" after a base is relative to the article's date, not to the figure's period: no reading.
  if (named && named.raw.kind !== 'CUR' && named.raw.rel === undefined) {
    period = resolvePeriod(named.raw, { date: a.article.date, year: yearNear(f, named), fiscalYearEnd });
    if (period === current) return null;
    why.period = `"${named.text}" right after the figure it was compared with`;
  } else if (yearAgo && !named && /\d{4}/.test(current)) {
    period = current.replace(/\d{4}/g, (y) => String(+y - 1));
    why.period = `the year-ago figure of ${current}`;
  } else if (!named && /^\d{4}-\d{2}$/.test(current) && /^[\s,]*(?:a|one)\s+month\s+(?:earlier|ago|before)\b/i.test(text.slice(tok.end, Math.min(next, tok.end + 24)))) {
    // "from 2.7 percent a month ago": the figure of the month before.
    const [y, m] = current.split('-').map(Number) as [number, number];
    period = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    why.period = `the month-earlier figure of ${current}`;
  }
  if (!period) return null;
  aspects.delete('base');
  // Counted as said with the figure; a year-ago one too, even when the comparison's own period came from the paragraph.
  fig.basis.period = 'stated';
  return period;
}

/**
 * Where the next figure starts, passing over restatements in brackets right after a figure
 * ("5.35 trillion yen ($34.6 billion) for the fiscal year"): they do not stand between a figure
 * and the words that follow it.
 */
function nextFigureStart(f: SentenceFacts, i: number): number {
  const text = f.sentence.text;
  for (let k = i + 1; k < f.tokens.length; k++) {
    const gap = text.slice(f.tokens[k - 1]!.end, f.tokens[k]!.start);
    if (!/^\s*[（(]\s*(?:about\s+|约|合|approximately\s+)?$/.test(gap)) return f.tokens[k]!.start;
  }
  return Infinity;
}

const SHARE_PART_BEFORE = /((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s*(?:\([^)]*\)\s*)?(?:now\s+|also\s+|alone\s+)?(?:constitute[sd]?|contribut(?:ed|es|e)|accounted for|accounts? for|made up|makes? up|represent(?:s|ed)?|comprised|generated)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+|over\s+)?$/i;
const QUARTER_BASE = /\b(?:compared (?:to|with)|from|versus|over|than)\s+(?:the\s+)?(first|second|third|fourth|Q[1-4])(?:[- ]quarter)?\s+(?:of\s+)?((?:19|20)\d{2})\b/i;
const MONTH_BASE_AFTER = /^[\s,]*(?:\w+\s+)?(?:from|than(?:\s+in)?|compared\s+(?:with|to)|versus|over|on)\s+(?:(?:last|the\s+previous)\s+)?([A-Z][a-z]+)\b/;
const monthNumber = (w: string) => (isMonthName(w) || /^[A-Z][a-z]{2,3}$/.test(w) ? periods.monthNames[w.toLowerCase()] : undefined);

/** What the measure means once metric and period are known. */
function settleMeasure(meas: MeasureReading, fig: Figure, entry: MetricEntry | undefined, unit: string, period: string | null, aspects: Set<string>, text: string, monthOnMonth = false) {
  const { why } = fig;
  // "Payrolls increased by 187,000": a flow's figure is the change over its period, the same fact as "added 187,000 jobs".
  if (entry?.flow && meas.measure === 'yoy' && unit === 'count' && yoyByDefault(meas.why)) {
    meas.measure = 'level';
    why.measure = `${withoutDefaultYoy(meas.why)}; the metric is itself a change over its period`;
    return;
  }
  // "cut its benchmark rate by 25 basis points", 下调10个基点: a rate set by decisions moves from the setting before.
  if (entry?.setByDecision && meas.measure === 'yoy' && yoyByDefault(meas.why)) {
    meas.measure = 'qoq';
    why.measure = `${withoutDefaultYoy(meas.why)}; a rate set by decision moves from the setting before`;
    return;
  }
  // "4.8% more than in October", "fell 5.4% from October": a change on the month before is month on month.
  if (meas.measure === 'yoy' && yoyByDefault(meas.why) && period && /^\d{4}-\d{2}$/.test(period)) {
    const named = MONTH_BASE_AFTER.exec(text.slice(fig.tok.end, fig.tok.end + 40));
    const month = named ? monthNumber(named[1]!) : undefined;
    if (month && month === ((+period.slice(5) + 10) % 12) + 1) {
      meas.measure = 'qoq';
      why.measure = `${withoutDefaultYoy(meas.why)}; "${named![0].trim()}" is the month before`;
      return;
    }
  }
  // "Compared to the third quarter of 2023, net profit rose 13.1%" in a Q4 2023 figure: the quarter before.
  if (meas.measure === 'yoy' && yoyByDefault(meas.why) && period && /^\d{4}-Q[1-4]$/.test(period)) {
    const named = QUARTER_BASE.exec(fig.clause.text) ?? QUARTER_BASE.exec(text);
    const q = named ? periods.quarterNumbers[named[1]!.toLowerCase().replace(/^q/, '')] : undefined;
    const [y, n] = [+period.slice(0, 4), +period.slice(6)];
    if (q && +named![2]! * 4 + q === y * 4 + n - 1) {
      meas.measure = 'qoq';
      why.measure = `${withoutDefaultYoy(meas.why)}; "${named![0].trim()}" is the quarter before`;
      return;
    }
  }
  // "US consumer prices rose 0.3% in December": where agencies report a month against the month before, so does the copy.
  if (monthOnMonth && meas.measure === 'yoy' && yoyByDefault(meas.why) && period && /^\d{4}-\d{2}$/.test(period) && (unit === '%' || unit === 'pp')) {
    meas.measure = 'qoq';
    why.measure = `${withoutDefaultYoy(meas.why)}; this country's monthly figures are reported against the month before unless a year is named`;
    return;
  }
  // An inflation rate printed as a level is the price index's change on a year earlier.
  if (entry?.levelIsChange && meas.measure === 'level' && unit === '%' && (!meas.isBase || !aspects.has('base'))) {
    meas.measure = 'yoy';
    why.measure = 'an inflation rate is the year-on-year change of prices';
  }
  // A change against a named year other than the one before (较2019年同期) is a different fact.
  const periodYear = period ? +(/\d{4}/.exec(period)?.[0] ?? 0) : 0;
  if (meas.baseYear && meas.measure !== 'level' && meas.baseYear !== periodYear - 1) {
    aspects.add(`vs:${meas.baseYear}`);
    why.measure = `${why.measure ?? ''}; measured against ${meas.baseYear}`;
  }
  // For a year or a year-end, "since the end of last year" (较上年末) is the change on a year earlier.
  if (meas.measure === 'vs_start' && period && /^(?:FY)?\d{4}(?:-12)?$/.test(period)) {
    meas.measure = 'yoy';
    why.measure = `${why.measure ?? ''}; for a year-end figure, since last year-end is year on year`;
  }
}

// Whether a clause states an amount of money, read once per clause (asked for "sales" and other money-only aliases).
const moneyClauses = new WeakMap<object, boolean>();
function statesMoney(tokens: readonly NumberToken[], clause: { start: number; end: number }): boolean {
  let said = moneyClauses.get(clause);
  if (said === undefined) {
    said = false;
    for (let k = startingBefore(tokens, clause.start); k < tokens.length && tokens[k]!.start < clause.end && !said; k++) said = tokens[k]!.end <= clause.end && isMoney(tokens[k]!.unit);
    moneyClauses.set(clause, said);
  }
  return said;
}

/** Whether `at` sits inside brackets opened after `from` and closed before `to`. */
function inClosedBrackets(text: string, from: number, at: number, to: number): boolean {
  const open = Math.max(text.lastIndexOf('(', at), text.lastIndexOf('（', at));
  if (open < from) return false;
  const close = [text.indexOf(')', open), text.indexOf('）', open)].filter((k) => k >= 0);
  return close.length > 0 && Math.min(...close) >= at && Math.min(...close) < to;
}
