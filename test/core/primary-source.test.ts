// Evidence for a verdict: each figure of a finding judged against the primary source a reviewer
// recorded, with the comparison's own rounding intervals; the source is part of the review's
// history, so undo takes it back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Db, Finding, PrimarySource } from '../../server/types.js';
import { againstSource, standingOf } from '../../server/review/primary-source.js';
import { compareGroup } from '../../server/compare/index.js';
import { decide } from '../../server/review/decide.js';
import { historyOf, undoLast } from '../../server/review/history.js';
import { emptyDb } from '../../server/store/index.js';
import { makeClaim } from './helpers.js';

const source = (value: number, precision: number, unit: string, over: Partial<PrimarySource> = {}): PrimarySource => ({
  url: 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218.PDF',
  printed: `${value} ${unit}`,
  value,
  unit,
  precision,
  by: 'alice',
  at: '2026-12-01T00:00:00.000Z',
  ...over,
});
const cny = (article: string, value: number, precision: number, extra: Partial<Claim> = {}) => makeClaim(article, value, precision, { unit: 'CNY', measure: 'level', ...extra });

describe('a figure against the primary source', () => {
  const filing = source(126.14e8, 1e6, 'CNY');
  test('the same figure is exact; a rounded one agrees within rounding; a different one is wrong', () => {
    assert.equal(standingOf(cny('A', 126.14e8, 1e6), filing).standing, 'exact');
    assert.equal(standingOf(cny('A', 126e8, 1e8), filing).standing, 'rounding', '126亿 is 126.14亿 rounded');
    assert.equal(standingOf(cny('A', 126.1e8, 1e7), filing).standing, 'rounding');
    assert.equal(standingOf(cny('A', 128e8, 1e8), filing).standing, 'wrong');
    assert.equal(standingOf(cny('A', 126.2e8, 1e7), filing).standing, 'wrong', 'printed to the same digit, it cannot be a rounding of 126.14');
  });
  test('a change: -0.27% against the filing’s -0.37% is wrong, -0.4% is within rounding', () => {
    const yoy = source(-0.37, 0.01, '%');
    assert.equal(standingOf(makeClaim('A', -0.27, 0.01), yoy).standing, 'wrong');
    assert.equal(standingOf(makeClaim('A', -0.4, 0.1), yoy).standing, 'rounding');
    assert.equal(standingOf(makeClaim('A', 0.37, 0.01), yoy).standing, 'wrong', 'a fall read as a rise');
  });
  test('truncation is told apart; qualifiers widen as in the comparison', () => {
    const f = source(126.9e8, 1e7, 'CNY');
    assert.equal(standingOf(cny('A', 126e8, 1e8), f).standing, 'truncation');
    assert.equal(standingOf(cny('A', 127e8, 1e8, { qualifier: 'approx' }), source(126.14e8, 1e6, 'CNY')).standing, 'rounding', '约127亿 reaches 126亿');
    assert.equal(standingOf(cny('A', 126e8, 1e8, { qualifier: 'lower' }), filing).standing, 'rounding', '超过126亿');
    assert.equal(standingOf(cny('A', 126e8, 1e8, { qualifier: 'upper' }), filing).standing, 'wrong', '近126亿 is at most 126亿');
  });
  test('per mille compares with percent; points against percent is wrong and says the unit differs', () => {
    assert.equal(standingOf(makeClaim('A', 6.39, 0.01, { unit: '‰' }), source(0.639, 0.001, '%')).standing, 'exact');
    assert.deepEqual(standingOf(makeClaim('A', -0.37, 0.01, { unit: 'pp' }), source(-0.37, 0.01, '%')), { standing: 'wrong', unitDiffers: true });
  });
  test('it agrees with the comparison: a figure is wrong against the source exactly when the two cannot round to each other', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 400; i++) {
      const step = [1e6, 1e7, 1e8][Math.floor(rnd() * 3)]!;
      const truthStep = [1e6, 1e7, 1e8][Math.floor(rnd() * 3)]!;
      const value = Math.round((125e8 + rnd() * 3e8) / step) * step;
      const truth = Math.round((125e8 + rnd() * 3e8) / truthStep) * truthStep;
      const printed = cny('A', value, step);
      const filed = cny('B', truth, truthStep);
      const verdict = compareGroup({ key: 'k', fact: { subject: 'iflytek', metric: 'revenue', period: '2023', measure: 'level', unitFamily: 'CNY', aspects: [] }, claims: [printed, filed] }, new Map()).verdict;
      const standing = standingOf(printed, source(truth, truthStep, 'CNY')).standing;
      assert.equal(standing === 'wrong', verdict === 'discrepancy', `${value} (step ${step}) against ${truth} (step ${truthStep}): ${standing}, compare says ${verdict}`);
    }
  });
});

