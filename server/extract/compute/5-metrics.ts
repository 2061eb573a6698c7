// Pass 5: the metric. The nearest metric alias before the number in its clause; else the
// nearest after it in the clause ("$40.1 billion in revenue"); else the nearest before it in
// the sentence, so that a metric carries along a clause chain (营业收入126.14亿元，同比下滑0.37%).
// A count names its own metric when its noun is an alias (40枚金牌, 91 medals), and a metric
// that counts something (medals) never takes a count of something else (60名 after 金牌).
import { findAll, metricById, metricOf, metricRe, type Match } from '../model/lexicon.js';
import type { NumberToken } from './2-numbers.js';

export interface MetricMention extends Match {
  metric: string;
}

export function metricMentions(sentence: string): MetricMention[] {
  return findAll(metricRe, sentence).map((m) => ({ ...m, metric: metricOf(m.text)! }));
}

function fits(metric: string, tok: NumberToken): boolean {
  const e = metricById.get(metric);
  if (!e) return false;
  if (e.countOf) return tok.unit === 'count' && (!tok.countOf || tok.countOf === e.countOf || tok.countOf === 'item');
  // Money metrics do not take counts of people or things, nor do percentages of counts.
  if (tok.unit === 'count' && tok.countOf && e.id !== 'sales_volume' && e.id !== 'production_volume' && e.id !== 'users') return false;
  return true;
}

export function metricOfToken(
  sentence: string,
  tok: NumberToken,
  mentions: MetricMention[],
  clause: { start: number; end: number },
  /** Where the previous number ended: a metric before an earlier number in this clause still carries. */
): { metric: string | null; why?: string } {
  // A count names its own metric: 40枚金牌, 824,001 new-energy vehicles, 126 medals.
  if (tok.countNoun) {
    const own = findAll(metricRe, tok.countNoun).map((m) => metricOf(m.text)!).find((id) => fits(id, tok));
    if (own) return { metric: own, why: `the counted noun "${tok.countNoun}"` };
  }
  // A count of something named (20个省, 30个大项) is not a count of the metric named nearby.
  const namedOther = !!tok.countNoun && /^[\u4e00-\u9fff]/.test(tok.countNoun);
  const usable = mentions.filter(
    (m) => fits(m.metric, tok) && (m.end <= tok.start || m.start >= tok.end) && !(namedOther && metricById.get(m.metric)?.countOf),
  );
  const inClauseBefore = usable.filter((m) => m.start >= clause.start && m.end <= tok.start).pop();
  if (inClauseBefore) return { metric: inClauseBefore.metric, why: `"${inClauseBefore.text}" before it in the clause` };
  const inClauseAfter = usable.find((m) => m.start >= tok.end && m.end <= clause.end);
  if (inClauseAfter) return { metric: inClauseAfter.metric, why: `"${inClauseAfter.text}" after it in the clause` };
  const chain = usable.filter((m) => m.end <= tok.start).pop();
  if (chain) return { metric: chain.metric, why: `"${chain.text}" earlier in the sentence` };
  return { metric: null };
}
