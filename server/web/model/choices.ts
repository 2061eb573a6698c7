// Suggestions for the claim forms: known metrics, subjects, periods and units, so a
// reviewer's manual claim uses the same ids as extracted ones and aligns with them.
import { metrics, entities, metricById } from '../../extract/model/lexicon.js';
import { i18nFor } from '../i18n.js';
import { derived, type Index } from './index.js';
import type { Claim } from '../../types.js';

export const UNITS = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', '%', 'pp', 'count', 'CNY/share', 'USD/share'];
export const MEASURES = ['level', 'yoy', 'qoq', 'vs_start', 'change'] as const;
/** Scales a printed number may be given in; their labels are scale.* in the locale files. */
export const SCALES: number[] = [1, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12];

/** The scale a claim's figure is best typed in (亿 and 万 for Chinese amounts, million and billion else), and its value in it. */
export function scaleOf(c: Pick<Claim, 'value' | 'unit' | 'quote'>): { scale: number; placeholder: string } {
  const a = Math.abs(c.value);
  const chinese = c.unit === 'CNY' || /[亿万]/.test(c.quote);
  const scale = c.unit === '%' || c.unit === 'pp' || c.unit === '‰' ? 1 : chinese ? (a >= 1e8 ? 1e8 : a >= 1e4 ? 1e4 : 1) : a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1;
  return { scale, placeholder: String(Number((c.value / scale).toPrecision(12))) };
}

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

/** Made from the claims alone, so kept across review clicks (it walks every claim). */
export const formChoices = (ix: Index) => derived(ix, 'choices', () => build(ix));

let byName: Map<string, string> | undefined;
/**
 * The metric id a reviewer means: an id as it is, or a metric's name in either language (a
 * lexicon alias such as 营业收入 or "net profit", or the name the Chinese interface shows).
 * Anything else is returned as typed, for checkFact to accept as a new id or refuse.
 */
export function metricIdOf(raw: string): string {
  const typed = raw.trim();
  if (!typed || typed === '(none)' || metricById.has(typed)) return typed;
  if (!byName) {
    byName = new Map();
    const zh = i18nFor('zh');
    for (const m of metrics) {
      for (const name of [...m.zh, ...m.en, m.id.replace(/_/g, ' '), zh.maybe(`metric.${m.id}`, '')]) if (name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), m.id);
    }
  }
  return byName.get(typed.toLowerCase()) ?? typed;
}
