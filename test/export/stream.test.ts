// Exports in chunks, so that a big library's export is never one string: the bytes are those the
// string renderers printed before (golden/ holds their output for the rich fixture: reviews,
// notes, corrections, a manual claim, a primary source, Chinese, emoji, 𠮷, quotes, commas,
// newlines, <script> and a formula), the JSON formats are exactly JSON.stringify(…, null, 2)
// even across chunk boundaries, and a big export comes in chunks of about a megabyte.
// After a deliberate change to a renderer, rewrite golden/ with UPDATE_GOLDEN=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { EXPORT_FORMATS, exportChunks, renderExportWith, type ExportFormat } from '../../server/export/index.js';
import { bigDb, NOW, richDb } from './fixtures.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const OPTIONS = { now: NOW, reviewer: { name: 'Desk, "Verify"', url: 'https://desk.example/' }, baseUrl: 'https://desk.example/cc/' };
const JSON_FORMATS: ExportFormat[] = ['json', 'annotations', 'claimreview'];
const streamed = (chunks: Iterable<string>) => [...chunks].join('');

for (const format of EXPORT_FORMATS)
  test(`${format}: the chunks are the golden file byte for byte, and so is the string`, () => {
    const text = streamed(exportChunks(richDb(), format, {}, OPTIONS).chunks);
    const file = join(GOLDEN, `rich.${format}`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
    assert.equal(text, readFileSync(file, 'utf8'));
    assert.equal(renderExportWith(richDb(), format, {}, OPTIONS).body, text);
  });

test('the JSON formats are valid JSON, printed as JSON.stringify(x, null, 2) prints it, filtered or not', () => {
  for (const format of JSON_FORMATS)
    for (const filters of [{}, { status: 'open' as const }, { status: 'confirmed' as const }, { q: '0.37' }]) {
      const text = renderExportWith(richDb(), format, filters, OPTIONS).body;
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${format} ${JSON.stringify(filters)}`);
    }
});

test('a big export comes in chunks of about a megabyte, and they join into the same text', () => {
  const db = bigDb(400);
  for (const format of EXPORT_FORMATS) {
    const chunks = [...exportChunks(db, format, {}, OPTIONS).chunks];
    assert.ok(chunks.length >= 2, `${format}: ${chunks.length} chunk(s)`);
    assert.ok(chunks.every((c) => c.length < 1.1 * 2 ** 20), `${format}: chunks of ${chunks.map((c) => c.length)}`);
    if (JSON_FORMATS.includes(format)) assert.equal(chunks.join(''), `${JSON.stringify(JSON.parse(chunks.join('')), null, 2)}\n`, format);
  }
  // Every finding × source is one CSV row, however the rows fall into chunks.
  const records = (d: typeof db) => (parse(streamed(exportChunks(d, 'csv', {}, OPTIONS).chunks), { bom: true }) as string[][]).length - 1;
  assert.equal(records(db), 400 * records(richDb()));
});

test('a bad format or filter throws before any chunk is made', () => {
  assert.throws(() => exportChunks(richDb(), 'pdf' as ExportFormat), /unknown format "pdf"/);
});
