// Export: one report model (model.ts), one file per rendering. The web app's downloads and the
// CLI both come through exportChunks, so a download and `crosscheck export` agree byte for byte.
// Renderers yield their text in pieces: a big library's export is larger than one string can be.
import type { Db } from '../types.js';
import { ExportError, type ExportFilters } from './filters.js';
import { buildModel } from './model.js';
import { csvChunks } from './csv.js';
import { markdownChunks } from './markdown.js';
import { htmlChunks } from './html.js';
import { jsonExportChunks } from './json.js';
import { webAnnotationChunks } from './web-annotation.js';
import { DEFAULT_BASE_URL, DEFAULT_REVIEWER, claimReviewChunks, type Reviewer } from './claimreview.js';
import { batched } from '../store/json-stream.js';

export type ExportFormat = 'csv' | 'md' | 'html' | 'json' | 'annotations' | 'claimreview';
export type { ExportFilters } from './filters.js';
export { ExportError } from './filters.js';
export { buildModel, type ExportModel, type FindingView } from './model.js';
export type { Reviewer } from './claimreview.js';
export { ANNO_CONTEXT } from './web-annotation.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'md', 'html', 'json', 'annotations', 'claimreview'];
export const isExportFormat = (f: unknown): f is ExportFormat => EXPORT_FORMATS.includes(f as ExportFormat);

const FILES: Record<ExportFormat, { contentType: string; name: string; ext: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', name: 'report', ext: 'csv' },
  md: { contentType: 'text/markdown; charset=utf-8', name: 'report', ext: 'md' },
  html: { contentType: 'text/html; charset=utf-8', name: 'report', ext: 'html' },
  json: { contentType: 'application/json; charset=utf-8', name: 'report', ext: 'json' },
  // The media type the Web Annotation Protocol gives annotation documents.
  annotations: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', name: 'annotations', ext: 'jsonld' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', name: 'claimreview', ext: 'jsonld' },
};

export interface ExportOptions {
  /** The time stamped on the report (tests fix it). */
  now?: Date;
  /** Who signs ClaimReviews; defaults to $CROSSCHECK_REVIEWER (and $CROSSCHECK_REVIEWER_URL), else 'Crosscheck reviewer'. */
  reviewer?: Reviewer;
  /** Where the review app is published, for ClaimReview's url; defaults to $CROSSCHECK_BASE_URL, else http://localhost:3000/. */
  baseUrl?: string;
}

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/** An export as chunks of about a megabyte, made as they are read (so they can be read once). */
export interface ExportStream {
  chunks: Iterable<string>;
  contentType: string;
  filename: string;
}

const reviewerFromEnv = (): Reviewer =>
  process.env.CROSSCHECK_REVIEWER?.trim()
    ? { name: process.env.CROSSCHECK_REVIEWER.trim(), url: process.env.CROSSCHECK_REVIEWER_URL?.trim() || undefined }
    : DEFAULT_REVIEWER;

/** Renders one export of the findings that pass the filters. Throws ExportError on a bad format or filter. */
export function renderExport(db: Db, format: ExportFormat, filters: ExportFilters = {}): ExportFile {
  return renderExportWith(db, format, filters, {});
}

/** The export as one string, for small libraries and tests; the same text exportChunks yields. */
export function renderExportWith(db: Db, format: ExportFormat, filters: ExportFilters = {}, options: ExportOptions = {}): ExportFile {
  const { chunks, contentType, filename } = exportChunks(db, format, filters, options);
  return { body: [...chunks].join(''), contentType, filename };
}

/**
 * The export in chunks, for the CLI and the web download to write as they come. The model is
 * built here, so a bad format or filter throws ExportError before anything is written.
 */
export function exportChunks(db: Db, format: ExportFormat, filters: ExportFilters = {}, options: ExportOptions = {}): ExportStream {
  if (!isExportFormat(format)) throw new ExportError(`unknown format "${String(format)}": use ${EXPORT_FORMATS.join(', ')}`);
  const m = buildModel(db, filters, options.now);
  const pieces =
    format === 'csv' ? csvChunks(m)
    : format === 'md' ? markdownChunks(m)
    : format === 'html' ? htmlChunks(m)
    : format === 'json' ? jsonExportChunks(db, m)
    : format === 'annotations' ? webAnnotationChunks(m)
    : claimReviewChunks(m, options.reviewer ?? reviewerFromEnv(), options.baseUrl ?? (process.env.CROSSCHECK_BASE_URL?.trim() || DEFAULT_BASE_URL));
  const f = FILES[format];
  const status = m.criteria.status ? `-${m.criteria.status}` : '';
  return { chunks: batched(pieces), contentType: f.contentType, filename: `crosscheck-${f.name}${status}-${m.generatedAt.slice(0, 10)}.${f.ext}` };
}
