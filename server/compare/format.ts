// Plain words for values, facts and precision, shared by explanations, the web and exports.
import type { Claim, FactKey } from '../types.js';
import { entityById, metricById } from '../extract/model/lexicon.js';

// One formatter, made once and on first use: toLocaleString builds a new one on every call,
// and making it loads locale data that start-up need not wait for.
let grouped: Intl.NumberFormat | undefined;
const GROUPED = { format: (n: number) => (grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })).format(n) };
const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** 12614000000 CNY → "12.614 billion CNY"; -0.37 % → "-0.37%". */
export function formatValue(value: number, unit: string): string {
  if (unit === '%') return `${trim(value.toFixed(4))}%`;
  if (unit === 'pp') return `${trim(value.toFixed(4))} percentage points`;
  const a = Math.abs(value);
  const [div, word] = a >= 1e12 ? [1e12, ' trillion'] : a >= 1e9 ? [1e9, ' billion'] : a >= 1e6 ? [1e6, ' million'] : [1, ''];
  const num = div === 1 ? GROUPED.format(value) : trim((value / div).toFixed(6));
  const u = unit === 'count' ? '' : ` ${unit}`;
  return `${num}${word}${u}`;
}

export function formatStep(step: number, unit: string): string {
  if (unit === '%' || unit === 'pp') {
    const d = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return d === 0 ? (step === 1 ? 'whole numbers' : `steps of ${step}`) : `${d} decimal${d > 1 ? 's' : ''}`;
  }
  return `the nearest ${formatValue(step, unit === 'count' ? 'count' : unit).replace(/ [A-Z]{3}(\/(?:\d+ )?shares?)?$/, '')}`;
}

const MEASURE_WORDS: Record<string, string> = {
  level: '',
  yoy: 'year-on-year change',
  qoq: 'change on the previous period (环比)',
  vs_start: 'change since the start of the period',
  change: 'change',
};

export function metricName(id: string | null): string {
  if (!id) return 'an unnamed figure';
  return metricById.get(id)?.means ?? id.replace(/_/g, ' ');
}

 /** A subject's display name: the lexicon's name for it, else the name as printed. */
export function subjectName(id: string): string {
  const e = entityById.get(id);
  if (e) return e.en[0] ?? e.zh[0] ?? id;
  return id === 'main' ? 'the article\'s subject' : id;
}

/** "iFlytek · revenue · 2023-Q1..Q3 · year-on-year change" in words. */
export function describeFact(f: FactKey): string {
  const parts = [subjectName(f.subject), f.metric ? f.metric.replace(/_/g, ' ') : 'unnamed figure', f.period ?? 'period not stated'];
  if (MEASURE_WORDS[f.measure]) parts.push(MEASURE_WORDS[f.measure]!);
  if (f.aspects.length) parts.push(f.aspects.join(', '));
  return parts.join(' · ');
}

export const quoteOf = (c: Pick<Claim, 'quote'>) => `«${c.quote}»`;

/**
 * How a finding names a source: its publisher, else the site it came from, else its title cut to
 * a readable length (a page with no title line would otherwise be named by its first sentence).
 */
export function sourceName(a: { publisher?: string; url?: string; title?: string } | undefined, fallback: string): string {
  if (a?.publisher) return a.publisher;
  try {
    if (a?.url) return new URL(a.url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL: fall through to the title
  }
  const t = (a?.title ?? '').trim();
  return t ? (t.length > 60 ? `${t.slice(0, 57)}…` : t) : fallback;
}
