// Pass 5: the metric. The nearest metric alias before the number in its clause; else the
// nearest after it in the clause ("$40.1 billion in revenue"); else the nearest before it in
// the sentence, so that a metric carries along a clause chain (营业收入126.14亿元，同比下滑0.37%).
// A count names its own metric when its noun is an alias (40枚金牌, 91 medals), and a metric
// that counts something (medals) never takes a count of something else (60名 after 金牌).
import { findAll, namesEntity, withoutEntities, isMoneyOnlyAlias, isVerbAlias, metricById, metricOf, metricRe, physicalUnits, type Match } from '../model/lexicon.js';
import { isDuration, isMoney, type NumberToken } from './2-numbers.js';
import { endingBy, matchesBefore, startingBefore } from '../before.js';

const PHYSICAL = new Set([...Object.values(physicalUnits.zh), ...Object.values(physicalUnits.en)]);

export interface MetricMention extends Match {
  metric: string;
  /** The alias names the metric only where money is stated ("sales" of $69.7 billion, not of 1.2 million cars). */
  moneyOnly?: true;
}

/**
 * Metric names in a sentence. A name followed by 率, 占比 or 比重 names a ratio of it (收入占比),
 * and one after 人均 names a per-person figure: neither is the metric itself.
 */
const PRICE_AFTER = /^\s+(?:(?:about|around|roughly|nearly|almost|just|only|up to|as much as|more than|less than|under|over|a little over|a little under|at least)\s+)?(?:[A-Z]{0,3}[$€£¥₹]|Rs\.?\s?|\d)/;
export function metricMentions(sentence: string): MetricMention[] {
  return findAll(metricRe, sentence)
    // 人均GDP is per head; non-food inflation and 非食品价格 are the complement of the metric, not it.
    // 金牌榜, 奖牌榜: the table ranked by the metric, not a figure of it.
    .filter((m) => !/^(?:率|占比|比重|的比重|的占比|中的占比|榜)/.test(sentence.slice(m.end, m.end + 4)) && !/(?:人均|非|non[-\u2010\u2011 ]?)$/i.test(sentence.slice(Math.max(0, m.start - 4), m.start)))
    // "a ticket costs $40": a verb that takes a price, not the metric.
    .filter((m) => !isVerbAlias(m.text) || !PRICE_AFTER.test(sentence.slice(m.end, m.end + 40)))
    // "the world's largest economy", 全球第二大经济体: a country named by its size, not its output.
    .filter((m) => !/^(?:the\s+)?econom(?:y|ies)$/i.test(m.text) || !ECONOMY_AS_COUNTRY.test(sentence.slice(Math.max(0, m.start - 30), m.start)))
    .map((m) => ({ ...m, metric: metricOf(m.text)!, ...(isMoneyOnlyAlias(m.text) ? { moneyOnly: true as const } : {}) }));
}

const CHANGE_IN_AFTER = /^[\s-]*(?:[a-z-]+\s+)?(?:cut|cuts|reduction|increase|rise|hike|fall|decline|drop|jump|gain|surge|slump)\s+(?:in|to|of)\s+(?:(?:the|its|their|banks['’]|[a-z]+['’]s)\s+)?/i;
const ECONOMY_AS_COUNTRY = /\b(?:largest|biggest|second-largest|second-biggest|third-largest|leading|major|advanced|emerging|developed|big|top)\s+(?:[a-z-]+\s+)?$/i;
const SHARE_OF = /占比|比重|占[^，,]{0,12}的|share of|proportion of/i;

