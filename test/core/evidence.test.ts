// Evidence for an alignment, and agreement by value. A group is as strong as its weakest source:
// strong when every source states subject and period (or takes them from its own article), weak
// when a field came from the story or a metric is unnamed. Weak alignments show agreement but are
// never flagged; agreement by value groups compatible claims that key equality missed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Basis, Claim, Story } from '../../server/types.js';
import { agreementGroups, alignClaims, alignmentOf, looseMatch } from '../../server/align/index.js';
import { digitsOf } from '../../server/align/agreement.js';
import { computeFindings } from '../../server/check/index.js';
import { storiesOf, withStoryDefaults } from '../../server/story/index.js';
import { claimOf, extract, makeClaim } from './helpers.js';

const basis = (subject: Basis, period: Basis) => ({ basis: { subject, period } });
/** A revenue level of iFlytek's first three quarters, 12.83 billion yuan to the million. */
const rev = (articleId: string, extra: Partial<Claim> = {}) =>
  makeClaim(articleId, 128.3e8, 1e6, { unit: 'CNY', measure: 'level', metric: 'revenue', period: '2023-Q1..Q3', ...extra });

describe('alignmentOf', () => {
  test('strong (score 1) when every source states metric, subject and period', () => {
    const a = alignmentOf([rev('A', basis('stated', 'stated')), rev('B', basis('stated', 'stated'))]);
    assert.equal(a.strength, 'strong');
    assert.equal(a.score, 1);
    for (const f of ['metric', 'subject', 'period']) assert.ok(a.stated.includes(f), f);
    assert.deepEqual(a.inferred, []);
  });
  test("strong when a source takes subject or period from its own article's default", () => {
    const a = alignmentOf([rev('A', basis('article', 'article')), rev('B', basis('stated', 'stated'))]);
    assert.equal(a.strength, 'strong');
    assert.equal(a.score, 0.75);
    assert.ok(!a.stated.includes('subject'));
    assert.ok(a.inferred.some((x) => /^subject: .*article's default/.test(x)), JSON.stringify(a.inferred));
  });
  test('strong when a field was set earlier in the paragraph, or only its year came from the story', () => {
    assert.equal(alignmentOf([rev('A', basis('paragraph', 'stated')), rev('B')]).strength, 'strong');
    const y = alignmentOf([rev('A', basis('stated', 'story-year')), rev('B')]);
    assert.equal(y.strength, 'strong');
    assert.equal(y.score, 0.7);
  });
  test("weak when a source's period is the story's default", () => {
    const a = alignmentOf([rev('A', basis('stated', 'story')), rev('B', basis('stated', 'stated'))]);
    assert.equal(a.strength, 'weak');
    assert.ok(a.score < 0.7);
    assert.ok(a.inferred.some((x) => /^period: .*story's default/.test(x)), JSON.stringify(a.inferred));
  });
  test("a subject from the story is nearly as good as the article's own: strong, and said to be inferred", () => {
    const a = alignmentOf([rev('A', basis('story', 'stated')), rev('B')]);
    assert.equal(a.strength, 'strong');
    assert.equal(a.score, 0.7);
    assert.ok(a.inferred.some((x) => /^subject: .*story's default/.test(x)), JSON.stringify(a.inferred));
  });
  test("weak when a source's subject and period both come from the story", () => {
    assert.equal(alignmentOf([rev('A', basis('story', 'story')), rev('B')]).strength, 'weak');
  });
  test('weak when a metric is unnamed by some source, whatever else is stated', () => {
    const a = alignmentOf([rev('A', { metric: null }), rev('B')]);
    assert.equal(a.strength, 'weak');
    assert.ok(!a.stated.includes('metric'));
    assert.ok(a.inferred.some((x) => x.startsWith('metric:')));
  });
  test('claims with no basis (manual ones) count as stated; a report of one event with no period is not weak', () => {
    assert.equal(alignmentOf([rev('A', { basis: undefined }), rev('B', { basis: undefined })]).strength, 'strong');
    assert.equal(alignmentOf([rev('A', { period: null, ...basis('stated', 'none') }), rev('B', { period: null, ...basis('stated', 'none') })]).strength, 'strong');
  });
  test('a period not said by one source only is weak', () => {
    assert.equal(alignmentOf([rev('A', { period: null, ...basis('stated', 'none') }), rev('B')]).strength, 'weak');
  });
});

describe('digitsOf', () => {
  test('126.14亿 printed to the million has 5 significant digits; 5% has 1; 0 has none', () => {
    assert.equal(digitsOf({ value: 126.14e8, precision: 1e6 }), 5);
    assert.equal(digitsOf({ value: 5, precision: 1 }), 1);
    assert.equal(digitsOf({ value: -0.37, precision: 0.01 }), 2);
    assert.equal(digitsOf({ value: 0, precision: 1 }), 0);
  });
});

describe('looseMatch', () => {
  test('one source leaves the metric unsaid: a match, saying so', () => {
    assert.deepEqual(looseMatch(rev('A'), rev('B', { metric: null })), ['metric named by one source only']);
  });
  test('one source leaves the period unsaid: a match, saying so', () => {
    assert.deepEqual(looseMatch(rev('A'), rev('B', { period: null, ...basis('stated', 'none') })), ['period said by one source only']);
  });
  test('a period from the story that differs from a stated one is unknown, not different', () => {
    assert.deepEqual(looseMatch(rev('A'), rev('B', { period: '2023', ...basis('stated', 'story') })), ['period said by one source only']);
  });
  test('values within rounding match: 128.3亿 and 128亿 (to the 100 million)', () => {
    assert.ok(looseMatch(rev('A'), rev('B', { metric: null, value: 128e8, precision: 1e8 })));
    assert.equal(looseMatch(rev('A'), rev('B', { metric: null, value: 129.1e8 })), undefined);
  });
  test('a count of a named metric and the same count with neither metric nor noun said: one fact, saying both', () => {
    const delivered = rev('A', { unit: 'count', metric: 'sales_volume', value: 136_852, precision: 1, countOf: 'vehicle' });
    const bare = rev('B', { unit: 'count', metric: null, value: 136_852, precision: 1, countOf: undefined });
    assert.deepEqual(looseMatch(delivered, bare), ['what is counted named by one source only', 'metric named by one source only']);
    assert.equal(looseMatch(delivered, { ...bare, value: 136_000 }), undefined);
  });
  test('two different named metrics are two facts', () => {
    assert.equal(looseMatch(rev('A'), rev('B', { metric: 'net_profit' })), undefined);
  });
  test('two different stated periods are two periods', () => {
    assert.equal(looseMatch(rev('A'), rev('B', { period: '2023-Q3' })), undefined);
    assert.equal(looseMatch(rev('A', { metric: null }), rev('B', { period: '2023-H1' })), undefined);
  });
  test('a figure of one significant digit (5%) is too likely a coincidence', () => {
    const five = (id: string, extra: Partial<Claim> = {}) => makeClaim(id, 5, 1, { measure: 'yoy', unit: '%', ...extra });
    assert.equal(looseMatch(five('A'), five('B', { metric: null })), undefined);
    // The same pair printed with two digits does match.
    const fifty = (id: string, extra: Partial<Claim> = {}) => makeClaim(id, 52, 1, { measure: 'yoy', unit: '%', ...extra });
    assert.ok(looseMatch(fifty('A'), fifty('B', { metric: null })));
  });
  test('subject, unit, measure and article must agree', () => {
    assert.equal(looseMatch(rev('A'), rev('B', { metric: null, subject: 'byd' })), undefined);
    assert.equal(looseMatch(rev('A'), rev('B', { metric: null, unit: 'USD' })), undefined);
    assert.equal(looseMatch(rev('A'), rev('B', { metric: null, measure: 'yoy' })), undefined);
    assert.equal(looseMatch(rev('A'), rev('A', { metric: null })), undefined);
  });
  test('a count whose noun one source leaves unsaid matches; two different nouns do not', () => {
    const jobs = (id: string, extra: Partial<Claim> = {}) => makeClaim(id, 41_000, 1000, { measure: 'yoy', unit: 'count', metric: null, period: null, ...basis('stated', 'none'), ...extra });
    assert.deepEqual(looseMatch(jobs('A', { countOf: 'job' }), jobs('B')), ['what is counted named by one source only']);
    assert.equal(looseMatch(jobs('A', { countOf: 'job' }), jobs('B', { countOf: 'person' })), undefined);
  });
  test('metric and period both unsaid needs an identical value of at least 3 digits', () => {
    const loose = { metric: null, period: null, ...basis('stated', 'none') } as const;
    assert.deepEqual(looseMatch(rev('A'), rev('B', loose)), ['metric named by one source only', 'period said by one source only']);
    assert.equal(looseMatch(rev('A'), rev('B', { ...loose, value: 128e8, precision: 1e8 })), undefined, 'within rounding is not enough');
  });
});

describe('agreementGroups', () => {
  const story: Story = { id: 's1', subject: 'iflytek', period: '2023-Q1..Q3', articleIds: ['A', 'B'] };
  test('a metric left unsaid by one source makes a weak agreement group of the pair', () => {
    const a = rev('A');
    const b = rev('B', { metric: null });
    const groups = agreementGroups([a, b], [story]);
    assert.equal(groups.length, 1);
    const g = groups[0]!;
    assert.equal(g.alignment?.strength, 'weak');
    assert.deepEqual(g.alignment?.inferred, ['metric named by one source only']);
    assert.deepEqual(g.claims.map((c) => c.id).sort(), [a.id, b.id].sort());
    assert.equal(g.fact.metric, 'revenue', 'the fact is named by the source that names it');
    assert.match(g.key, /^agree\|/);
  });
  test('two named metrics, two stated periods, or a 1-digit value make no group', () => {
    assert.deepEqual(agreementGroups([rev('A'), rev('B', { metric: 'net_profit' })], [story]), []);
    assert.deepEqual(agreementGroups([rev('A'), rev('B', { period: '2023-Q3' })], [story]), []);
    const five = (id: string, extra: Partial<Claim> = {}) => makeClaim(id, 5, 1, { measure: 'yoy', unit: '%', ...extra });
    assert.deepEqual(agreementGroups([five('A'), five('B', { metric: null })], [story]), []);
  });
  test('claims with the same key are left to key alignment', () => {
    assert.deepEqual(agreementGroups([rev('A'), rev('B')], [story]), []);
  });
  test('claims of different stories are never compared', () => {
    const other: Story[] = [
      { id: 's1', subject: 'iflytek', period: '2023-Q1..Q3', articleIds: ['A'] },
      { id: 's2', subject: 'iflytek', period: '2024-Q1..Q3', articleIds: ['B'] },
    ];
    assert.deepEqual(agreementGroups([rev('A'), rev('B', { metric: null })], other), []);
  });
});

describe('end to end through computeFindings', () => {
  const dated = () => extract(['科大讯飞前三季度营业收入128.3亿元，同比增长1.2%。'], { date: '2023-10-24', title: '科大讯飞三季报' });

  test('a weak alignment whose values disagree is not flagged', () => {
    const a = dated();
    // Undated, no period: the period can only come from the story.
    const u = extract(['公司营业收入119.7亿元，经营保持稳健。'], { title: '科大讯飞经营简评' });
    const uc = claimOf(u.claims, '119.7');
    assert.equal(uc.period, null);
    const claims = [...a.claims, ...u.claims];
    // The pair does align (through the story's period), and weakly …
    const filled = withStoryDefaults(claims, storiesOf([a.article, u.article], claims));
    const g = alignClaims(filled).find((x) => x.claims.some((c) => c.id === uc.id));
    assert.ok(g, 'the undated figure aligns with the dated one through the story');
    assert.equal(alignmentOf(g.claims).strength, 'weak');
    // … so the disagreement is not shown as a discrepancy.
    const findings = computeFindings(claims, [a.article, u.article]);
    assert.ok(!findings.some((f) => f.claimIds.includes(uc.id) && f.verdict === 'discrepancy'), JSON.stringify(findings));
  });
  test('a strong alignment whose values disagree is flagged', () => {
    const a = dated();
    const b = extract(['科大讯飞前三季度营业收入119.7亿元。'], { date: '2023-10-26', title: '科大讯飞业绩' });
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(b.claims, '119.7').id));
    assert.ok(f);
    assert.equal(f.verdict, 'discrepancy');
    assert.equal(f.alignment?.strength, 'strong');
    assert.ok(f.claimIds.includes(claimOf(a.claims, '128.3').id));
  });
  test('a weak agreement (metric unnamed by one source) appears with strength weak', () => {
    const a = dated();
    const b = extract(['科大讯飞前三季度实现128.3亿元，表现平稳。'], { date: '2023-10-26', title: '科大讯飞观察' });
    const bc = claimOf(b.claims, '128.3');
    assert.equal(bc.metric, null);
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const f = findings.find((x) => x.claimIds.includes(bc.id));
    assert.ok(f, 'shown as agreement');
    assert.ok(f.claimIds.includes(claimOf(a.claims, '128.3').id));
    assert.equal(f.alignment?.strength, 'weak');
    assert.notEqual(f.verdict, 'discrepancy');
  });
  test('a weak agreement by value never becomes a discrepancy even when the values only overlap by rounding', () => {
    const a = dated();
    const b = extract(['科大讯飞前三季度实现约128亿元，表现平稳。'], { date: '2023-10-26', title: '科大讯飞观察' });
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(b.claims, '128').id));
    assert.ok(f);
    assert.equal(f.alignment?.strength, 'weak');
    assert.notEqual(f.verdict, 'discrepancy');
  });
});

describe('figures too far apart to be one fact misprinted', () => {
  const pair = (x: string, y: string) => {
    const a = extract([`Lenovo's operating profit for the third quarter of 2023 was ${x}.`], { date: '2023-10-20', title: 'Lenovo results' });
    const b = extract([`Lenovo reported third-quarter 2023 operating profit of ${y}.`], { date: '2023-10-21', title: 'Lenovo quarter' });
    return computeFindings([...a.claims, ...b.claims], [a.article, b.article]).filter((f) => f.verdict === 'discrepancy');
  };
  test('more than twice apart with nothing to explain it: not flagged', () => {
    assert.deepEqual(pair('$4.2 billion', '$1.3 billion'), []);
  });
  test('a tenfold slip explains it: flagged, with the cause', () => {
    const [f] = pair('$4.2 billion', '$42 billion');
    assert.ok(f);
    assert.equal(f.cause, 'tenfold');
  });
  test('a close disagreement is flagged', () => {
    assert.equal(pair('$4.2 billion', '$4.6 billion').length, 1);
  });
  test('two figures of one list read in the wrong order are a swap', () => {
    const a = extract(["In 2023 Lenovo's exports and imports rose 7.1% and 2.2% respectively."], { date: '2024-01-12', title: 'Lenovo trade' });
    const b = extract(["In 2023 Lenovo's exports rose 2.2% and imports rose 7.1%."], { date: '2024-01-13', title: 'Lenovo trade data' });
    const flagged = computeFindings([...a.claims, ...b.claims], [a.article, b.article]).filter((f) => f.verdict === 'discrepancy');
    assert.ok(flagged.length >= 1, JSON.stringify(flagged));
    assert.ok(flagged.every((f) => f.cause === 'swap'), JSON.stringify(flagged.map((f) => f.cause)));
  });
});
