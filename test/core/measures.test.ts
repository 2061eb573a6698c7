// Passes 3 and 4: qualifiers (约, 近, 超过, about, nearly …), and the measure and sign of a
// number (level, yoy, qoq, vs_start; declines and losses negative; comparison bases).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { qualifierOf } from '../../server/extract/compute/3-qualifiers.js';
import { measureMentions, measureOf, type MeasureReading } from '../../server/extract/compute/4-measures.js';
import { scanNumbers } from '../../server/extract/index.js';
import { claimOf, close, extract, tokenOf } from './helpers.js';

function qualifier(s: string, lang: 'zh' | 'en', quotePart: string) {
  return qualifierOf(s, tokenOf(s, lang, quotePart));
}

/** The measure reading of one number, as extraction computes it (whole sentence as one clause). */
function measure(s: string, lang: 'zh' | 'en', quotePart: string): MeasureReading {
  const toks = scanNumbers(s, lang);
  const i = toks.findIndex((t) => s.slice(t.start, t.end).includes(quotePart));
  assert.ok(i >= 0, `no «${quotePart}» in «${s}»`);
  return measureOf(s, toks[i]!, toks[i - 1]?.end ?? 0, 0, s.length, measureMentions(s));
}

describe('qualifiers', () => {
  const cases: Array<[string, 'zh' | 'en', string, string, string]> = [
    ['约126亿元', 'zh', '126', 'approx', '约'],
    ['大约126亿元', 'zh', '126', 'approx', '大约'],
    ['30万辆左右', 'zh', '30', 'approx', '左右'],
    ['近百分之十', 'zh', '百分之十', 'upper', '近'],
    ['将近40%', 'zh', '40', 'upper', '将近'],
    ['超过40枚', 'zh', '40', 'lower', '超过'],
    ['逾10亿元', 'zh', '10', 'lower', '逾'],
    ['400余名运动员', 'zh', '400', 'lower', '余'],
    ['2.9万多人', 'zh', '2.9', 'lower', '多'],
    ['1000人以上', 'zh', '1000', 'lower', '以上'],
    ['about $5 billion', 'en', '5', 'approx', 'about'],
    ['around 12%', 'en', '12', 'approx', 'around'],
    ['nearly 40%', 'en', '40', 'upper', 'nearly'],
    ['more than 1,000 employees', 'en', '1,000', 'lower', 'more than'],
    ['at least 300 stores', 'en', '300', 'lower', 'at least'],
    ['up to $2 billion', 'en', '2', 'upper', 'up to'],
  ];
  for (const [s, lang, part, q, word] of cases)
    test(`${s}: ${q} (${word})`, () => assert.deepEqual(qualifier(s, lang, part), { qualifier: q, word }));

  test('a plain figure is exact', () => {
    assert.deepEqual(qualifier('营业收入126.14亿元', 'zh', '126.14'), { qualifier: 'exact' });
    assert.deepEqual(qualifier('Revenue was $40.1 billion', 'en', '40.1'), { qualifier: 'exact' });
  });

  test('the word must touch the number: a comparison is not a bound', () => {
    assert.equal(qualifier('超过了伦敦奥运会的39枚', 'zh', '39').qualifier, 'exact');
  });

  test('qualifiers reach the claim, with the word that set them', () => {
    const { claims } = extract(['前三季度科大讯飞开发支出逾10亿元，同比增长约44%。'], { date: '2023-10-28' });
    const c = claimOf(claims, '10亿元');
    assert.equal(c.qualifier, 'lower');
    assert.equal(c.qualifierWord, '逾');
    assert.equal(claimOf(claims, '44%').qualifier, 'approx');
  });
});