describe('a finding against its primary source', () => {
  test('names the articles that are wrong and those that agree', () => {
    const a = makeClaim('A', -0.27, 0.01);
    const b = makeClaim('B', -0.37, 0.01);
    const c = makeClaim('C', -0.4, 0.1);
    const a2 = makeClaim('A', -0.37, 0.01); // A also prints the right figure elsewhere: still wrong once
    const claims = new Map([a, b, c, a2].map((x) => [x.id, x]));
    const r = againstSource({ claimIds: [a.id, b.id, c.id, a2.id] }, { primarySource: source(-0.37, 0.01, '%') }, claims)!;
    assert.deepEqual(r.wrongArticleIds, ['A']);
    assert.deepEqual(r.rightArticleIds, ['B', 'C']);
    assert.deepEqual(r.claims.map((s) => s.standing), ['wrong', 'exact', 'rounding', 'exact']);
    assert.equal(againstSource({ claimIds: [a.id] }, {}, claims), undefined);
  });
});

describe('the primary source in the review history', () => {
  const f: Finding = { id: 'f1', key: 'k', fact: { subject: 'iflytek', metric: 'revenue', period: '2023-Q1..Q3', measure: 'yoy', unitFamily: 'ratio', aspects: [] }, verdict: 'discrepancy', claimIds: [], severity: 'high', explanation: '' };
  const judged = { verdict: 'discrepancy' as const, claims: [] };
  const record = (db: Db, ps: PrimarySource | undefined, by: string, at: string) =>
    decide(db, f, (r) => void (ps ? (r.primarySource = ps) : delete r.primarySource), { by, action: ps ? 'source' : 'unsource', at, judged });

  test('recording, replacing and removing are each a history entry; undo brings back the one before', () => {
    const db = emptyDb();
    const first = source(-0.37, 0.01, '%');
    record(db, first, 'alice', '2026-12-01T00:00:00Z');
    const second = source(-0.4, 0.1, '%', { by: 'bob', title: 'rounded in the summary' });
    record(db, second, 'bob', '2026-12-01T00:01:00Z');
    assert.equal(record(db, { ...second }, 'bob', '2026-12-01T00:02:00Z'), undefined, 'the same source again is no change');
    const h = historyOf(db, 'f1');
    assert.deepEqual(h.map((e) => e.action), ['source', 'source']);
    assert.deepEqual(h[0]!.from.primarySource, first);
    assert.deepEqual(h[0]!.to.primarySource, second);
    assert.ok(undoLast(db, 'bob', '2026-12-01T00:03:00Z').ok);
    assert.deepEqual(db.reviews[0]!.primarySource, first);
    // The history keeps copies: the review's object is not shared with an entry.
    db.reviews[0]!.primarySource!.value = 99;
    assert.equal(historyOf(db, 'f1').at(-1)!.to.primarySource!.value, -0.37);
    record(db, undefined, 'alice', '2026-12-01T00:04:00Z');
    assert.equal(db.reviews[0]!.primarySource, undefined);
  });
});