function fits(metric: string, tok: NumberToken): boolean {
  const e = metricById.get(metric);
  if (!e) return false;
  // A span of time is no metric's figure (a 40-year high is not inflation), and an amount of money is
  // never in tonnes or barrels a day (crude output of 1.2 mb/d is not the economy's output).
  if (isDuration(tok.unit)) return false;
  if (e.money && PHYSICAL.has(tok.unit)) return false;
  // A rate takes only rates; 932.67 million people is not an urbanisation rate.
  if (e.kind === 'rate') return tok.unit === '%' || tok.unit === '‰' || tok.unit === 'pp' || tok.unit.startsWith('per ');
  if (e.neverMoney && isMoney(tok.unit)) return false;
  if (e.countOf) return tok.unit === 'count' && (!tok.countOf || tok.countOf === e.countOf || tok.countOf === 'item' || !!e.alsoCounts?.includes(tok.countOf));
  // Money metrics do not take counts of people or things, nor do percentages of counts.
  if (tok.unit === 'count' && tok.countOf && e.kind !== 'count') return false;
  return true;
}

export function metricOfToken(
  sentence: string,
  tok: NumberToken,
  mentions: MetricMention[],
  clause: { start: number; end: number },
  /** Whether the figure's clause states an amount of money, asked only of a money-only alias. */
  moneyInClause: () => boolean = () => false,
): { metric: string | null; why?: string; mention?: MetricMention } {
  let said: boolean | undefined;
  const money = () => (said ??= isMoney(tok.unit) || moneyInClause());
  // A count names its own metric: 40枚金牌, 824,001 new-energy vehicles, 126 medals.
  if (tok.countNoun) {
    const own = findAll(metricRe, tok.countNoun).map((m) => metricOf(m.text)!).find((id) => fits(id, tok));
    if (own) return { metric: own, why: `the counted noun "${tok.countNoun}"` };
  }
  // A count of something named (20个省, 30个大项) is not a count of the metric named nearby.
  const namedOther = !!tok.countNoun && /^[\u4e00-\u9fff]/.test(tok.countNoun) && !metricById.get(metricOf(tok.countNoun) ?? '')?.kind;
  // Mentions are in order and do not overlap: those before the figure end by its start, those after start at its end.
  const before = endingBy(mentions, tok.start);
  const after = startingBefore(mentions, tok.end);
  // "a 12.4% gross margin", "12.4%的毛利率": a rate named right after a percentage is what it measures.
  let rateAfter: MetricMention | undefined;
  for (let k = after; k < mentions.length && mentions[k]!.start - tok.end <= 2 && !rateAfter; k++) {
    const m = mentions[k]!;
    if (usable(m, tok, namedOther, money) && /^\s*(?:的)?$/.test(sentence.slice(tok.end, m.start)) && metricById.get(m.metric)?.kind === 'rate') rateAfter = m;
  }
  if (rateAfter) return { metric: rateAfter.metric, why: `"${rateAfter.text}" right after it`, mention: rateAfter };
  // "a 50-basis-point cut in the reserve requirement ratio", "a 3% rise in sales": the change noun names what changed after it.
  const changeIn = CHANGE_IN_AFTER.exec(sentence.slice(tok.end, tok.end + 60));
  if (changeIn) {
    const at = tok.end + changeIn[0].length;
    for (let k = after; k < mentions.length && mentions[k]!.start <= at + 2; k++) {
      const m = mentions[k]!;
      if (m.start >= at - 1 && usable(m, tok, namedOther, money)) return { metric: m.metric, why: `"${changeIn[0].trim()} ${m.text}"`, mention: m };
    }
  }
  let inClauseBefore: MetricMention | undefined;
  for (let k = before - 1; k >= 0 && mentions[k]!.start >= clause.start && !inClauseBefore; k--) if (usable(mentions[k]!, tok, namedOther, money)) inClauseBefore = mentions[k];
  if (inClauseBefore) return { metric: inClauseBefore.metric, why: `"${inClauseBefore.text}" before it in the clause`, mention: inClauseBefore };
  let inClauseAfter: MetricMention | undefined;
  for (let k = after; k < mentions.length && mentions[k]!.end <= clause.end && !inClauseAfter; k++) if (usable(mentions[k]!, tok, namedOther, money)) inClauseAfter = mentions[k];
  if (inClauseAfter) return { metric: inClauseAfter.metric, why: `"${inClauseAfter.text}" after it in the clause`, mention: inClauseAfter };
  // Across clauses, an aside (", a measure of the buffer against bad loans,", ", which …") names no metric of the figure.
  // A share of a total (占比, 比重, share of) named in the figure's own clause is not the metric named earlier.
  if (matchesBefore(SHARE_OF, 16, sentence, clause.start, clause.end, tok.start).first) return { metric: null };
  let chain: MetricMention | undefined;
  for (let k = before - 1; k >= 0 && !chain; k--) {
    const m = mentions[k]!;
    if (usable(m, tok, namedOther, money) && !(m.start < clause.start && aside(sentence, m))) chain = m;
  }
  if (chain) return { metric: chain.metric, why: `"${chain.text}" earlier in the sentence`, mention: chain };
  return { metric: null };
}

