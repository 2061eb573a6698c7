// CSV read back through a real parser: commas, quotes, newlines, Chinese and emoji survive;
// BOM, CRLF and the formula guard are what Excel needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { renderExportWith } from '../../server/export/index.js';
import { CSV_HEADERS, csvField, defuse } from '../../server/export/csv.js';
import { fixtureDb, findingOf, NOTE_CONFIRMED, NOTE_DISMISSED, NOW, WIRE } from './fixtures.js';

type Row = Record<
  | 'finding_id' | 'verdict' | 'status' | 'severity' | 'subject' | 'metric' | 'period' | 'measure' | 'article_title' | 'publisher'
  | 'date' | 'url' | 'quote' | 'sentence' | 'value' | 'unit' | 'decision' | 'reason' | 'note' | 'explanation' | 'reference_source' | 'claim_id',
  string
>;
const render = (filters = {}) => renderExportWith(fixtureDb(), 'csv', filters, { now: NOW });
// record_delimiter CRLF: a bare LF between records would merge them and break the row counts below.
const rows = (body: string): Row[] => parse(body, { bom: true, columns: true, record_delimiter: '\r\n' });

test('UTF-8 with a BOM, CRLF after every record, text/csv download name', () => {
  const out = render();
  assert.ok(out.body.startsWith('\uFEFFfinding_id,'));
  assert.deepEqual([...Buffer.from(out.body, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(out.body.endsWith('\r\n'));
  assert.match(out.contentType, /^text\/csv; charset=utf-8/);
  assert.equal(out.filename, 'crosscheck-report-2023-11-03.csv');
});

test('the header holds every column of the spec, in order', () => {
  const header = parse(render().body, { bom: true, to_line: 1 })[0] as string[];
  const spec = ['finding_id', 'verdict', 'status', 'severity', 'subject', 'metric', 'period', 'measure', 'article_title', 'publisher', 'date', 'url', 'quote', 'sentence', 'value', 'unit', 'decision', 'reason', 'note', 'explanation'];
  assert.deepEqual(header.slice(0, spec.length), spec);
  assert.deepEqual(header, CSV_HEADERS);
});

test('one row per finding × source, and every field round-trips through csv-parse', () => {
  const db = fixtureDb();
  const parsed = rows(renderExportWith(db, 'csv', {}, { now: NOW }).body);
  assert.equal(parsed.length, db.findings.reduce((n, f) => n + f.claimIds.length, 0));
  const byClaim = new Map(parsed.map((r) => [r.claim_id, r]));
  for (const c of db.claims.filter((c) => db.findings.some((f) => f.claimIds.includes(c.id)))) {
    const r = byClaim.get(c.id)!;
    assert.equal(r.quote, c.quote);
    assert.equal(r.sentence, c.sentence, `sentence of ${c.id}`);
    assert.equal(Number(r.value), c.value);
    assert.equal(r.unit, c.unit);
  }
  const wire = byClaim.get('c-wire-rev-yoy')!;
  // Commas, doubled quotes, an embedded newline, Chinese and an emoji in one field.
  assert.equal(wire.sentence, 'iFlytek (科大讯飞) said revenue for the first three quarters fell 0.37%,\nto 12.61 billion yuan, as it poured money into its "Spark" model 🤖.');
  assert.equal(wire.article_title, WIRE.title);
  assert.equal(wire.publisher, 'Asia Tech Wire, Beijing bureau');
  assert.equal(wire.url, 'https://example.com/asia-tech/iflytek-q3?src=feed&lang=en');
});

test('the confirmed discrepancy carries status, per-source decision, note and explanation', () => {
  const db = fixtureDb();
  const id = findingOf(db, 'c-xhz-rev-yoy').id;
  const mine = rows(renderExportWith(db, 'csv', {}, { now: NOW }).body).filter((r) => r.finding_id === id);
  assert.deepEqual(mine.map((r) => r.quote), ['0.27%', '0.37%', '0.37%']);
  assert.deepEqual(mine.map((r) => r.publisher), ['新火种', '连线Insight', 'Asia Tech Wire, Beijing bureau']);
  for (const r of mine) {
    assert.equal(r.verdict, 'discrepancy');
    assert.equal(r.status, 'confirmed');
    assert.equal(r.note, NOTE_CONFIRMED, 'note with a newline, quotes and Chinese');
    assert.match(r.explanation, /-0\.27% vs -0\.37%/);
    assert.equal(r.metric, 'revenue');
    assert.equal(r.period, '2023-Q1..Q3');
    assert.equal(r.measure, 'yoy');
  }
  assert.deepEqual(mine.map((r) => r.decision), ['confirmed: figure disputed', 'confirmed: figure marked correct', 'confirmed: figure marked correct']);
  assert.deepEqual(mine.map((r) => r.reference_source), ['', 'yes', '']);
});

test('open findings have an empty decision; dismissed ones give the reason', () => {
  const db = fixtureDb();
  const parsed = rows(renderExportWith(db, 'csv', {}, { now: NOW }).body);
  const open = parsed.filter((r) => r.finding_id === findingOf(db, 'c-xhz-rev').id);
  assert.ok(open.length === 3 && open.every((r) => r.status === 'open' && r.decision === '' && r.note === ''));
  const dismissed = parsed.filter((r) => r.finding_id === findingOf(db, 'c-xhz-rd-yoy').id);
  assert.ok(dismissed.every((r) => r.status === 'dismissed' && r.decision === 'dismissed'));
  assert.equal(dismissed[0]!.reason, 'different-metric (the figures measure different things)');
});

test('text that a spreadsheet would run as a formula is defused; our numbers are not', () => {
  const db = fixtureDb();
  const parsed = rows(renderExportWith(db, 'csv', {}, { now: NOW }).body);
  const note = parsed.find((r) => r.finding_id === findingOf(db, 'c-xhz-rd-yoy').id)!.note;
  assert.equal(note, `'${NOTE_DISMISSED}`);
  assert.ok(parsed.some((r) => r.value.startsWith('-')), 'negative values stay numbers');
  assert.equal(defuse('+1'), "'+1");
  assert.equal(defuse('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(defuse('126亿元'), '126亿元');
});

test('RFC 4180 quoting: only fields that need it are quoted, inner quotes doubled', () => {
  assert.equal(csvField('plain 中文'), 'plain 中文');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
});

test('the status filter narrows the rows and names the file', () => {
  const out = render({ status: 'confirmed' });
  assert.equal(out.filename, 'crosscheck-report-confirmed-2023-11-03.csv');
  assert.deepEqual(new Set(rows(out.body).map((r) => r.status)), new Set(['confirmed']));
  assert.equal(rows(render({ status: 'open', verdict: 'discrepancy' }).body).length, 0);
  assert.equal(render({ status: 'open', verdict: 'discrepancy' }).body, '\uFEFF' + CSV_HEADERS.join(',') + '\r\n', 'an empty report still has its header');
});
