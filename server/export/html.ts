// The printable report: one self-contained HTML file (inline CSS, no scripts, no external
// fetches), the same sections as the Markdown. All text is escaped; Chinese gets CJK fonts.
import type { Language } from '../types.js';
import type { ExportModel, FindingView, SourceView } from './model.js';
import { STATUS_WORDS, decisionWords, documentName, primaryWords, safeUrl, standingWords, wrongWords } from './words.js';
import { REVIEW_STATUSES, VERDICTS } from './filters.js';
import { workRows, type WorkRow } from './work.js';
import { joined, mapped } from './pieces.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// lang on article text lets the browser pick Chinese glyphs rather than Japanese ones.
const lang = (l: Language) => (l === 'mixed' ? '' : ` lang="${l === 'zh' ? 'zh-CN' : 'en'}"`);
const link = (text: string, url: string | undefined) => {
  const u = safeUrl(url);
  return u ? `<a href="${esc(u)}">${esc(text)}</a>` : esc(text);
};

const STYLE = `
:root { --ink:#1d1d1f; --muted:#5f6368; --line:#d0d4d9; --mark:#fff1a8; --bad:#b3261e; --ok:#1e6b35; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
  "WenQuanYi Micro Hei", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; color: var(--ink); line-height: 1.55; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; margin: .6rem 0; } th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } td.nw { white-space: nowrap; }
blockquote { margin: .4rem 0 .8rem; padding: .3rem .8rem; border-left: 3px solid var(--line); }
mark { background: var(--mark); font-weight: 600; padding: 0 .1em; }
.finding { margin: 1.2rem 0 1.8rem; } .decision { padding: .4rem .6rem; background: #f4f6f8; }
.confirmed { color: var(--bad); } .dismissed { color: var(--ok); }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .finding, table, blockquote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: var(--muted); word-break: break-all; }
  mark { background: none; border-bottom: 2px solid var(--ink); }
  .decision { background: none; border: 1px solid var(--line); }
}`;

function summary(m: ExportModel): string {
  const s = m.summary;
  const c = s.counts;
  const rows = VERDICTS.map(
    (v) => `<tr><th>${cap(v)}</th>${REVIEW_STATUSES.map((st) => `<td class="n">${c[v][st]}</td>`).join('')}<td class="n">${REVIEW_STATUSES.reduce((n, st) => n + c[v][st], 0)}</td></tr>`,
  );
  const totals = REVIEW_STATUSES.map((st) => `<td class="n">${VERDICTS.reduce((n, v) => n + c[v][st], 0)}</td>`).join('');
  return `<section id="summary"><h2>Summary</h2>
<ul><li>Articles: ${s.articles}</li><li>Claims: ${s.claims}</li>
<li>Findings in this report: ${s.findings}${s.findings !== s.totalFindings ? ` of ${s.totalFindings}` : ''}</li>
${m.filterWords.length ? `<li>Filtered by: ${esc(m.filterWords.join(', '))}</li>` : ''}</ul>
<table><thead><tr><th>Verdict</th>${REVIEW_STATUSES.map((st) => `<th>${STATUS_WORDS[st]}</th>`).join('')}<th>Total</th></tr></thead>
<tbody>${rows.join('\n')}
<tr><th>Total</th>${totals}<td class="n">${s.findings}</td></tr></tbody></table></section>`;
}

const role = (s: SourceView) => esc([s.role === 'correct' ? 'correct figure' : s.role === 'disputed' ? 'disputed' : '', s.reference ? 'reference' : '', standingWords(s)].filter(Boolean).join(', '));

