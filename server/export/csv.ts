// CSV for spreadsheets: one row per finding × quoted source. UTF-8 with a BOM, because Excel
// reads a BOM-less file in the local code page and garbles Chinese; RFC 4180 quoting and CRLF.
import type { ExportModel, FindingView, SourceView } from './model.js';
import { reasonWords, sourceDecision } from './words.js';

type Row = { v: FindingView; s: SourceView };

// [header, value, free text from articles or reviewers?]. The spec's columns come first;
// ids, the value in words and review details follow for joins and audits.
const COLUMNS: Array<[string, (r: Row) => string | number | undefined, boolean]> = [
  ['finding_id', (r) => r.v.finding.id, false],
  ['verdict', (r) => r.v.finding.verdict, false],
  ['status', (r) => r.v.status, false],
  ['severity', (r) => r.v.finding.severity, false],
  ['subject', (r) => r.v.finding.fact.subject, true],
  ['metric', (r) => r.v.finding.fact.metric ?? '', false],
  ['period', (r) => r.v.finding.fact.period ?? '', false],
  ['measure', (r) => r.v.finding.fact.measure, false],
  ['article_title', (r) => r.s.article.title, true],
  ['publisher', (r) => r.s.article.publisher, true],
  ['date', (r) => r.s.article.date, false],
  ['url', (r) => r.s.article.url, true],
  ['quote', (r) => r.s.claim.quote, true],
  ['sentence', (r) => r.s.claim.sentence, true],
  ['value', (r) => r.s.claim.value, false],
  ['unit', (r) => r.s.claim.unit, false],
  ['decision', (r) => sourceDecision(r.v, r.s), false],
  ['reason', (r) => reasonWords(r.v), false],
  ['note', (r) => r.v.review?.note, true],
  ['explanation', (r) => r.v.finding.explanation, true],
  ['value_text', (r) => r.s.valueText, false],
  ['qualifier', (r) => r.s.claim.qualifier, false],
  ['cause', (r) => r.v.finding.cause, false],
  ['reference_source', (r) => (r.s.reference ? 'yes' : ''), false],
  ['reviewed_at', (r) => r.v.review?.updatedAt, false],
  ['claim_id', (r) => r.s.claim.id, false],
  ['article_id', (r) => r.s.article.id, false],
  // The primary source the reviewer recorded, and how this row's figure stands against it.
  ['primary_source_url', (r) => r.v.primary?.source.url, true],
  ['primary_source_title', (r) => r.v.primary?.source.title, true],
  ['primary_source_printed', (r) => r.v.primary?.source.printed, true],
  ['primary_source_value', (r) => r.v.primary?.source.value, false],
  ['primary_source_unit', (r) => r.v.primary?.source.unit, false],
  ['primary_source_by', (r) => r.v.primary?.source.by, true],
  ['against_primary_source', (r) => r.s.against, false],
];

export const CSV_HEADERS = COLUMNS.map(([h]) => h);

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula (OWASP "CSV injection").
 * Text that came from an article or a reviewer gets a leading apostrophe; our own numbers do not.
 */
export const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
export const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV a row at a time: the BOM and header, then one CRLF-ended line per finding × source. */
export function* csvChunks(m: ExportModel): Generator<string> {
  yield '\uFEFF' + CSV_HEADERS.map(csvField).join(',') + '\r\n';
  for (const v of m.findings)
    for (const s of v.sources)
      yield COLUMNS.map(([, get, untrusted]) => {
        const raw = get({ v, s });
        const text = raw === undefined ? '' : String(raw);
        return csvField(untrusted ? defuse(text) : text);
      }).join(',') + '\r\n';
}
