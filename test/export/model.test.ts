// The report model decides what every format contains: filters, order, decisions, counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, shortName } from '../../server/export/model.js';
import { ExportError } from '../../server/export/index.js';
import { fixtureDb, findingOf, LIANXIAN, WIRE, XHZ } from './fixtures.js';

test('no filters: every finding, discrepancies first, and counts by verdict × review status', () => {
  const db = fixtureDb();
  const m = buildModel(db);
  assert.equal(m.findings.length, db.findings.length);
  assert.deepEqual(
    m.findings.map((v) => v.finding.verdict),
    ['discrepancy', 'discrepancy', 'rounding', 'rounding', 'rounding', 'consistent'],
  );
  assert.deepEqual(m.summary.counts.discrepancy, { open: 0, confirmed: 1, dismissed: 1 });
  assert.deepEqual(m.summary.counts.rounding, { open: 3, confirmed: 0, dismissed: 0 });
  assert.equal(m.summary.articles, 3);
  assert.equal(m.summary.claims, db.claims.length);
  assert.equal(m.claims.length, db.claims.length, 'an unfiltered export covers every claim');
  assert.deepEqual(m.filterWords, []);
});

test('a finding without a review is open; a review gives its status', () => {
  const db = fixtureDb();
  const m = buildModel(db);
  const status = (claimId: string) => m.findings.find((v) => v.finding.id === findingOf(db, claimId).id)!.status;
  assert.equal(status('c-xhz-rev-yoy'), 'confirmed');
  assert.equal(status('c-xhz-rd-yoy'), 'dismissed');
  assert.equal(status('c-xhz-rev'), 'open');
});

test('each source carries its sentence cut around the quote and its role under the decision', () => {
  const m = buildModel(fixtureDb());
  const v = m.findings[0]!;
  assert.equal(v.status, 'confirmed');
  for (const s of v.sources) assert.equal(s.before + s.quote + s.after, s.claim.sentence);
  const roles = Object.fromEntries(v.sources.map((s) => [s.claim.id, s.role]));
  // The English source prints the same 0.37% as the figure the reviewer marked correct.
  assert.deepEqual(roles, { 'c-xhz-rev-yoy': 'disputed', 'c-lx-rev-yoy': 'correct', 'c-wire-rev-yoy': 'correct' });
  assert.deepEqual(v.sources.filter((s) => s.reference).map((s) => s.article.id), [LIANXIAN.id]);
});

test('status, verdict, severity, metric and article filters narrow the findings and the claims in scope', () => {
  const db = fixtureDb();
  const confirmed = buildModel(db, { status: 'confirmed' });
  assert.deepEqual(confirmed.findings.map((v) => v.finding.id), [findingOf(db, 'c-xhz-rev-yoy').id]);
  assert.deepEqual(confirmed.claims.map((c) => c.id).sort(), ['c-lx-rev-yoy', 'c-wire-rev-yoy', 'c-xhz-rev-yoy']);
  assert.equal(confirmed.summary.totalFindings, 6);
  assert.deepEqual(confirmed.filterWords, ['status confirmed']);

  assert.equal(buildModel(db, { status: 'open' }).findings.length, 4);
  assert.equal(buildModel(db, { status: 'all' }).findings.length, 6);
  assert.equal(buildModel(db, { verdict: 'rounding' }).findings.length, 3);
  assert.equal(buildModel(db, { severity: 'high' }).findings.length, 2);
  assert.deepEqual(buildModel(db, { metric: 'rd_expense' }).findings.map((v) => v.finding.id), [findingOf(db, 'c-xhz-rd-yoy').id]);
  // The English article appears in the revenue and net-profit findings only.
  assert.equal(buildModel(db, { articleId: WIRE.id }).findings.length, 4);
  // An article filter keeps only that article's notes.
  assert.deepEqual(buildModel(db, { articleId: XHZ.id }).annotations.map((a) => a.id), ['n-xhz-1']);
});

test('search matches quotes, sentences, sources and notes; full-width digits find half-width ones', () => {
  const db = fixtureDb();
  const ids = (q: string) => buildModel(db, { q }).findings.map((v) => v.finding.id);
  // 0.27% is in a sentence that three other claims also quote, so their findings match too.
  assert.deepEqual(ids('0.27%').sort(), ['c-xhz-rev-yoy', 'c-xhz-rev', 'c-xhz-np', 'c-xhz-np-yoy'].map((c) => findingOf(db, c).id).sort());
  assert.deepEqual(ids('０.２７％'), ids('0.27%'));
  assert.deepEqual(ids('outlier'), [findingOf(db, 'c-xhz-rev-yoy').id], 'from the explanation');
  assert.deepEqual(ids('typo filing'), [findingOf(db, 'c-xhz-rev-yoy').id], 'every term must match, from the note');
  assert.deepEqual(ids('开发支出'), [findingOf(db, 'c-xhz-rd-yoy').id]);
  assert.equal(ids('asia tech wire').length, 4, 'case-insensitive on the publisher');
  assert.deepEqual(ids('nothing like this'), []);
});

test('empty and "all" values mean no filter; unknown values are an ExportError naming the choices', () => {
  const db = fixtureDb();
  assert.equal(buildModel(db, { verdict: '', severity: 'all', metric: ' ' }).findings.length, 6);
  assert.throws(() => buildModel(db, { status: 'closed' as never }), (e: unknown) => e instanceof ExportError && /unknown status "closed".*confirmed/.test(e.message));
  assert.throws(() => buildModel(db, { verdict: 'wrong' }), ExportError);
  assert.throws(() => buildModel(db, { severity: 'huge' }), ExportError);
});

test('a finding whose claim was removed still exports with the sources that remain', () => {
  const db = fixtureDb();
  db.claims = db.claims.filter((c) => c.id !== 'c-wire-rev-yoy');
  const v = buildModel(db).findings.find((x) => x.finding.id === findingOf(db, 'c-xhz-rev-yoy').id)!;
  assert.deepEqual(v.sources.map((s) => s.claim.id), ['c-xhz-rev-yoy', 'c-lx-rev-yoy']);
});

test('sources are named by publisher, else by a title cut to 30 code points without splitting 𠮷', () => {
  assert.equal(shortName({ publisher: '新火种', title: 'x', path: 'p' }), '新火种');
  const crumb = '首页 > AI资讯 > 行业动态 > 科大讯飞刘庆峰:对标GPT-3.5后再追赶GPT-4';
  assert.equal(shortName({ title: crumb, path: 'p' }), '首页 > AI资讯 > 行业动态 > 科大讯飞刘庆峰:对标…');
  assert.equal(Array.from(shortName({ title: crumb, path: 'p' })).length, 30);
  const rare = '𠮷'.repeat(40);
  assert.equal(shortName({ title: rare, path: 'p' }), '𠮷'.repeat(29) + '…');
  assert.equal(shortName({ title: '', path: 'wire/a.md' }), 'wire/a.md');
});