function discrepancy(v: FindingView, n: number): string {
  const rows = v.sources.map(
    (s) =>
      `<tr><td>${link(s.name, s.article.url)}</td><td class="nw">${esc(s.article.date ?? '')}</td><td class="nw"${lang(s.article.language)}>${esc(s.quote)}</td><td class="nw">${esc(s.valueText)}</td><td>${role(s)}</td></tr>`,
  );
  const quotes = v.sources.map(
    (s) => `<p>${s.article.publisher ? `<strong>${esc(s.article.publisher)}</strong> — ` : ''}<span${lang(s.article.language)}>${esc(s.article.title)}</span></p>
<blockquote${lang(s.article.language)}>${esc(s.before)}<mark>${esc(s.quote)}</mark>${esc(s.after)}</blockquote>`,
  );
  return `<article class="finding" id="${esc(v.finding.id)}">
<h3>${n}. ${esc(v.fact)}</h3>
<p class="muted">Finding ${esc(v.finding.id)} · severity ${v.finding.severity} · <span class="${v.status}">${STATUS_WORDS[v.status]}</span>${v.finding.cause ? ` · likely cause: ${esc(v.finding.cause)}` : ''}</p>
<p>${esc(v.finding.explanation)}</p>
<table><thead><tr><th>Source</th><th>Date</th><th>Printed</th><th>Value</th><th>Review</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${quotes.join('\n')}
<div class="decision"><p><strong>Decision:</strong> <span class="${v.status}">${esc(decisionWords(v))}</span></p>
${v.primary ? `<p class="primary-source"><strong>Primary source:</strong> ${link(documentName(v), v.primary.source.url)} ${esc(primaryWords(v))}</p>` : ''}
${v.review?.note ? `<p><strong>Note:</strong> ${esc(v.review.note)}</p>` : ''}</div>
</article>`;
}

function* others(list: FindingView[]): Generator<string> {
  if (!list.length) return;
  const row = (v: FindingView) =>
    `<tr><td>${esc(v.finding.id)}</td><td>${esc(v.fact)}</td><td>${v.finding.verdict}</td><td>${STATUS_WORDS[v.status]}${v.review?.by && v.status !== 'open' ? ` (${esc(v.review.by)})` : ''}</td><td>${v.sources
      .map((s) => `<span${lang(s.article.language)}>${esc(s.quote)}</span> (${esc(s.name)})`)
      .join(' · ')}</td><td>${esc(v.review?.note ?? '')}</td><td>${v.primary ? `${link(documentName(v), v.primary.source.url)}: «${esc(v.primary.source.printed)}»; wrong: ${esc(wrongWords(v))}` : ''}</td></tr>`;
  yield `<section id="others"><h2>Other findings</h2>
<table><thead><tr><th>Finding</th><th>Fact</th><th>Verdict</th><th>Review</th><th>Values</th><th>Note</th><th>Primary source</th></tr></thead><tbody>
`;
  yield* joined(mapped(list, row), '\n');
  yield '\n</tbody></table></section>';
}

function* work(m: ExportModel): Generator<string> {
  const rows = workRows(m);
  if (!rows.length) return;
  const row = (r: WorkRow) => `<tr><td>${r.kind}${r.orphaned ? ' (orphaned)' : ''}</td><td>${esc(r.source)}</td><td>${esc(r.quote)}</td><td>${esc(r.text)}</td><td>${esc(r.who)}</td></tr>`;
  yield `<section id="work"><h2>Reviewers' comments, corrections and added claims</h2>
<table><thead><tr><th>Kind</th><th>Source</th><th>Text</th><th>Says</th><th>Who</th></tr></thead><tbody>
`;
  yield* joined(mapped(rows, row), '\n');
  yield '\n</tbody></table></section>';
}

/** The HTML in pieces: the head and summary, then a finding or a table row at a time. */
export function* htmlChunks(m: ExportModel): Generator<string> {
  const disc = m.findings.filter((v) => v.finding.verdict === 'discrepancy');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Crosscheck discrepancy report</title>
<style>${STYLE}
</style>
</head>
<body>
<header><h1>Crosscheck discrepancy report</h1><p class="meta">Generated ${esc(m.generatedAt)}.</p></header>
${summary(m)}
<section id="discrepancies"><h2>Discrepancies</h2>
`;
  if (disc.length) yield* joined(mapped(disc, (v, i) => discrepancy(v, i + 1)), '\n');
  else yield '<p>No discrepancies in this report.</p>';
  yield '\n</section>\n';
  yield* others(m.findings.filter((v) => v.finding.verdict !== 'discrepancy'));
  yield '\n';
  yield* work(m);
  yield `
</body>
</html>
`;
}
