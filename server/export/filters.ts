// The queue's filters, as the web app passes them (query strings) and the CLI (--status).
// Validated here once, so a typo becomes a clear error instead of a silently empty report.
import type { ReviewStatus, Severity, Verdict } from '../types.js';

export interface ExportFilters {
  /** 'reviewed' is confirmed or dismissed. */
  status?: 'open' | 'confirmed' | 'dismissed' | 'reviewed' | 'all';
  /** 'flagged' is discrepancy or rounding, the queue's default. */
  verdict?: string;
  severity?: string;
  metric?: string;
  articleId?: string;
  q?: string;
}

/** A request the export cannot serve: an unknown format, status, verdict or severity. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export const STATUSES = ['open', 'confirmed', 'dismissed', 'reviewed', 'all'] as const;
export const VERDICTS: readonly Verdict[] = ['discrepancy', 'rounding', 'consistent'];
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'none'];
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'confirmed', 'dismissed'];

/** Filters after validation. Absent means "any". */
export interface Criteria {
  status?: ReviewStatus | 'reviewed';
  verdict?: Verdict | 'flagged';
  severity?: Severity;
  metric?: string;
  articleId?: string;
  /** Search terms, NFKC-folded and lower-cased; every term must match. */
  terms: string[];
}

/** NFKC so that full-width ０.３７％ finds 0.37%; lower case for Latin names. */
export const fold = (s: string) => s.normalize('NFKC').toLowerCase();

// A form's "any" arrives as '' or 'all': both mean no filter.
const given = (v: string | undefined) => {
  const t = v?.trim();
  return t && t !== 'all' ? t : undefined;
};

function oneOf<T extends string>(what: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  const t = given(v);
  if (t === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(t)) throw new ExportError(`unknown ${what} "${t}": use ${allowed.join(', ')} or all`);
  return t as T;
}

export function criteriaOf(f: ExportFilters = {}): Criteria {
  return {
    // Besides single values, the queue's groups: reviewed (confirmed or dismissed), flagged (discrepancy or rounding).
    status: oneOf('status', f.status, [...REVIEW_STATUSES, 'reviewed' as const]),
    verdict: oneOf('verdict', f.verdict, [...VERDICTS, 'flagged' as const]),
    severity: oneOf('severity', f.severity, SEVERITIES),
    metric: given(f.metric),
    articleId: given(f.articleId),
    terms: fold(f.q ?? '').split(/\s+/).filter(Boolean),
  };
}

export const isFiltered = (c: Criteria) =>
  Boolean(c.status || c.verdict || c.severity || c.metric || c.articleId || c.terms.length);

/** What a finding offers to the filters; the text is only built when there is a search. */
export interface Candidate {
  verdict: Verdict;
  severity: Severity;
  status: ReviewStatus;
  metric: string | null;
  articleIds: string[];
  text: () => string;
}

export function matches(c: Criteria, x: Candidate): boolean {
  if (c.status && (c.status === 'reviewed' ? x.status === 'open' : x.status !== c.status)) return false;
  if (c.verdict && (c.verdict === 'flagged' ? x.verdict === 'consistent' : x.verdict !== c.verdict)) return false;
  if (c.severity && x.severity !== c.severity) return false;
  if (c.metric && x.metric !== c.metric) return false;
  if (c.articleId && !x.articleIds.includes(c.articleId)) return false;
  if (!c.terms.length) return true;
  const text = fold(x.text());
  return c.terms.every((t) => text.includes(t));
}

/** The filters in words, for report headers and file names. */
export function describeCriteria(c: Criteria): string[] {
  const out: string[] = [];
  if (c.status) out.push(`status ${c.status}`);
  if (c.verdict) out.push(`verdict ${c.verdict}`);
  if (c.severity) out.push(`severity ${c.severity}`);
  if (c.metric) out.push(`metric ${c.metric}`);
  if (c.articleId) out.push(`article ${c.articleId}`);
  if (c.terms.length) out.push(`search "${c.terms.join(' ')}"`);
  return out;
}
