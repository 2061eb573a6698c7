// Pass 9: what else makes a number a different fact. Aspect words in the number's clause
// (预计, guidance, 海外, nominal, 平均), with metric names masked so that 国内生产总值 is not read
// as "domestic". Range ends and comparison bases are aspects too: they are not the figure.
import { aspectWords, findAll, re } from '../model/lexicon.js';
import type { MetricMention } from './5-metrics.js';

export function aspectsOf(sentence: string, clause: { start: number; end: number }, metrics: MetricMention[]): { aspects: string[]; words: string[] } {
  let text = sentence.slice(clause.start, clause.end);
  for (const m of metrics) {
    if (m.end <= clause.start || m.start >= clause.end) continue;
    const a = Math.max(m.start, clause.start) - clause.start;
    const b = Math.min(m.end, clause.end) - clause.start;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  const aspects = new Set<string>();
  const words: string[] = [];
  for (const m of findAll(re.aspectZh, text)) {
    aspects.add(aspectWords.zh[m.text]!);
    words.push(m.text);
  }
  for (const m of findAll(re.aspectEn, text)) {
    aspects.add(aspectWords.en[m.text.toLowerCase()]!);
    words.push(m.text);
  }
  // The as-of time of a running count (截至18时, as of 6 p.m.): a later count is a different fact.
  const asOf = /截至(?:[^，,。；;]{0,8}?)(\d{1,2})(?:时|点)|截至(发稿|收盘|目前)|\bas of (\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?)/i.exec(sentence.slice(Math.max(0, clause.start - 40), clause.end));
  if (asOf) {
    aspects.add(`asof:${(asOf[1] ? asOf[1] + '时' : asOf[2] ?? asOf[3]!.replace(/\s|\./g, '').toLowerCase())}`);
    words.push(asOf[0]);
  }
  return { aspects: [...aspects], words };
}
