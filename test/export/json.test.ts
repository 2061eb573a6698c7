// The JSON export is the CLI report (buildReport) with reviews attached to their findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExportWith } from '../../server/export/index.js';
import { buildReport } from '../../server/check/index.js';
import { fixtureDb, findingOf, NOTE_CONFIRMED, NOW } from './fixtures.js';

test('unfiltered, it is exactly buildReport(db) with the export time', () => {
  const db = fixtureDb();
  const out = renderExportWith(db, 'json', {}, { now: NOW });
  const parsed = JSON.parse(out.body);
  const expected = JSON.parse(JSON.stringify({ ...buildReport(db), generatedAt: NOW.toISOString() }));
  assert.deepEqual(parsed, expected);
  assert.equal(out.contentType, 'application/json; charset=utf-8');
  assert.equal(out.filename, 'crosscheck-report-2023-11-03.json');
});

test('review decisions are included on their findings, and text survives intact', () => {
  const db = fixtureDb();
  const parsed = JSON.parse(renderExportWith(db, 'json', {}, { now: NOW }).body);
  const f = parsed.findings.find((x: { id: string }) => x.id === findingOf(db, 'c-xhz-rev-yoy').id);
  assert.equal(f.review.status, 'confirmed');
  assert.equal(f.review.note, NOTE_CONFIRMED);
  assert.equal(f.review.correctClaimId, 'c-lx-rev-yoy');
  assert.equal(parsed.findings.find((x: { id: string }) => x.id === findingOf(db, 'c-xhz-rev').id).review, undefined);
  assert.ok(parsed.claims.some((c: { sentence: string }) => c.sentence.includes('🤖')));
  assert.equal(parsed.articles.length, 3);
  assert.equal(parsed.articles[0].text, undefined, 'article text is left out, as in the report');
});

test('filters narrow the findings and are stated', () => {
  const db = fixtureDb();
  const parsed = JSON.parse(renderExportWith(db, 'json', { status: 'dismissed' }, { now: NOW }).body);
  assert.deepEqual(parsed.findings.map((f: { id: string }) => f.id), [findingOf(db, 'c-xhz-rd-yoy').id]);
  assert.deepEqual(parsed.filters, ['status dismissed']);
});
