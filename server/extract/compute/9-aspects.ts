// Pass 9: what else makes a number a different fact. Aspect words in the number's clause
// (预计, guidance, 海外, nominal, 平均), with metric names masked so that 国内生产总值 is not read
// as "domestic". Range ends and comparison bases are aspects too: they are not the figure.
import { aspectWords, findAll, re } from '../model/lexicon.js';
import type { MetricMention } from './5-metrics.js';

/**
 * Aspects of the figure at [at, atEnd) in its clause. A word before the figure applies to it; a
 * word after it applies only when no other figure stands between (analysts had expected). A
 * phrase in the sentence's opening clause applies to every figure of the sentence.
 */
export function aspectsOf(
  sentence: string,
  clause: { start: number; end: number },
  metrics: MetricMention[],
  at?: { start: number; end: number; nextStart: number },
  opening?: { start: number; end: number; firstFigure: number },
): { aspects: string[]; words: string[] } {
  const own = aspectsIn(sentence, clause, metrics, at);
  if (opening && opening.start !== clause.start) {
    // The opening clause sets the scene ("In yuan terms,", "我们预计公司2024年…") when its words
    // come before the sentence's first figure.
    const lead = aspectsIn(sentence, { start: opening.start, end: Math.min(opening.end, opening.firstFigure) }, metrics, undefined);
    for (const a of lead.aspects) if (!own.aspects.includes(a)) own.aspects.push(a);
  }
  return own;
}

function aspectsIn(sentence: string, clause: { start: number; end: number }, metrics: MetricMention[], at?: { start: number; end: number; nextStart: number }) {
  let text = sentence.slice(clause.start, clause.end);
  for (const m of metrics) {
    if (m.end <= clause.start || m.start >= clause.end) continue;
    const a = Math.max(m.start, clause.start) - clause.start;
    const b = Math.min(m.end, clause.end) - clause.start;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  const aspects = new Set<string>();
  const words: string[] = [];
  // "超预期", "beat estimates": an actual figure measured against expectations, not a forecast.
  for (const m of findAll(re.notAspect, text)) text = text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end);
  const applies = (m: { start: number; end: number }) => {
    if (!at) return true;
    const a = clause.start + m.start;
    // "$0.66 per share (non-GAAP) and revenue of …": a word in brackets right after an earlier
    // figure is that figure's, not the next one's.
    if (a < at.start) {
      const open = Math.max(sentence.lastIndexOf('(', a), sentence.lastIndexOf('（', a));
      const close = Math.min(...[sentence.indexOf(')', a), sentence.indexOf('）', a)].filter((k) => k >= 0));
      if (open >= clause.start && close < at.start && /(?:\d|%|shares?|cents?)\s*$/i.test(sentence.slice(clause.start, open))) return false;
    }
    // "… up 19%, higher than expectations of $23.6 billion": a phrase that leads into the next figure
    // is that figure's, not the one before it.
    if (a >= at.end && a < at.nextStart && /^\s*(?:of|at|for)?\s*(?:US|C|A|HK)?[$€£¥]?\s*$/i.test(sentence.slice(clause.start + m.end, at.nextStart))) return false;
    return a < at.start || (a >= at.end && a < at.nextStart);
  };
  for (const m of findAll(re.aspectZh, text)) {
    if (!applies(m)) continue;
    aspects.add(aspectWords.zh[m.text]!);
    words.push(m.text);
  }
  for (const m of findAll(re.aspectEn, text)) {
    if (!applies(m)) continue;
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
