// The ejs engine and the small helpers templates use. All article data goes through
// <%= %>, whose escape also writes "\r" as &#13; so the HTML parser keeps it (see highlight.ts).
import ejs from 'ejs';
import type { Express } from 'express';
import type { Article, Claim, DismissReason, ReviewEvent, ReviewState } from '../types.js';
import { describeFact, formatValue, metricName, subjectName } from '../compare/format.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '\r': '&#13;' };
export const escapeHtml = (v: unknown): string => (v === undefined || v === null ? '' : String(v).replace(/[&<>"'\r]/g, (c) => HTML[c]!));

export function useEjs(app: Express, viewsDir: string, cache: boolean) {
  app.engine('ejs', (file, data, cb) => {
    ejs.renderFile(file, data as ejs.Data, { escape: escapeHtml, cache, views: [viewsDir], strict: false }, (err, html) => cb(err, html));
  });
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
}

export const REASONS: Record<DismissReason, string> = {
  rounding: 'Rounding',
  'different-metric': 'Different metric',
  'different-period': 'Different period',
  'different-subject': 'Different subject',
  'extraction-error': 'Extraction error',
  'restated-figure': 'Restated figure',
  other: 'Other',
};

export const STATE_LABEL: Record<string, string> = {
  discrepancy: 'discrepancy',
  rounding: 'rounding',
  consistent: 'consistent',
  single: 'single source',
  rejected: 'not a claim',
};

const MEASURES: Record<string, string> = { level: 'level', yoy: 'year on year', qoq: 'on the previous period (环比)', vs_start: 'since start of period', change: 'change' };

export function publisherName(a?: Pick<Article, 'publisher' | 'title'>): string {
  const p = a?.publisher?.trim();
  if (p) return p;
  const t = a?.title?.trim() ?? '';
  return t ? (t.length > 28 ? t.slice(0, 27) + '…' : t) : '(no publisher)';
}

/** A review state in words: "dismissed (Rounding)", "open". */
export function stateWords(s: Partial<ReviewState> | undefined): string {
  if (!s?.status) return 'open';
  return s.status === 'dismissed' && s.reason ? `dismissed (${REASONS[s.reason]})` : s.status;
}

/** What an event changed, in words, for the history list. */
export function eventWords(e: ReviewEvent): string {
  const parts: string[] = [];
  if (e.from.status !== e.to.status || e.from.reason !== e.to.reason) parts.push(`${stateWords(e.from)} → ${stateWords(e.to)}`);
  if (e.from.note !== e.to.note) parts.push(e.to.note ? 'note changed' : 'note removed');
  if (e.from.correctClaimId !== e.to.correctClaimId) parts.push(e.to.correctClaimId ? 'right value marked' : 'right value unmarked');
  if (e.from.referenceArticleId !== e.to.referenceArticleId) parts.push(e.to.referenceArticleId ? 'reference source marked' : 'reference source unmarked');
  return parts.join('; ') || 'no change to the decision';
}

/** Helpers available in every template as `h`. */
export const helpers = {
  value: (c: Pick<Claim, 'value' | 'unit' | 'countOf'>) => formatValue(c.value, c.unit) + (c.unit === 'count' && c.countOf ? ` ${c.countOf}` : ''),
  fact: describeFact,
  subject: (id: string) => subjectName(id),
  metric: (id: string | null) => (id ? `${id.replace(/_/g, ' ')}` : 'no metric named'),
  metricMeans: metricName,
  measure: (m: string) => MEASURES[m] ?? m,
  /** Publisher, or the start of the title when none is known (as the comparison's explanations do). */
  publisher: (a?: Pick<Article, 'publisher' | 'title'>) => publisherName(a),
  /** Only http(s) links are rendered: a javascript: URL in front matter must never become a link. */
  safeUrl: (u?: string) => (u && /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : undefined),
  reasons: REASONS,
  stateWords,
  eventWords,
  stateLabel: (s: string) => STATE_LABEL[s] ?? s,
  plural: (n: number, one: string, many = one + 's') => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`,
  num: (n: number) => n.toLocaleString('en-US'),
  pct: (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '—'),
  when: (iso?: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : ''),
  /** A URL with query params replaced; empty values are dropped to keep links short. */
  link: (path: string, params: Record<string, unknown>, over: Record<string, unknown> = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...over })) if (v !== undefined && v !== '' && v !== null) q.set(k, String(v));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  },
};
