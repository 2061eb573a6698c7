// Alignment: claims from different articles that state the same fact (subject, metric,
// period, measure, unit family, aspects) form one group; nothing else does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../server/types.js';
import { alignClaims, factKeyOf, keyString, unitFamily } from '../../server/align/index.js';
import { computeFindings } from '../../server/check/index.js';
import { claimOf, extract, makeClaim } from './helpers.js';

const base = (articleId: string, extra: Partial<Claim> = {}) => makeClaim(articleId, -0.37, 0.01, extra);

describe('unit families', () => {
  test('% and pp changes share "ratio"; a % level is "%"', () => {
    assert.equal(unitFamily({ unit: '%', measure: 'yoy', metric: 'revenue' }), 'ratio');
    assert.equal(unitFamily({ unit: 'pp', measure: 'yoy', metric: 'revenue' }), 'ratio');
    assert.equal(unitFamily({ unit: '%', measure: 'level', metric: 'gross_margin' }), '%');
    // A level in points (领先第二名20.7个百分点) is a gap between two rates, not a rate: its own family.
    assert.equal(unitFamily({ unit: 'pp', measure: 'level', metric: 'market_share' }), 'pp');
  });
  test('currencies are their own family; counts of a named metric are "count", else by what is counted', () => {
    assert.equal(unitFamily({ unit: 'CNY', measure: 'level', metric: 'revenue' }), 'CNY');
    assert.equal(unitFamily({ unit: 'CNY/share', measure: 'level', metric: 'eps' }), 'CNY/share');
    assert.equal(unitFamily({ unit: 'count', measure: 'level', metric: 'sales_volume', countOf: 'vehicle' }), 'count');
    assert.equal(unitFamily({ unit: 'count', measure: 'level', metric: null, countOf: 'vehicle' }), 'count:vehicle');
  });
});

describe('fact keys', () => {
  test('the key joins subject, metric, period (as its span of months), measure, family and sorted aspects', () => {
    const c = base('A', { aspects: ['segment:overseas', 'forecast'] });
    const k = factKeyOf(c);
    assert.deepEqual(k.aspects, ['forecast', 'segment:overseas']);
    assert.equal(keyString(k), 'iflytek|revenue|2023-01..2023-09|yoy|ratio|forecast+segment:overseas');
  });
  test('an unnamed metric keys on the exact value too', () => {
    const c = base('A', { metric: null, value: 85.1, measure: 'level' });
    assert.match(keyString(factKeyOf(c), c), /\|=85\.1$/);
  });
});

