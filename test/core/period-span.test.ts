// Periods as spans of months: one quarter named many ways (its fiscal label, "the quarter ended
// July 30", its calendar quarter) is one key, through the subject's fiscal calendar.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fiscalYearEndOf, periodKey, spanOf } from '../../server/align/period-span.js';
import { alignClaims, factKeyOf, keyString } from '../../server/align/index.js';
import { monthSpanLabel } from '../../server/extract/compute/6-periods.js';
import { computeFindings } from '../../server/check/index.js';
import { claimOf, extract, makeClaim } from './helpers.js';

/** Month index of a year and month (1–12), as spanOf counts them. */
const mi = (year: number, month: number) => year * 12 + month - 1;

describe('spanOf', () => {
  test('a calendar quarter, year, half, year-to-date and month are their months', () => {
    assert.deepEqual(spanOf('2023-Q3'), [mi(2023, 7), mi(2023, 9)]);
    assert.deepEqual(spanOf('2023'), [mi(2023, 1), mi(2023, 12)]);
    assert.deepEqual(spanOf('2023-H1'), [mi(2023, 1), mi(2023, 6)]);
    assert.deepEqual(spanOf('2023-H2'), [mi(2023, 7), mi(2023, 12)]);
    assert.deepEqual(spanOf('2023-Q1..Q3'), [mi(2023, 1), mi(2023, 9)]);
    assert.deepEqual(spanOf('2023-M1..M11'), [mi(2023, 1), mi(2023, 11)]);
    assert.deepEqual(spanOf('2023-12'), [mi(2023, 12), mi(2023, 12)]);
    assert.deepEqual(spanOf('2023-05..2023-07'), [mi(2023, 5), mi(2023, 7)]);
  });
  test('NVIDIA FY2024-Q2 (year ends January) is May–July 2023, the same months as 2023-05..2023-07', () => {
    assert.deepEqual(spanOf('FY2024-Q2', 1), [mi(2023, 5), mi(2023, 7)]);
    assert.deepEqual(spanOf('FY2024-Q2', 1), spanOf('2023-05..2023-07'));
  });
  test('a fiscal year ends in its fiscal year end month of the year it is named by', () => {
    assert.deepEqual(spanOf('FY2024', 6), [mi(2023, 7), mi(2024, 6)]);
    assert.deepEqual(spanOf('FY2024', 1), [mi(2023, 2), mi(2024, 1)]);
    assert.deepEqual(spanOf('FY2024-Q4', 9), [mi(2024, 7), mi(2024, 9)]);
  });
  test('a fiscal label without a calendar, a yearless label, a day or a holiday has no span', () => {
    assert.equal(spanOf('FY2024-Q2'), null);
    assert.equal(spanOf('FY2024'), null);
    for (const p of ['Q3', 'FQ2', 'Q1..Q3', 'H2', '2023-10-24', '2024-may-day']) assert.equal(spanOf(p, 1), null, p);
  });
});

describe('periodKey', () => {
  test('the lexicon gives each subject its calendar: NVIDIA 1, Microsoft 6, Apple 9; other known companies December; unknown names none', () => {
    assert.equal(fiscalYearEndOf('nvidia'), 1);
    assert.equal(fiscalYearEndOf('microsoft'), 6);
    assert.equal(fiscalYearEndOf('apple'), 9);
    assert.equal(fiscalYearEndOf('tesla'), 12);
    assert.equal(fiscalYearEndOf('Quorvane Systems'), undefined);
  });
  test('NVIDIA FY2024-Q2 and 2023-05..2023-07 are one key', () => {
    assert.equal(periodKey('FY2024-Q2', 'nvidia'), periodKey('2023-05..2023-07', 'nvidia'));
    assert.equal(periodKey('FY2024-Q2', 'nvidia'), '2023-05..2023-07');
  });
  test('Microsoft FY2024-Q1 is calendar 2023-Q3', () => {
    assert.equal(periodKey('FY2024-Q1', 'microsoft'), periodKey('2023-Q3', 'microsoft'));
    assert.equal(periodKey('FY2024-Q1', 'microsoft'), monthSpanLabel(mi(2023, 7), mi(2023, 9)));
  });
  test('Apple FY2024-Q1 is calendar 2023-Q4', () => {
    assert.equal(periodKey('FY2024-Q1', 'apple'), periodKey('2023-Q4', 'apple'));
    assert.equal(periodKey('FY2024-Q1', 'apple'), '2023-10..2023-12');
  });
  test('one fiscal label means different months for different calendars', () => {
    const keys = new Set(['nvidia', 'microsoft', 'apple', 'tesla'].map((s) => periodKey('FY2024-Q1', s)));
    assert.equal(keys.size, 4);
    assert.equal(periodKey('FY2024-Q1', 'tesla'), '2024-01..2024-03', 'a December company: fiscal is calendar');
  });
  test('a calendar label is the same key whoever the subject is', () => {
    assert.equal(periodKey('2023-Q3', 'nvidia'), '2023-07..2023-09');
    assert.equal(periodKey('2023-Q3', 'Quorvane Systems'), '2023-07..2023-09');
  });
  test('yearless labels and days stay labels', () => {
    for (const p of ['Q3', 'FQ2', 'Q1..Q3', 'H1', 'H2', '2023-10-24', '2024-spring-festival']) assert.equal(periodKey(p, 'nvidia'), p);
    assert.equal(periodKey(null, 'nvidia'), null);
  });
  test('a fiscal label for an entity not in the lexicon stays a label', () => {
    assert.equal(periodKey('FY2024-Q2', 'Quorvane Systems'), 'FY2024-Q2');
    assert.notEqual(periodKey('FY2024-Q2', 'Quorvane Systems'), periodKey('2023-05..2023-07', 'Quorvane Systems'));
  });
});