/** Money units are currency codes, per share or not (USD, CNY/share). */
export { isMoney } from './2-numbers.js';

/** A metric name the figure may take: one that fits it, not inside it, and not a count of something else than it counts. */
function usable(m: MetricMention, tok: NumberToken, namedOther: boolean, money: () => boolean): boolean {
  return (!m.moneyOnly || money()) && fits(m.metric, tok) && (m.end <= tok.start || m.start >= tok.end) && !(namedOther && metricById.get(m.metric)?.countOf);
}

// Whether a metric name sits in an aside, once per name: the same as
// /[,，]\s*(?:a|an|which|who|whose)\s[^,，]*$/i on the sentence before it, read from its last comma.
const asides = new WeakMap<MetricMention, boolean>();
const aside = (sentence: string, m: MetricMention) => asides.get(m) ?? asides.set(m, isAside(sentence, m.start)).get(m)!;
function isAside(sentence: string, at: number): boolean {
  const comma = at > 0 ? Math.max(sentence.lastIndexOf(',', at - 1), sentence.lastIndexOf('，', at - 1)) : -1;
  return comma >= 0 && /^\s*(?:a|an|which|who|whose)\s[^,，]*$/i.test(sentence.slice(comma + 1, at));
}

// A segment named right before the metric: "Services revenue", "Tesla's automotive revenue",
// "汽车业务收入", "iPhone营收". Words that only qualify the whole (total, quarterly, GAAP) are not segments.
const NOT_SEGMENT = /^(?:it|we|they|he|she|you|there|here|what|which|who|also|analysts|economists|investors|the|a|an|its|their|our|total|quarterly|annual|overall|net|gross|record|operating|adjusted|reported|consolidated|core|gaap|non-gaap|first|second|third|fourth|full|fiscal|company|group|combined|this|that|higher|lower|strong|weak|average|same|new|basic|diluted|q[1-4]|fy)$/i;
/**
 * A part named right after the metric: with its kind ("revenue from its cloud unit", "sales at the
 * lighting division"), or as the whole subject of the verb ("revenue from Azure services jumped
 * 29%"). The figure is that part's, not the whole company's. Periods, operations (income from
 * operations is operating income) and names of the owner are no parts.
 */
