// Suggestions for the claim forms: known metrics, subjects, periods and units, so a
// reviewer's manual claim uses the same ids as extracted ones and aligns with them.
import { metrics, entities } from '../../extract/model/lexicon.js';
import type { Index } from './index.js';

export const UNITS = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', '%', 'pp', 'count', 'CNY/share', 'USD/share'];
export const MEASURES = ['level', 'yoy', 'qoq', 'vs_start', 'change'] as const;
export const SCALES: Array<[string, number]> = [
  ['as written', 1],
  ['thousand', 1e3],
  ['万 (10 thousand)', 1e4],
  ['million', 1e6],
  ['亿 (100 million)', 1e8],
  ['billion', 1e9],
  ['trillion', 1e12],
];

const cache = new WeakMap<Index, ReturnType<typeof build>>();

function build(ix: Index) {
  const subjects = new Set(entities.map((e) => e.id));
  const periods = new Set<string>();
  const metricIds = new Set(metrics.map((m) => m.id));
  for (const c of ix.claims) {
    subjects.add(c.subject);
    if (c.period) periods.add(c.period);
    if (c.metric) metricIds.add(c.metric);
  }
  return {
    metrics: [...metricIds].sort(),
    subjects: [...subjects].sort().slice(0, 2000),
    periods: [...periods].sort().reverse().slice(0, 500),
    units: UNITS,
    measures: MEASURES,
    scales: SCALES,
  };
}

export function formChoices(ix: Index) {
  let v = cache.get(ix);
  if (!v) cache.set(ix, (v = build(ix)));
  return v;
}
