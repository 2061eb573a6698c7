// Gapping: "Revenue rose 12% to $4.1 billion and net profit 8%", "exports grew 7.1% and imports
// 2.3%". The second clause leaves its change word unsaid because it is the first clause's: the
// percentage is a change too, in the same direction, not a level of 8%.
//
// Trade-off: only a gap that is nothing but a metric's name ("and net profit", "while imports")
// counts; any other word between ("and a margin of 8%", "and its share 8%") leaves the figure a
// level, since a missed change costs less than a level read as a change.
import type { Claim } from '../types.js';

const GAP = /^\s*[,;]?\s*(?:and|while|but|whereas)\s+(?:the\s+|its\s+|their\s+)?([a-z][a-z’'-]*(?:\s+[a-z][a-z’'-]*){0,3})\s*$/i;
/** Words that say the figure is stated some other way than as the first clause's change. */
const NOT_GAPPED = /\b(?:of|at|to|by|with|for|from|in|on|was|were|is|are|be|been|had|has|have|stood|reached|hit|made|accounted|about|around|nearly|almost|over|under|than|just|only|some|another|other|a|an)\b/i;

// "grew 4.6% year on year and 0.9% on a quarterly basis": the second figure shares the change word
// and names its own measure after it.
const MEASURE_GAP = /^\s*(?:year[- ]on[- ]year|y\/y|from a year (?:earlier|ago)|on the year|year[- ]over[- ]year)\s*,?\s*(?:and|while)\s*$/i;
const OWN_QOQ = /^\s*(?:percent|per cent)?\s*(?:on a quarterly basis|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|from the previous quarter|sequentially|on the quarter|q\/q|month[- ]on[- ]month|from the previous month|on the month|m\/m)\b/i;

/** Gives a level percentage whose gapped clause names only a metric the change of the percentage before it. */
export function fillGaps(sentenceClaims: Claim[]): void {
  for (let i = 1; i < sentenceClaims.length; i++) {
    const c = sentenceClaims[i]!;
    if (c.measure !== 'level' || (c.unit !== '%' && c.unit !== 'pp') || c.qualifier !== 'exact') continue;
    const before = sentenceClaims[i - 1]!;
    const between = c.sentence.slice(before.end - c.sentenceStart, c.start - c.sentenceStart);
    if (before.measure !== 'level' && before.unit === c.unit && MEASURE_GAP.test(between) && OWN_QOQ.test(c.sentence.slice(c.end - c.sentenceStart))) {
      c.measure = 'qoq';
      c.value = Math.sign(before.value || 1) * Math.abs(c.value);
      c.metric ??= before.metric;
      // It is the same kind of statement as the figure it continues (a forecast, a consensus, a basis).
      c.aspects = [...new Set([...c.aspects, ...before.aspects.filter((x) => /^(?:forecast|target|basis:|currency-basis:)/.test(x))])].sort();
      c.why = { ...c.why, measure: `shares the change word of "${before.quote}", measured against the period before as the words after it say` };
      continue;
    }
    if (!c.metric) continue;
    const gap = GAP.exec(between);
    // "and the jobless rate 4%" is a level; "and the jobless rate 0.2 points" a change.
    if (!gap || NOT_GAPPED.test(gap[1]!) || (c.unit === '%' && /\b(?:share|rate|ratio)\b/i.test(gap[1]!))) continue;
    const change = sentenceClaims
      .slice(0, i)
      .reverse()
      .find((p) => p.unit === c.unit && p.measure !== 'level');
    if (!change || change.metric === c.metric || change.subject !== c.subject) continue;
    c.measure = change.measure;
    c.value = Math.sign(change.value || 1) * Math.abs(c.value);
    c.why = { ...c.why, measure: `"${gap[0].trim()}" leaves out the change word of "${change.quote}": the same kind of change` };
  }
}
