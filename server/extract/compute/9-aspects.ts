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
  return { aspects: [...aspects], words };
}