describe('alignClaims', () => {
  test('the same fact in two articles forms one group with both claims', () => {
    const a = base('A');
    const b = base('B', { value: -0.27 });
    const groups = alignClaims([a, b]);
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0]!.claims.map((c) => c.id), [a.id, b.id]);
  });
  test('one article alone never forms a group', () => {
    assert.deepEqual(alignClaims([base('A'), base('A', { value: -0.27 })]), []);
  });

  const differs: Array<[string, Partial<Claim>]> = [
    ['period', { period: '2023-Q3' }],
    ['period unknown vs known', { period: null }],
    ['metric', { metric: 'net_profit' }],
    ['metric 研发费用 vs 开发支出', { metric: 'dev_expenditure' }],
    ['subject', { subject: 'chatgpt' }],
    ['measure', { measure: 'qoq' }],
    ['level vs change', { measure: 'level' }],
    ['aspects (a forecast)', { aspects: ['forecast'] }],
    ['aspects (a segment)', { aspects: ['segment:overseas'] }],
    ['aspects (a base)', { aspects: ['base'] }],
  ];
  for (const [what, change] of differs)
    test(`a different ${what} is never grouped`, () => {
      assert.deepEqual(alignClaims([base('A'), base('B', change)]), []);
    });

  test('different currencies are never grouped', () => {
    const a = makeClaim('A', 126e8, 1e8, { unit: 'CNY', measure: 'level' });
    const b = makeClaim('B', 126e8, 1e8, { unit: 'USD', measure: 'level' });
    assert.deepEqual(alignClaims([a, b]), []);
  });

  test('a % change and a pp change of the same fact are grouped (to flag percent vs points)', () => {
    const groups = alignClaims([base('A', { unit: '%', value: 5 }), base('B', { unit: 'pp', value: 1.2 })]);
    assert.equal(groups.length, 1);
  });

  test('an unnamed metric only groups identical values', () => {
    const un = (id: string, value: number) => makeClaim(id, value, 0.1, { metric: null, measure: 'level', period: null, subject: 'chatgpt' });
    assert.equal(alignClaims([un('A', 84.3), un('B', 84.3)]).length, 1);
    assert.deepEqual(alignClaims([un('A', 84.3), un('B', 84.4)]), []);
    const [f] = computeFindings([un('A', 84.3), un('B', 84.3)], new Map());
    assert.equal(f!.verdict, 'consistent', 'an unnamed figure never yields a discrepancy');
  });

  test('groups come in first-seen order and keep every claim of the fact', () => {
    const rev = [base('A', { metric: 'revenue' }), base('B', { metric: 'revenue' }), base('C', { metric: 'revenue' })];
    const np = [base('A', { metric: 'net_profit' }), base('B', { metric: 'net_profit' })];
    const groups = alignClaims([np[0]!, rev[0]!, rev[1]!, np[1]!, rev[2]!]);
    assert.deepEqual(groups.map((g) => g.fact.metric), ['net_profit', 'revenue']);
    assert.equal(groups[1]!.claims.length, 3);
  });
});

describe('alignment of extracted claims', () => {
  test('across languages: 126.14亿元 and 12.6 billion yuan on the same fact align, and agree', () => {
    const zh = extract(['科大讯飞前三季度实现营业收入126.14亿元，同比下滑0.37%。'], { date: '2023-10-26', title: '科大讯飞前三季度业绩' });
    const en = extract(['iFlytek said revenue for the first three quarters was 12.6 billion yuan, down 0.4% from a year earlier.'], {
      date: '2023-10-27',
      title: 'iFlytek results',
    });
    const findings = computeFindings([...zh.claims, ...en.claims], [zh.article, en.article]);
    const level = findings.find((f) => f.claimIds.includes(claimOf(zh.claims, '126.14').id));
    assert.ok(level, 'the revenue level aligned');
    assert.ok(level.claimIds.includes(claimOf(en.claims, '12.6').id));
    assert.equal(level.verdict, 'rounding');
    const change = findings.find((f) => f.claimIds.includes(claimOf(zh.claims, '0.37').id));
    assert.ok(change);
    assert.ok(change.claimIds.includes(claimOf(en.claims, '0.4').id));
    assert.equal(change.verdict, 'rounding', '-0.37% printed to 0.1 is -0.4%');
  });

  test('a different period of the same metric stays apart (第三季度 vs 前三季度)', () => {
    const a = extract(['科大讯飞第三季度营业收入47.72亿元。'], { date: '2023-10-26' });
    const b = extract(['科大讯飞前三季度营业收入126.14亿元。'], { date: '2023-10-26' });
    assert.deepEqual(computeFindings([...a.claims, ...b.claims], [a.article, b.article]), []);
  });

  test('a different subject of the same figure stays apart (85.1% vs ChatGPT的84.3%)', () => {
    const a = extract(['星火认知大模型V3.0已经做到了85.1%，略微领先ChatGPT的84.3%。'], { date: '2023-10-26', title: '科大讯飞' });
    const b = extract(['星火V3.0的得分为85.1%，ChatGPT的得分为84.3%。'], { date: '2023-10-26', title: '科大讯飞' });
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const spark = [claimOf(a.claims, '85.1').id, claimOf(b.claims, '85.1').id];
    const gpt = [claimOf(a.claims, '84.3').id, claimOf(b.claims, '84.3').id];
    for (const f of findings) assert.ok(!(f.claimIds.some((id) => spark.includes(id)) && f.claimIds.some((id) => gpt.includes(id))), f.key);
  });
});