describe('measures and signs', () => {
  test('同比下滑 → yoy, negative', () => {
    const r = measure('营业收入126.14亿元，同比略微下滑0.37%', 'zh', '0.37');
    assert.equal(r.measure, 'yoy');
    assert.equal(r.sign, -1);
  });
  test('环比增长 → qoq, positive', () => {
    const r = measure('营收环比增长12%', 'zh', '12');
    assert.equal(r.measure, 'qoq');
    assert.equal(r.sign, 1);
  });
  test('较期初减少 → vs_start, negative', () => {
    const r = measure('期末现金较期初减少20%', 'zh', '20');
    assert.equal(r.measure, 'vs_start');
    assert.equal(r.sign, -1);
  });
  test('a change with no base named is read as year on year', () => {
    assert.deepEqual([measure('净利润增长了5%', 'zh', '5').measure, measure('净利润增长了5%', 'zh', '5').sign], ['yoy', 1]);
    assert.deepEqual([measure('revenue fell 3%', 'en', '3').measure, measure('revenue fell 3%', 'en', '3').sign], ['yoy', -1]);
  });
  test('下降2个百分点: a change in points, negative', () => {
    const r = measure('毛利率下降2个百分点', 'zh', '2');
    assert.equal(r.measure, 'yoy');
    assert.equal(r.sign, -1);
  });
  test('English direction words: rose, fell, declined, up, down', () => {
    for (const [s, sign] of [
      ['sales rose 25%', 1],
      ['revenue fell 3%', -1],
      ['profit declined 2%', -1],
      ['revenue was up 7%', 1],
      ['revenue was down 3%', -1],
      ['revenue jumped 25% to $40.1 billion', 1],
    ] as const)
      assert.equal(measure(s, 'en', '%').sign, sign, s);
  });
  test('English measure words: quarter on quarter, sequentially, y/y, from the start of the year', () => {
    assert.equal(measure('revenue rose 5% quarter on quarter', 'en', '5').measure, 'qoq');
    assert.equal(measure('revenue declined 2% sequentially', 'en', '2').measure, 'qoq');
    assert.equal(measure('sales were +24.7% y/y', 'en', '24.7').measure, 'yoy');
    assert.equal(measure('deposits grew 8% from the start of the year', 'en', '8').measure, 'vs_start');
  });
  test("'+24.7% y/y': a signed percentage is a change", () => {
    const r = measure('Sales were +24.7% y/y.', 'en', '24.7');
    assert.equal(r.measure, 'yoy');
    assert.equal(r.sign, 1);
  });
  test("'0.4 percentage point lower': the direction after the number", () => {
    const r = measure('The margin was 0.4 percentage point lower than a year earlier.', 'en', '0.4');
    assert.equal(r.measure, 'yoy');
    assert.equal(r.sign, -1);
  });
  test('a level stays a level, positive', () => {
    const r = measure('营业收入126.14亿元', 'zh', '126.14');
    assert.equal(r.measure, 'level');
    assert.equal(r.sign, 1);
    assert.equal(r.isBase, false);
  });
  test('"rose 25% to $40.11 billion": the amount after "to" is the new level', () => {
    const r = measure('Revenue rose 25% to $40.11 billion.', 'en', '40.11');
    assert.equal(r.measure, 'level');
    assert.equal(r.isBase, false);
  });
});

describe('losses', () => {
  test('亏损 / 净亏损 / 由盈转亏 make the amount negative', () => {
    assert.deepEqual([measure('公司亏损3亿元', 'zh', '3').measure, measure('公司亏损3亿元', 'zh', '3').sign], ['level', -1]);
    assert.equal(measure('净亏损3亿元', 'zh', '3').sign, -1);
    assert.equal(measure('扣非净利润由盈转亏，亏损2018.87万元', 'zh', '2018.87').sign, -1);
  });
  test('net loss of / operating loss of / lost', () => {
    assert.equal(measure('a net loss of $3 billion', 'en', '3').sign, -1);
    assert.equal(measure('Reality Labs posted an operating loss of $4.65 billion', 'en', '4.65').sign, -1);
  });
  test('in claims: losses are negative levels, declines negative changes', () => {
    const { claims } = extract(
      ['科大讯飞扣非后归母净利润由盈转亏，为-2018.87万元，同比降113.65%。', 'Reality Labs posted an operating loss of $4.65 billion.'],
      { date: '2023-10-28' },
    );
    const loss = claimOf(claims, '2018.87');
    close(loss.value, -20_188_700);
    assert.equal(loss.measure, 'level');
    const drop = claimOf(claims, '113.65');
    close(drop.value, -113.65);
    assert.equal(drop.measure, 'yoy');
    const rl = claimOf(claims, '4.65');
    close(rl.value, -4.65e9);
    assert.equal(rl.measure, 'level');
  });
});

