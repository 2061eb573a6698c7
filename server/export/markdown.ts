// The human report in Markdown: summary first, then each discrepancy with its explanation,
// the quotes in context, the values side by side and the decision; other findings in a table.
// Article text is untrusted and renderers pass raw HTML through, so every piece is escaped.
import type { ExportModel, FindingView, SourceView } from './model.js';
import { STATUS_WORDS, decisionWords, documentName, primaryWords, safeUrl, standingWords, wrongWords } from './words.js';
import { REVIEW_STATUSES, VERDICTS } from './filters.js';
import { workRows } from './work.js';
import { endingInOneNewline, joined } from './pieces.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Inline text: one line, Markdown and HTML syntax characters backslash-escaped (CommonMark). */
export const mdText = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, '\\$&');

/** Text that starts a line (in a blockquote): also defuse headings, lists and setext underlines. */
const lineStart = (s: string) => s.replace(/^([#+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
const mdLine = (s: string) => lineStart(mdText(s));

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
const weak = (ch: string | undefined) => ch === undefined || SPACE.test(ch) || PUNCT.test(ch);

/**
 * The quote in bold. `**` only works where CommonMark's flanking rules allow it, which CJK text
 * next to punctuation often breaks (下滑**-2018万元**); there we fall back to inline <strong>.
 */
export function emphasise(before: string, quote: string, after: string): string {
  const [b, q, a] = [before, quote, after].map(mdText) as [string, string, string];
  const first = q[0];
  const last = q[q.length - 1];
  const opens = first !== undefined && !SPACE.test(first) && (!PUNCT.test(first) || weak(b[b.length - 1]));
  const closes = last !== undefined && !SPACE.test(last) && (!PUNCT.test(last) || weak(a[0]));
  return opens && closes ? `${b}**${q}**${a}` : `${b}<strong>${q}</strong>${a}`;
}

// Only what may appear in a Markdown link destination unescaped; the rest is percent-encoded.
const link = (text: string, url: string | undefined) => {
  const u = safeUrl(url);
  return u ? `[${mdText(text)}](${u.replace(/[\s()<>]/g, encodeURIComponent)})` : mdText(text);
};

function summary(m: ExportModel): string[] {
  const s = m.summary;
  const c = s.counts;
  const total = (st: (typeof REVIEW_STATUSES)[number]) => VERDICTS.reduce((n, v) => n + c[v][st], 0);
  const out = [
    '## Summary',
    '',
    `- Articles: ${s.articles}`,
    `- Claims: ${s.claims}`,
    `- Findings in this report: ${s.findings}${s.findings !== s.totalFindings ? ` of ${s.totalFindings}` : ''}`,
  ];
  if (m.filterWords.length) out.push(`- Filtered by: ${mdText(m.filterWords.join(', '))}`);
  out.push('', `| Verdict | ${REVIEW_STATUSES.map((st) => STATUS_WORDS[st]).join(' | ')} | Total |`, `|---|${REVIEW_STATUSES.map(() => '--:|').join('')}--:|`);
  for (const v of VERDICTS)
    out.push(`| ${cap(v)} | ${REVIEW_STATUSES.map((st) => c[v][st]).join(' | ')} | ${REVIEW_STATUSES.reduce((n, st) => n + c[v][st], 0)} |`);
  out.push(`| **Total** | ${REVIEW_STATUSES.map(total).join(' | ')} | ${s.findings} |`, '');
  return out;
}

const role = (s: SourceView) => [s.role === 'correct' ? 'correct figure' : s.role === 'disputed' ? 'disputed' : '', s.reference ? 'reference' : '', standingWords(s)].filter(Boolean).join(', ');

/** "**Primary source:** [document](url) prints «…» (…), recorded by …; wrong against it: …" */
const primaryLine = (v: FindingView) => (v.primary ? `**Primary source:** ${link(documentName(v), v.primary.source.url)} ${mdText(primaryWords(v))}` : '');

function discrepancy(v: FindingView, n: number): string[] {
  const out = [
    `### ${n}. ${mdText(v.fact)}`,
    '',
    `Finding ${mdText(v.finding.id)} · severity ${v.finding.severity} · ${STATUS_WORDS[v.status]}${v.finding.cause ? ` · likely cause: ${mdText(v.finding.cause)}` : ''}`,
    '',
    mdLine(v.finding.explanation),
    '',
    '| Source | Date | Printed | Value | Review |',
    '|---|---|---|---|---|',
    ...v.sources.map((s) => `| ${link(s.name, s.article.url)} | ${s.article.date ?? ''} | ${mdText(s.quote)} | ${mdText(s.valueText)} | ${role(s)} |`),
    '',
  ];
  for (const s of v.sources) {
    const p = s.article.publisher;
    const head = p ? `**${mdText(p)}** — ${mdText(s.article.title)}` : `**${mdText(s.article.title)}**`;
    out.push(head, '', `> ${emphasiseLine(s)}`, '');
  }
  out.push(`**Decision:** ${mdText(decisionWords(v))}`, '');
  if (v.primary) out.push(primaryLine(v), '');
  if (v.review?.note) out.push(`**Note:** ${mdText(v.review.note)}`, '');
  return out;
}

/** The sentence as a blockquote line: leading spaces dropped, line-start syntax defused. */
function emphasiseLine(s: SourceView): string {
  const before = s.before.replace(/^\s+/, '');
  const line = emphasise(before, s.quote, s.after);
  return before ? lineStart(line) : line;
}

function* others(list: FindingView[]): Generator<string> {
  if (!list.length) return;
  yield '## Other findings';
  yield '';
  yield '| Finding | Fact | Verdict | Review | Values | Note | Primary source |';
  yield '|---|---|---|---|---|---|---|';
  for (const v of list)
    yield `| ${mdText(v.finding.id)} | ${mdText(v.fact)} | ${v.finding.verdict} | ${STATUS_WORDS[v.status]}${v.review?.by && v.status !== 'open' ? ` (${mdText(v.review.by)})` : ''} | ${v.sources.map((s) => `${mdText(s.quote)} (${mdText(s.name)})`).join(' · ')} | ${mdText(v.review?.note ?? '')} | ${v.primary ? `${link(documentName(v), v.primary.source.url)}: «${mdText(v.primary.source.printed)}»; wrong: ${mdText(wrongWords(v))}` : ''} |`;
  yield '';
}

function* work(m: ExportModel): Generator<string> {
  const rows = workRows(m);
  if (!rows.length) return;
  yield "## Reviewers' comments, corrections and added claims";
  yield '';
  yield '| Kind | Source | Text | Says | Who |';
  yield '|---|---|---|---|---|';
  for (const r of rows) yield `| ${r.kind}${r.orphaned ? ' (orphaned)' : ''} | ${mdText(r.source)} | ${mdText(r.quote)} | ${mdText(r.text)} | ${mdText(r.who)} |`;
  yield '';
}

/** The report's lines, in order; joined with newlines they are the Markdown. */
function* lines(m: ExportModel): Generator<string> {
  const disc = m.findings.filter((v) => v.finding.verdict === 'discrepancy');
  yield* ['# Crosscheck discrepancy report', '', `Generated ${m.generatedAt}.`, '', ...summary(m)];
  yield* ['## Discrepancies', ''];
  if (!disc.length) yield* ['No discrepancies in this report.', ''];
  for (const [i, v] of disc.entries()) yield* discrepancy(v, i + 1);
  yield* others(m.findings.filter((v) => v.finding.verdict !== 'discrepancy'));
  yield* work(m);
}

/** The Markdown in pieces, ending in one newline. */
export const markdownChunks = (m: ExportModel): Generator<string> => endingInOneNewline(joined(lines(m), '\n'));
