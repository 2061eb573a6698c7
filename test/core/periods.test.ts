// Pass 6: period phrases and their canonical form, the year from the text or the article
// date, and base periods (比上年, compared with …) that are not the claim's own period.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { periodMentions, resolvePeriod } from '../../server/extract/index.js';
import { claimOf, extract } from './helpers.js';

/** The canonical period of the one (non-base) phrase in the text, given the article date. */
function period(text: string, date?: string): string | null {
  const ms = periodMentions(text).filter((m) => !m.isBase);
  assert.equal(ms.length, 1, `expected one period phrase in «${text}», got ${JSON.stringify(ms.map((m) => m.text))}`);
  return resolvePeriod(ms[0]!.raw, { date });
}

describe('period phrases → canonical periods (article dated 2023-10-28)', () => {
  const D = '2023-10-28';
  const cases: Array<[string, string]> = [
    ['第三季度', '2023-Q3'],
    ['三季度', '2023-Q3'],
    ['2023年第三季度', '2023-Q3'],
    ['今年三季度', '2023-Q3'],
    ['前三季度', '2023-Q1..Q3'],
    ['2023年前三季度', '2023-Q1..Q3'],
    ['今年前三季度', '2023-Q1..Q3'],
    ['7月至9月', '2023-Q3'],
    ['1-9月', '2023-Q1..Q3'],
    ['上半年', '2023-H1'],
    ['2024年上半年', '2024-H1'],
    ['全年', '2023'],
    ['2023年全年', '2023'],
    ['2023年', '2023'],
    ['今年', '2023'],
    ['去年', '2022'],
    ['2023年12月', '2023-12'],
    ['截至9月30日', '2023-09-30'],
    ['Q3 2023', '2023-Q3'],
    ['Q3', '2023-Q3'],
    ['4Q23', '2023-Q4'],
    ['third quarter', '2023-Q3'],
    ['the fourth quarter of 2022', '2022-Q4'],
    ['fourth-quarter', '2022-Q4'],
    ['first nine months', '2023-Q1..Q3'],
    ['the first three quarters of 2023', '2023-Q1..Q3'],
    ['nine months ended Sept. 30', '2023-Q1..Q3'],
    ['the July-September quarter', '2023-Q3'],
    ['three months ended December 31, 2023', '2023-Q4'],
    ['first half', '2023-H1'],
    ['second half of 2022', '2022-H2'],
    ['in 2023', '2023'],
  ];
  for (const [text, want] of cases) test(`${text} → ${want}`, () => assert.equal(period(text, D), want));
});

describe('a year left out comes from the article date', () => {
  test('a quarter or month is the latest one ended by the date', () => {
    // Dated 2023-10-28: Q3 has ended, Q4 has not, so "Q4" is last year's.
    assert.equal(period('第四季度', '2023-10-28'), '2022-Q4');
    assert.equal(period('三季度', '2023-10-28'), '2023-Q3');
    assert.equal(period('three months ended Dec. 31', '2024-02-01'), '2023-Q4');
    assert.equal(period('three months ended Dec. 31', '2023-10-28'), '2022-Q4');
  });
  test('12月份 and "in December" early in a year are last December', () => {
    assert.equal(period('12月份', '2024-01-17'), '2023-12');
    assert.equal(period('The rate was 5.1% in December.', '2024-01-17'), '2023-12');
    assert.equal(period('12月份', '2023-12-31'), '2023-12');
  });
  test('全年 early in a year is the year just ended; later, the year under way', () => {
    assert.equal(period('全年', '2024-01-17'), '2023');
    assert.equal(period('全年', '2024-06-01'), '2024');
    assert.equal(period('full-year', '2024-02-01'), '2023');
  });
  test('a forecast looks forward: the next Q1', () => {
    const m = periodMentions('第一季度')[0]!;
    assert.equal(resolvePeriod(m.raw, { date: '2024-02-01', forward: true }), '2024-Q1');
    assert.equal(resolvePeriod(m.raw, { date: '2024-02-01' }), '2023-Q1');
  });
  test('with no date and no year, a quarter has no year, and 全年 is a full year without one', () => {
    assert.equal(period('第三季度'), 'Q3');
    assert.equal(period('全年'), 'FY');
  });
  test('an explicit year wins over the date', () => {
    assert.equal(period('2021年第三季度', '2023-10-28'), '2021-Q3');
    assert.equal(period('Q3 2021', '2023-10-28'), '2021-Q3');
  });
});

describe('what is not a reporting period', () => {
  test('10月24日 is a day, not a month', () => {
    assert.deepEqual(periodMentions('10月24日，科大讯飞发布').map((m) => m.raw.kind), []);
  });
  test('同比 names no period', () => {
    assert.deepEqual(periodMentions('同比下滑0.37%'), []);
  });
});