describe('comparison bases', () => {
  test("'up from 20%': 20% is the base", () => {
    assert.equal(measure('The margin was 41%, up from 20%.', 'en', '20').isBase, true);
    assert.equal(measure('The margin was 41%, up from 20%.', 'en', '41').isBase, false);
  });
  test('相比 / 高于 / than mark a base', () => {
    assert.equal(measure('相比上年同期的57.16亿元增长82.16%', 'zh', '57.16').isBase, true);
    assert.equal(measure('高于ChatGPT的84.3%', 'zh', '84.3').isBase, true);
  });
  test('超过 right before a number is a bound, not a comparison', () => {
    assert.equal(measure('总规模超过126万亿元', 'zh', '126').isBase, false);
  });
  test('"more than 67,000 employees" is a bound, not a comparison base', () => {
    assert.equal(measure('Meta had more than 67,000 employees.', 'en', '67,000').isBase, false);
    const { claims } = extract(['Meta had more than 67,000 employees at the end of 2023.', 'Meta had over 67,000 employees at the end of 2023.'], { date: '2024-02-02' });
    assert.deepEqual(claimOf(claims, '67,000', 0).aspects, claimOf(claims, '67,000', 1).aspects);
  });
  test('a base figure in a claim is marked and not the fact itself', () => {
    const { claims } = extract(['The margin rose to 41% from 34% in 2022.'], { date: '2024-02-02' });
    assert.ok(!claimOf(claims, '41%').aspects.includes('base'));
    assert.ok(claimOf(claims, '34%').aspects.includes('base'));
  });
  test('比上年同期的57.16亿元 is last year\'s figure, not this quarter\'s', () => {
    for (const s of ['比亚迪第三季度净利润104.13亿元，比上年同期的57.16亿元增长82.16%。', '比亚迪第三季度净利润104.13亿元，较上年同期的57.16亿元增长82.16%。']) {
      const { claims } = extract([s], { date: '2023-11-01' });
      const now = claimOf(claims, '104.13');
      const base = claimOf(claims, '57.16');
      assert.ok(base.period !== now.period || base.aspects.includes('base'), `${s}: ${base.period} ${JSON.stringify(base.aspects)}`);
    }
  });
  test('相比上年同期的57.16亿元 is the year-ago quarter\'s figure, a level of its own period', () => {
    const { claims } = extract(['比亚迪第三季度净利润104.13亿元，相比上年同期的57.16亿元增长82.16%。'], { date: '2023-11-01' });
    const base = claimOf(claims, '57.16');
    assert.equal(base.period, '2022-Q3');
    assert.ok(!base.aspects.includes('base'));
    assert.equal(claimOf(claims, '104.13').period, '2023-Q3');
    assert.deepEqual(claimOf(claims, '104.13').aspects, []);
  });
});

describe('measure of claims', () => {
  test('claims carry the measure and a reason', () => {
    const { claims } = extract(['第三季度营收47.72亿元，环比增长12%。期末现金较期初减少20%。'], { date: '2023-10-28' });
    const q = claimOf(claims, '12%');
    assert.equal(q.measure, 'qoq');
    assert.match(q.why.measure ?? '', /环比/);
    const v = claimOf(claims, '20%');
    assert.equal(v.measure, 'vs_start');
    close(v.value, -20);
  });
});

describe('real-page phrasings of change', () => {
  test('a bare quarter as the base is the quarter before; one with a year is not', () => {
    assert.equal(measure('Bookings were up 64% from Q2, the firm said.', 'en', '64%').measure, 'qoq');
    assert.equal(measure('Orders grew 9% since the third quarter.', 'en', '9%').measure, 'qoq');
    assert.equal(measure('Orders grew 9% from Q3 2022.', 'en', '9%').measure, 'yoy');
  });
  test('the size of a decline stays a decline whatever happens to it; growth stays growth', () => {
    const fall = measure('The decline in factory prices narrowed to 1.8 percent in May.', 'en', '1.8');
    assert.equal(fall.sign, -1);
    assert.notEqual(fall.measure, 'level');
    assert.equal(measure('The rise in rents slowed to 3.1 percent last month.', 'en', '3.1').sign, 1);
  });
  test('"following a N% gain" names the previous period: a base, not the figure', () => {
    assert.equal(measure('Prices rose 0.4 percent, following a 0.2 percent gain.', 'en', '0.2').isBase, true);
  });
});