export function segmentAfter(sentence: string, mention: { end: number }): string | undefined {
  const after = sentence.slice(mention.end, mention.end + 80);
  const kind = SEGMENT_KIND_AFTER.exec(after);
  const verb = kind ? null : SEGMENT_VERB_AFTER.exec(after);
  const m = kind ?? verb;
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  // With its kind word the phrase is surely a part; before a bare verb its head must not be a period or operations.
  if (words.some((w) => NOT_SEGMENT.test(w)) || namesEntity(m[1]!) || (verb && NOT_A_PART.test(words[words.length - 1]!))) return undefined;
  return m[1]!.toLowerCase();
}
const NOT_A_PART = /^(?:operations?|quarters?|years?|months?|periods?|weeks?|half|halves|customers|clients|china|asia|europe|overseas|abroad|domestic|international)$/i;
const PART_PHRASE = `^\\s+(?:from|at|of)\\s+(?:(?:its|the|their)\\s+)?((?:[A-Za-z][\\w&-]*\\s+){0,4}?[A-Za-z][\\w&-]*)`;
const KIND_WORD = '(?:unit|division|segment|business|arm)';
const SEGMENT_KIND_AFTER = new RegExp(`${PART_PHRASE}\\s+${KIND_WORD}\\b(?!\\s+(?:${KIND_WORD.slice(3, -1)}|operations?)\\b)`, 'i');
const SEGMENT_VERB_AFTER = new RegExp(
  `${PART_PHRASE}(?=\\s+(?:was|were|is|are|rose|fell|grew|jumped|climbed|increased|decreased|declined|dropped|surged|soared|slipped|slid|gained|reached|totall?ed|came|stood|amounted|hit)\\b)`,
  'i',
);

export function segmentBefore(sentence: string, mention: { start: number }, isOwner: (name: string) => boolean): string | undefined {
  const head = sentence.slice(Math.max(0, mention.start - 40), mention.start);
  const zh =
    /([\u4e00-\u9fffA-Za-z]{1,8}?)(业务|板块|分部|产品线)(?:的)?(?:实现)?$/.exec(head) ??
    /((?:[A-Z]|i[A-Z])[A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)?)\s?$/.exec(head) ??
    // A product that reports its own figure: "茅台酒实现营业收入…" (not 公司/前三季度实现…).
    /(?:^|[，,；;：:。、])\s*(?:其中|分产品看|分渠道看)?[，,]?\s*([\u4e00-\u9fff]{2,6})(?:实现|录得|取得)$/.exec(head);
  if (zh && zh[2] === undefined && /公司|集团|本行|全年|年度|季度|半年|月|期|累计|合计|整体|总体|全国|国内|海外|境外|今年|去年|上年|本年|当年|单季|当季/.test(zh[1]!)) return undefined;
  if (zh && /[\u4e00-\u9fff]/.test(sentence[mention.start] ?? '')) {
    // The owner is not part of the segment's name: 苹果服务业务 → 服务业务.
    const name = withoutEntities(zh[1]! + (zh[2] ?? '')).trim();
    if (!name) return undefined;
    return isOwner(zh[1]!) || NOT_SEGMENT.test(name) ? undefined : name.toLowerCase();
  }
  const cap = /(?:^|[\s(*])((?:[A-Z][a-zA-Z-]+|i[A-Z][a-zA-Z]+)(?:\s+[A-Z][a-zA-Z-]+)*)\s+$/.exec(head);
  if (cap && !NOT_SEGMENT.test(cap[1]!) && !cap[1]!.split(/\s+/).some((w) => NOT_SEGMENT.test(w) || isOwner(w)) && !isOwner(cap[1]!)) return cap[1]!.toLowerCase();
  // A sentence that opens with the segment: "Data center revenue, which includes…".
  const opening = /^[*\-•\s]*([A-Z][a-z]+(?:\s+[a-z]+){1,2})\s+$/.exec(sentence.slice(0, mention.start));
  // "Contoso posted revenue": a verb makes the opening an owner's action, not a segment's name.
  const acts = /^(?:posted|reported|had|made|generated|recorded|booked|saw|delivered|earned|logged|achieved|announced|said|grew|raised|lifted|cut)$/;
  if (opening && !opening[1]!.split(/\s+/).some((w) => NOT_SEGMENT.test(w) || acts.test(w)) && !isOwner(opening[1]!.split(/\s+/)[0]!)) return opening[1]!.toLowerCase();
  const owned = /(?:['’]s|\bits|\btheir)\s+([a-z][a-z-]+)\s+$/.exec(head);
  if (owned && !NOT_SEGMENT.test(owned[1]!)) return owned[1]!;
  return undefined;
}
