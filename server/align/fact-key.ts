// The identity of a fact. Two claims state the same fact when subject, metric, period,
// measure, unit family and aspects agree. Percent and percentage-point changes share a
// family on purpose: a source that writes % where others write points is a discrepancy to
// show, not a different fact to hide.
import type { Claim, FactKey } from '../types.js';
import { periodKey } from './period-span.js';

export function unitFamily(c: Pick<Claim, 'unit' | 'measure' | 'countOf' | 'metric'>): string {
  // Per mille (‰) is a rate like percent: 6.39‰ and 0.639% can be compared once scaled.
  // A level in points (领先第二名20.7个百分点, "5 points ahead") is a gap between two rates, not a rate.
  if (c.unit === 'pp' && c.measure === 'level') return 'pp';
  if (c.unit === '%' || c.unit === 'pp' || c.unit === '‰') return c.measure === 'level' ? '%' : 'ratio';
  if (c.unit === 'count') return c.metric ? 'count' : `count:${c.countOf ?? 'thing'}`;
  // A dividend per ten shares is a per-share figure printed ten times larger: compared once scaled.
  return c.unit.replace(/\/\d+ shares$/, '/share');
}

export function factKeyOf(c: Claim): FactKey {
  return {
    subject: c.subject,
    metric: c.metric,
    period: c.period,
    measure: c.measure,
    unitFamily: unitFamily(c),
    aspects: [...c.aspects].sort(),
  };
}

/** A claim whose metric is not named can only be matched on its exact value: we may
 * recognise agreement, but never claim a disagreement about an unnamed quantity. */
export function keyString(k: FactKey, c?: Pick<Claim, 'value'>): string {
  // Periods meet as spans of months, so a fiscal quarter and its calendar months are one period.
  const base = [k.subject, k.metric ?? '?', periodKey(k.period, k.subject) ?? '?', k.measure, k.unitFamily, k.aspects.join('+')].join('|');
  return k.metric === null && c ? `${base}|=${c.value}` : base;
}
