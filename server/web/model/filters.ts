// Queue and facts filters: parsed from GET query params (so a filtered view is a link a
// colleague can open) and applied to the findings in queue order.
import type { Finding, Severity } from '../../types.js';
import { HttpError } from '../errors.js';
import { msg } from '../i18n.js';
import { derived, statusOf, type Index } from './index.js';

export const STATUSES = ['open', 'confirmed', 'dismissed', 'reviewed', 'all'] as const;
export const VERDICTS = ['flagged', 'discrepancy', 'rounding', 'consistent', 'all'] as const;
export const SEVERITIES = ['', 'high', 'medium', 'low', 'none'] as const;

export interface Filters {
  status: (typeof STATUSES)[number];
  verdict: (typeof VERDICTS)[number];
  severity: '' | Severity;
  metric: string;
  article: string;
  q: string;
  page: number;
}

function pick<T extends readonly string[]>(name: string, raw: unknown, allowed: T, fallback: T[number]): T[number] {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw;
  throw new HttpError(400, msg('err.unknownFilter', { name: (i) => i.maybe(`filters.${name}`, name).toLowerCase(), value: String(raw).slice(0, 40), allowed: allowed.filter(Boolean).join(', ') }));
}

const text = (raw: unknown, max: number) => (typeof raw === 'string' ? raw.trim().slice(0, max) : '');

export function parseFilters(query: Record<string, unknown>, defaults: Pick<Filters, 'status' | 'verdict'>): Filters {
  const page = query.page === undefined || query.page === '' ? 1 : Number(query.page);
  if (!Number.isInteger(page) || page < 1 || page > 1e6) throw new HttpError(400, msg('err.page'));
  return {
    status: pick('status', query.status, STATUSES, defaults.status),
    verdict: pick('verdict', query.verdict, VERDICTS, defaults.verdict),
    severity: pick('severity', query.severity, SEVERITIES, ''),
    metric: text(query.metric, 80),
    article: text(query.article, 200),
    q: text(query.q, 200),
    page,
  };
}

/** The article filter takes an id, or failing that matches titles and publishers. */
function articleMatcher(ix: Index, raw: string): (f: Finding) => boolean {
  if (ix.articles.has(raw)) {
    const set = new Set(ix.findingsByArticle.get(raw) ?? []);
    return (f) => set.has(f);
  }
  const needle = raw.toLowerCase();
  const ids = [...ix.articles.values()].filter((a) => a.title.toLowerCase().includes(needle) || (a.publisher ?? '').toLowerCase().includes(needle) || a.path.toLowerCase().includes(needle));
  const set = new Set(ids.flatMap((a) => ix.findingsByArticle.get(a.id) ?? []));
  return (f) => set.has(f);
}

export function applyFilters(ix: Index, f: Filters): Finding[] {
  const { list, key } = factsMatching(ix, f);
  if (f.status === 'all') return list.slice();
  if (key) return withStatus(ix, list, key, f.status);
  return list.filter((x) => {
    const st = statusOf(ix, x.id);
    return f.status === 'reviewed' ? st !== 'open' : st === f.status;
  });
}

/**
 * The findings of a kept list with the status asked for, read from the reviews rather than by
 * looking up every finding of the list: a list of 38,000 findings costs a copy, not 38,000 lookups.
 */
function withStatus(ix: Index, list: Finding[], key: string, status: Exclude<Filters['status'], 'all'>): Finding[] {
  const at = derived(ix, `at:${key}`, () => new Map(list.map((x, i) => [x.id, i])));
  // Where the reviewed findings stand in the list: those whose review is not open, or has the status asked for.
  const picked: number[] = [];
  for (const r of ix.reviews.values()) {
    const i = at.get(r.findingId);
    if (i !== undefined && (status === 'open' || status === 'reviewed' ? r.status !== 'open' : r.status === status)) picked.push(i);
  }
  picked.sort((a, b) => a - b);
  if (status !== 'open') return picked.map((i) => list[i]!);
  const out: Finding[] = [];
  let from = 0;
  for (const i of [...picked, list.length]) {
    for (let k = from; k < i; k++) out.push(list[k]!);
    from = i + 1;
  }
  return out;
}

/**
 * The findings that pass every filter but the status, which is the only one reviews change. The
 * common lists (no search words, no article) are kept per change of the claims, so the queue
 * after a review click re-checks only each finding's status.
 */
function factsMatching(ix: Index, f: Filters): { list: Finding[]; key?: string } {
  const compute = () => {
    const inArticle = f.article ? articleMatcher(ix, f.article) : () => true;
    const terms = f.q.toLowerCase().split(/\s+/).filter(Boolean);
    return ix.ordered.filter((x) => {
      if (f.verdict === 'flagged' ? x.verdict === 'consistent' : f.verdict !== 'all' && x.verdict !== f.verdict) return false;
      if (f.severity && x.severity !== f.severity) return false;
      if (f.metric && (f.metric === '(none)' ? x.fact.metric !== null : x.fact.metric !== f.metric)) return false;
      if (!inArticle(x)) return false;
      if (terms.length) {
        const hay = ix.searchText.get(x.id) ?? '';
        if (!terms.every((t) => hay.includes(t))) return false;
      }
      return true;
    });
  };
  // Kept only for lists a page offers (a metric of the filter's list), so odd queries cannot fill memory.
  const offered = !f.q && !f.article && (!f.metric || metricsIn(ix).includes(f.metric));
  if (!offered) return { list: compute() };
  const key = `facts:${f.verdict}|${f.severity}|${f.metric}`;
  return { list: derived(ix, key, compute), key };
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
  from: number;
}

export function paginate<T>(all: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(page, pages);
  return { items: all.slice((p - 1) * size, p * size), page: p, pages, total: all.length, from: (p - 1) * size };
}

/** Metrics that occur in findings, for the filter's list. */
export function metricsIn(ix: Index): string[] {
  return derived(ix, 'metrics', () => {
    const s = new Set<string>();
    for (const f of ix.db.findings) s.add(f.fact.metric ?? '(none)');
    return [...s].sort();
  });
}