describe('base periods', () => {
  test('after 比 / 较 / compared with / from the phrase is a base', () => {
    for (const [s, text] of [
      ['比上年增长5%', '上年'],
      ['较2022年增长5%', '2022年'],
      ['Revenue rose compared with the third quarter of 2022', 'third quarter of 2022'],
      ['up from the fourth quarter of 2022', 'fourth quarter of 2022'],
    ] as const) {
      const m = periodMentions(s).find((x) => x.text.includes(text));
      assert.ok(m, `${text} in ${s}`);
      assert.equal(m.isBase, true, s);
    }
  });
  test('与上年同期相比: the phrase before 相比 is a base', () => {
    const m = periodMentions('与2022年同期相比增长5%')[0]!;
    assert.equal(m.isBase, true);
  });
  test("a claim does not take a base period as its own", () => {
    const { claims } = extract(['科大讯飞2023年第三季度营业收入47.72亿元，比2022年第三季度增长2.89%。'], { date: '2023-10-28' });
    assert.equal(claimOf(claims, '47.72').period, '2023-Q3');
    assert.equal(claimOf(claims, '2.89').period, '2023-Q3');
  });
  test('English: "compared with $116.6 billion in 2022" is the 2022 base', () => {
    const { claims } = extract(['Meta said revenue in 2023 was $134.9 billion, compared with $116.6 billion in 2022.'], { date: '2024-02-02' });
    assert.equal(claimOf(claims, '134.9').period, '2023');
    const base = claimOf(claims, '116.6');
    assert.ok(base.period === '2022' || base.aspects.includes('base'), JSON.stringify(base));
  });
});

describe('periods of claims in articles', () => {
  const D = { date: '2023-10-28' };
  test('前三季度 governs the clause chain after it', () => {
    const { claims } = extract(['科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。'], D);
    assert.equal(claimOf(claims, '126.14').period, '2023-Q1..Q3');
    assert.equal(claimOf(claims, '0.37').period, '2023-Q1..Q3');
  });
  test('the year named earlier in the sentence goes to a phrase without one (2023年…前三季度)', () => {
    const { claims } = extract(['2022年科大讯飞表现平平，而前三季度营业收入126.14亿元。'], { date: '2023-10-28' });
    assert.equal(claimOf(claims, '126.14').period, '2022-Q1..Q3');
  });
  test('a sentence with no figure sets the period of the paragraph', () => {
    const { claims } = extract(['从前三季度情况看，表现平稳。科大讯飞营业收入126.14亿元。'], D);
    assert.equal(claimOf(claims, '126.14').period, '2023-Q1..Q3');
  });
  test("the period does not leak into the next paragraph; a named metric takes the article's main period", () => {
    const { claims } = extract(['科大讯飞第三季度营业收入47.72亿元。', '科大讯飞营业收入126.14亿元。'], { ...D, title: '科大讯飞前三季度业绩' });
    assert.equal(claimOf(claims, '47.72').period, '2023-Q3');
    assert.equal(claimOf(claims, '126.14').period, '2023-Q1..Q3');
  });
  test('an unnamed figure with no period of its own has none', () => {
    const { claims } = extract(['星火认知大模型V3.0已经做到了85.1%。'], D);
    assert.equal(claimOf(claims, '85.1').period, null);
  });
  test('English: Q3 2023, 4Q23, first nine months, July-September quarter', () => {
    const { claims } = extract(
      [
        'Net income in Q3 2023 was $11.6 billion.',
        'In 4Q23, revenue was $40bn.',
        'In the first nine months, revenue was $100 billion.',
        'The July-September quarter saw revenue of $34.1 billion.',
        'Revenue for the three months ended Dec. 31 was $40.1 billion.',
      ],
      { date: '2024-02-02', title: 'Meta results' },
    );
    assert.equal(claimOf(claims, '11.6').period, '2023-Q3');
    assert.equal(claimOf(claims, '$40bn').period, '2023-Q4');
    assert.equal(claimOf(claims, '$100 billion').period, '2023-Q1..Q3');
    assert.equal(claimOf(claims, '34.1').period, '2023-Q3');
    assert.equal(claimOf(claims, '40.1').period, '2023-Q4');
  });
  test('English puts the period after the figure: "5.1% in December"', () => {
    const { claims } = extract(['The unemployment rate was 5.1% in December.'], { date: '2024-01-17' });
    assert.equal(claimOf(claims, '5.1').period, '2023-12');
  });
  test('上半年, 全年, 12月份 in Chinese claims', () => {
    const { claims } = extract(['比亚迪上半年营收2601亿元。全年营收超过6000亿元。12月份销量约34万辆。'], { date: '2024-01-02' });
    assert.equal(claimOf(claims, '2601').period, '2023-H1');
    assert.equal(claimOf(claims, '6000').period, '2023');
    assert.equal(claimOf(claims, '34万').period, '2023-12');
  });
});

describe('period phrases by script', () => {
  // The Chinese patterns run only on sentences with a Han character, the English ones only on
  // sentences with a Latin letter; a sentence that mixes the two is read with both.
  test('a Chinese sentence with an English period phrase reads both, in order', () => {
    assert.deepEqual(
      periodMentions('公司Q3营收增长，前三季度利润下降').map((m) => [m.text, m.raw.kind]),
      [['Q3', 'Q'], ['前三季度', 'YTD']],
    );
  });
  test('an English sentence with a Chinese period phrase reads both', () => {
    assert.deepEqual(
      periodMentions('Revenue in the third quarter (第三季度) rose').map((m) => m.text),
      ['third quarter', '第三季度'],
    );
  });
  test('a sentence of digits and signs alone names no period', () => {
    assert.deepEqual(periodMentions('12.5% / 2023 - 3,000'), []);
  });
});