describe('fact keys through the fiscal calendar', () => {
  const level = (articleId: string, subject: string, period: string) =>
    makeClaim(articleId, 13.2e9, 1e8, { unit: 'USD', measure: 'level', metric: 'revenue', subject, period });
  test('claims labelled FY2024-Q2 and 2023-05..2023-07 for NVIDIA share a key and group', () => {
    const a = level('A', 'nvidia', 'FY2024-Q2');
    const b = level('B', 'nvidia', '2023-05..2023-07');
    assert.equal(keyString(factKeyOf(a)), keyString(factKeyOf(b)));
    assert.equal(alignClaims([a, b]).length, 1);
  });
  test('Microsoft FY2024-Q1 groups with 2023-Q3, not with 2024-Q1', () => {
    const fy = level('A', 'microsoft', 'FY2024-Q1');
    assert.equal(alignClaims([fy, level('B', 'microsoft', '2023-Q3')]).length, 1);
    assert.deepEqual(alignClaims([fy, level('B', 'microsoft', '2024-Q1')]), []);
  });
  test('for a name the lexicon lacks, FY2024-Q2 and 2023-05..2023-07 stay apart', () => {
    assert.deepEqual(alignClaims([level('A', 'Quorvane Systems', 'FY2024-Q2'), level('B', 'Quorvane Systems', '2023-05..2023-07')]), []);
  });
});

describe('end to end: a fiscal quarter and its months align', () => {
  const fiscal = () =>
    extract(['Nvidia said revenue for its fiscal second quarter rose to $13.2 billion as chip demand surged.'], { date: '2023-08-24', title: 'Nvidia quarterly report' });
  test('"fiscal second quarter" (dated August 2023) and "the quarter ended July 30, 2023" are one finding', () => {
    const a = fiscal();
    const b = extract(['For the quarter ended July 30, 2023, Nvidia revenue came to $13.2 billion, the chipmaker disclosed.'], { date: '2023-09-05', title: 'Nvidia chip sales' });
    const ca = claimOf(a.claims, '13.2');
    const cb = claimOf(b.claims, '13.2');
    assert.equal(ca.period, 'FY2024-Q2');
    assert.equal(cb.period, '2023-05..2023-07');
    assert.equal(ca.metric, 'revenue');
    assert.equal(cb.metric, 'revenue');
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const f = findings.find((x) => x.claimIds.includes(ca.id));
    assert.ok(f, 'the two revenue figures were aligned');
    assert.ok(f.claimIds.includes(cb.id), 'one finding holds both');
    assert.equal(f.verdict, 'consistent');
    assert.match(f.key, /\|2023-05\.\.2023-07\|/);
  });
  test('a different value for the same months is flagged as a strong discrepancy', () => {
    const a = fiscal();
    const b = extract(['For the quarter ended July 30, 2023, Nvidia revenue came to $11.6 billion, the chipmaker disclosed.'], { date: '2023-09-05', title: 'Nvidia chip sales' });
    const [f] = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    assert.ok(f);
    assert.equal(f.verdict, 'discrepancy');
    assert.equal(f.alignment?.strength, 'strong');
  });
  test('the quarter before (ended April 30, 2023) stays apart', () => {
    const a = fiscal();
    const b = extract(['For the quarter ended April 30, 2023, Nvidia revenue came to $7.1 billion, the chipmaker disclosed.'], { date: '2023-09-05', title: 'Nvidia chip sales' });
    assert.equal(claimOf(b.claims, '7.1').period, '2023-02..2023-04');
    assert.deepEqual(computeFindings([...a.claims, ...b.claims], [a.article, b.article]), []);
  });
});
