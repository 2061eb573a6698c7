// End to end on the seed library (articles/): ingest, confirm the iFlytek revenue finding
// (前三季度营收同比 -0.27% in one article, -0.37% in the other), and check that every export
// carries both quotes and the reviewer's decision. Depends on extraction finding both claims.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readArticles } from '../../server/ingest/index.js';
import { effectiveClaims, ingestArticles } from '../../server/check/index.js';
import { memoryStore } from '../../server/store/index.js';
import { renderExport, type ExportFormat } from '../../server/export/index.js';
import type { Db, Finding } from '../../server/types.js';
import { byTag, parseDocument, textOf } from './dom.js';

const ARTICLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'articles');
const NOTE = '核对三季报：营业收入同比下降0.37%，0.27% 为笔误。';

let db: Db;
let finding: Finding;
const body = (format: ExportFormat) => renderExport(db, format).body;

describe('exports of the seed library', () => {
  before(async () => {
    const store = memoryStore();
    const outcome = readArticles([ARTICLES]);
    assert.equal(outcome.articles.length, 2, 'the two seed articles are read');
    await ingestArticles(store, outcome.articles);
    const claims = effectiveClaims(store.read());
    const low = claims.filter((c) => c.quote.includes('0.27%')).map((c) => c.id);
    const high = claims.filter((c) => c.quote.includes('0.37%')).map((c) => c.id);
    const found = store.read().findings.find((f) => f.claimIds.some((id) => low.includes(id)) && f.claimIds.some((id) => high.includes(id)));
    assert.ok(found, `a finding holds the 0.27% and 0.37% claims (extraction found ${claims.length} claims, ${store.read().findings.length} findings)`);
    finding = found;
    await store.update((d) => {
      d.reviews.push({ findingId: found.id, status: 'confirmed', note: NOTE, updatedAt: '2023-11-02T09:30:00.000Z' });
    });
    db = store.read();
  });

  test('the finding is a discrepancy', () => {
    assert.equal(finding.verdict, 'discrepancy');
  });

  test('csv: rows for both quotes, status confirmed and the note', () => {
    const rows = (parse(body('csv'), { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<'finding_id' | 'quote' | 'status' | 'decision' | 'note', string>>).filter(
      (r) => r.finding_id === finding.id,
    );
    assert.ok(rows.some((r) => r.quote.includes('0.27%')) && rows.some((r) => r.quote.includes('0.37%')));
    assert.ok(rows.every((r) => r.status === 'confirmed' && r.decision.startsWith('confirmed') && r.note === NOTE));
  });

  test('md: both quotes, the decision and the note', () => {
    const md = body('md');
    assert.match(md, /\*\*0\.27%\*\*|<strong>[^<]*0\.27%/);
    assert.match(md, /\*\*0\.37%\*\*|<strong>[^<]*0\.37%/);
    assert.ok(md.includes('**Decision:** Confirmed (2023-11-02)'));
    assert.ok(md.includes(NOTE));
  });

  test('html: both quotes marked, the decision and the note', () => {
    const doc = parseDocument(body('html'));
    const section = byTag(doc, 'article').find((a) => a.attrs?.some((x) => x.name === 'id' && x.value === finding.id));
    assert.ok(section);
    const marks = byTag(section, 'mark').map(textOf);
    assert.ok(marks.some((m) => m.includes('0.27%')) && marks.some((m) => m.includes('0.37%')));
    assert.ok(textOf(section).includes('Decision: Confirmed (2023-11-02)'));
    assert.ok(textOf(section).includes(NOTE));
  });

  test('json: the finding with its review, and both claims', () => {
    const report = JSON.parse(body('json'));
    const f = report.findings.find((x: Finding) => x.id === finding.id);
    assert.equal(f.review.status, 'confirmed');
    assert.equal(f.review.note, NOTE);
    const quotes = report.claims.filter((c: { id: string }) => f.claimIds.includes(c.id)).map((c: { quote: string }) => c.quote).join(' ');
    assert.ok(quotes.includes('0.27%') && quotes.includes('0.37%'));
  });

  test('annotations: an assessing annotation over both quotes, with the note', () => {
    const items = JSON.parse(body('annotations')).first.items as Array<{ id: string; motivation: string; body: Array<{ value: string }>; target: Array<{ selector: Array<{ exact?: string }> }> }>;
    const review = items.find((a) => a.id === `urn:crosscheck:review:${finding.id}`);
    assert.ok(review);
    assert.equal(review.motivation, 'assessing');
    assert.match(review.body[0]!.value, /^Confirmed/);
    assert.ok(review.body.some((b) => b.value === NOTE));
    const exacts = review.target.map((t) => t.selector[0]!.exact ?? '').join(' ');
    assert.ok(exacts.includes('0.27%') && exacts.includes('0.37%'));
  });

  test('claimreview: one review quoting both figures, with the note', () => {
    const graph = JSON.parse(body('claimreview'))['@graph'] as Array<Record<string, string>>;
    const r = graph.find((x) => x['@id'] === `urn:crosscheck:review:${finding.id}`);
    assert.ok(r);
    assert.ok(r.claimReviewed!.includes('0.27%') && r.claimReviewed!.includes('0.37%'));
    assert.ok(r.reviewBody!.includes(NOTE));
  });
});
