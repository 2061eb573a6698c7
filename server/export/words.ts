// Plain words shared by the human-facing exports, so CSV, Markdown, HTML and the JSON-LD
// bodies describe a decision the same way.
import type { Correction, DismissReason, ReviewStatus } from '../types.js';
import type { FindingView, SourceView } from './model.js';
import type { Standing } from '../review/primary-source.js';
import { formatValue } from '../compare/format.js';

export const STATUS_WORDS: Record<ReviewStatus, string> = { open: 'Open', confirmed: 'Confirmed', dismissed: 'Dismissed' };

export const REASON_WORDS: Record<DismissReason, string> = {
  rounding: 'the figures agree within rounding',
  'different-metric': 'the figures measure different things',
  'different-period': 'the figures are for different periods',
  'different-subject': 'the figures are about different subjects',
  'extraction-error': 'a figure was read wrongly from the text',
  'restated-figure': 'the figure was later restated',
  other: 'other reason',
};

export const reasonWords = (v: FindingView) => (v.review?.reason ? `${v.review.reason} (${REASON_WORDS[v.review.reason]})` : '');

/** The reviewer's decision in one sentence, without the note: "Confirmed (2023-11-02): …". */
export function decisionWords(v: FindingView): string {
  if (v.status === 'open') return 'Open: not reviewed yet.';
  const when = (v.review?.by ? ` by ${v.review.by}` : '') + (v.review?.updatedAt ? ` (${v.review.updatedAt.slice(0, 10)})` : '');
  const parts = [v.status === 'confirmed' ? `Confirmed${when}: a real discrepancy` : `Dismissed${when}`];
  if (v.status === 'dismissed' && v.review?.reason) parts[0] += `: ${REASON_WORDS[v.review.reason]}`;
  const correct = v.sources.find((s) => s.claim.id === v.review?.correctClaimId);
  if (correct) parts.push(`correct figure: «${correct.quote}» (${correct.name})`);
  const ref = v.sources.find((s) => s.reference);
  if (ref) parts.push(`reference source: ${ref.name}`);
  return `${parts.join('; ')}.`;
}

/** What the decision says about one source, for a CSV row. */
export function sourceDecision(v: FindingView, s: SourceView): string {
  if (v.status === 'open') return '';
  if (s.role === 'correct') return `${v.status}: figure marked correct`;
  if (s.role === 'disputed') return `${v.status}: figure disputed`;
  return v.status;
}

/** Only http(s) links are printed as links: a javascript: URL from a front matter must not be clickable. */
export const safeUrl = (u: string | undefined) => (u && /^https?:\/\//i.test(u.trim()) ? u.trim() : undefined);

/** A correction in words: "metric → revenue; period → 2023-Q3" or "not a claim". */
export function correctionWords(k: Pick<Correction, 'metric' | 'period' | 'subject' | 'notAClaim' | 'value' | 'unit'>): string {
  if (k.notAClaim) return 'not a claim';
  const parts: string[] = [];
  if (k.value !== undefined) parts.push(`value → ${k.value}`);
  if (k.unit !== undefined) parts.push(`unit → ${k.unit}`);
  if (k.metric !== undefined) parts.push(`metric → ${k.metric ?? 'none'}`);
  if (k.period !== undefined) parts.push(`period → ${k.period ?? 'none'}`);
  if (k.subject !== undefined) parts.push(`subject → ${k.subject}`);
  return parts.join('; ');
}

/** "by alice, 2026-12-01", or just the date. */
export const byWhen = (x: { by?: string; createdAt: string }) => [x.by ? `by ${x.by}` : '', x.createdAt.slice(0, 10)].filter(Boolean).join(', ');

export const STANDING_WORDS: Record<Standing, string> = {
  exact: 'matches the primary source',
  rounding: 'agrees with the primary source within rounding',
  truncation: 'agrees with the primary source only if truncated',
  wrong: 'wrong per the primary source',
};

/** A source's figure against the primary source, for tables: '' when none is recorded. */
export const standingWords = (s: SourceView) => (s.against ? STANDING_WORDS[s.against] + (s.againstUnitDiffers ? ' (another unit)' : '') : '');

/** The document in words: its title, else its address. */
export const documentName = (v: FindingView) => v.primary?.source.title || v.primary?.source.url || '';

/** The sources wrong against the primary source: "新火种 («0.27%»)", or 'none'. */
export const wrongWords = (v: FindingView) => (v.primary?.wrong.length ? v.primary.wrong.map((s) => `${s.name} («${s.quote}»)`).join(', ') : 'none');

/** The primary source in one sentence, without the document's name (renderers link it): "prints «下降0.37%» (-0.37%), recorded by alice on 2026-12-01; wrong against it: 新火种 («0.27%»)." */
export function primaryWords(v: FindingView): string {
  const p = v.primary;
  if (!p) return '';
  const s = p.source;
  return `prints «${s.printed}» (${formatValue(s.value, s.unit)}), recorded by ${s.by} on ${s.at.slice(0, 10)}; wrong against it: ${wrongWords(v)}.`;
}
