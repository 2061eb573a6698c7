// Pass 5: the metric, canonical, from a lexicon of zh and en aliases kept in data
// (server/extract/model/metrics.json), carried along a clause chain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findAll, metricById, metricOf, metricRe } from '../../server/extract/model/lexicon.js';
import { metricMentions } from '../../server/extract/compute/5-metrics.js';
import { ROOT, claimOf, extract } from './helpers.js';

describe('the metric lexicon', () => {
  test('lives in data: every entry of metrics.json is loaded, and nothing else', () => {
    const file = JSON.parse(readFileSync(`${ROOT}server/extract/model/metrics.json`, 'utf8')) as { metrics: Array<{ id: string }> };
    assert.deepEqual([...metricById.keys()].sort(), file.metrics.map((m) => m.id).sort());
  });

  const aliases: Array<[string, string]> = [
    ['营业收入', 'revenue'],
    ['营收', 'revenue'],
    ['营业总收入', 'revenue'],
    ['revenue', 'revenue'],
    ['Revenues', 'revenue'],
    ['归属于上市公司股东的净利润', 'net_profit'],
    ['归母净利润', 'net_profit'],
    ['净利润', 'net_profit'],
    ['net profit attributable to shareholders', 'net_profit'],
    ['net income', 'net_profit'],
    ['扣非净利润', 'net_profit_recurring'],
    ['扣除非经常性损益后的净利润', 'net_profit_recurring'],
    ['扣非后归母净利润', 'net_profit_recurring'],
    ['研发费用', 'rd_expense'],
    ['R&D expenses', 'rd_expense'],
    ['开发支出', 'dev_expenditure'],
    ['毛利率', 'gross_margin'],
    ['gross margin', 'gross_margin'],
    ['每股收益', 'eps'],
    ['EPS', 'eps'],
    ['diluted earnings per share', 'eps'],
    ['金牌', 'gold_medals'],
  ];
  for (const [alias, id] of aliases) test(`${alias} → ${id}`, () => assert.equal(metricOf(alias), id));

  test('研发费用 ≠ 开发支出; 扣非净利润 ≠ 归母净利润', () => {
    assert.notEqual(metricOf('研发费用'), metricOf('开发支出'));
    assert.notEqual(metricOf('扣非净利润'), metricOf('归属于上市公司股东的净利润'));
    assert.notEqual(metricOf('毛利'), metricOf('毛利率'));
  });

  test('the longest alias wins where aliases overlap', () => {
    assert.deepEqual(metricMentions('扣非净利润为-2018.87万元').map((m) => [m.text, m.metric]), [['扣非净利润', 'net_profit_recurring']]);
    assert.deepEqual(
      metricMentions('归属于上市公司股东的净利润9936.21万元').map((m) => m.metric),
      ['net_profit'],
    );
    assert.deepEqual(findAll(metricRe, '销售毛利率').map((m) => m.text), ['销售毛利率']);
  });

  test('English aliases sit on word boundaries', () => {
    assert.deepEqual(findAll(metricRe, 'prerevenue stage').length, 0);
    assert.deepEqual(metricMentions('Total revenue rose').map((m) => m.metric), ['revenue']);
  });
});

describe('metrics of claims', () => {
  const D = { date: '2023-10-28', title: '科大讯飞前三季度业绩' };

  test('营业收入126.14亿元，同比下滑0.37%: the change belongs to revenue (clause-chain carry-over)', () => {
    const { claims } = extract(['科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。'], D);
    assert.equal(claimOf(claims, '126.14').metric, 'revenue');
    assert.equal(claimOf(claims, '0.37').metric, 'revenue');
  });

  test('the carry-over stops at a clause that names another quantity (营业成本, costs)', () => {
    const zh = extract(['第三季度营业收入47.72亿元，同比增长2.89%，营业成本下降8%。'], D).claims;
    assert.equal(claimOf(zh, '2.89').metric, 'revenue');
    assert.notEqual(claimOf(zh, '8%').metric, 'revenue');
    const en = extract(['Revenue was $40.1bn, up 25% y/y, while costs fell 8% to $23.7bn.'], { date: '2024-02-02', title: 'Meta Q4' }).claims;
    assert.equal(claimOf(en, '25%').metric, 'revenue');
    assert.notEqual(claimOf(en, '8%').metric, 'revenue');
    assert.notEqual(claimOf(en, '23.7').metric, 'revenue');
  });

  test('the nearest metric before a number in its clause: revenue, then net profit', () => {
    const { claims } = extract(['前三季度营业收入126.14亿元，同比下滑0.37%；归属于上市公司股东的净利润9936.21万元，同比下滑76%。'], D);
    assert.equal(claimOf(claims, '126.14').metric, 'revenue');
    assert.equal(claimOf(claims, '9936.21').metric, 'net_profit');
    assert.equal(claimOf(claims, '76%').metric, 'net_profit');
  });

  test('扣非净利润 and 归母净利润 in one sentence stay distinct', () => {
    const { claims } = extract(['科大讯飞扣非净利润为-2018.87万元，归母净利润为2579.01万元。'], D);
    assert.equal(claimOf(claims, '2018.87').metric, 'net_profit_recurring');
    assert.equal(claimOf(claims, '2579.01').metric, 'net_profit');
  });

  test('研发费用 +7.19% and 开发支出 +44% are different metrics', () => {
    const { claims } = extract(['科大讯飞研发费用同比增长7.19%，开发支出同比增长44%。'], D);
    assert.equal(claimOf(claims, '7.19').metric, 'rd_expense');
    assert.equal(claimOf(claims, '44%').metric, 'dev_expenditure');
  });

  test('English: the metric after the figure in its clause ("$40.1 billion in revenue")', () => {
    const { claims } = extract(['Meta had $40.1 billion in revenue.'], { date: '2024-02-02' });
    assert.equal(claimOf(claims, '40.1').metric, 'revenue');
  });

  test('a count names its own metric: 40枚金牌 → gold medals, 404名参赛运动员 → athletes', () => {
    const { claims } = extract(['中国队获得40枚金牌，参赛运动员404名。'], { date: '2024-08-12' });
    assert.equal(claimOf(claims, '40枚').metric, 'gold_medals');
    assert.equal(claimOf(claims, '404').metric, 'athletes');
  });

  test('a per-share amount of earnings is EPS, with a per-share unit', () => {
    const en = extract(['Meta reported diluted EPS of $5.33 per share.'], { date: '2024-02-02' }).claims;
    const c = claimOf(en, '5.33');
    assert.equal(c.metric, 'eps');
    assert.equal(c.unit, 'USD/share');
    const zh = extract(['比亚迪基本每股收益3.58元。'], { date: '2023-10-30' }).claims;
    assert.equal(claimOf(zh, '3.58').metric, 'eps');
    assert.equal(claimOf(zh, '3.58').unit, 'CNY/share');
  });

  test('a large amount next to a per-share metric is not per share ("the dividend costs $5bn a year")', () => {
    const { claims } = extract(['The dividend costs $5bn a year.'], { date: '2024-02-02' });
    const c = claimOf(claims, '$5bn');
    assert.notEqual(c.metric, 'dividend_per_share');
    assert.equal(c.unit, 'USD');
  });

  test('a figure with no metric named has metric null', () => {
    const { claims } = extract(['星火认知大模型V3.0已经做到了85.1%。'], D);
    assert.equal(claimOf(claims, '85.1').metric, null);
  });

  test('each claim explains its metric', () => {
    const { claims } = extract(['科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。'], D);
    assert.match(claimOf(claims, '126.14').why.metric ?? '', /营业收入/);
  });
});

describe('what else makes a different fact (aspects)', () => {
  test('海外销量 ≠ 销量', () => {
    const { claims } = extract(['比亚迪第三季度销量为82.4万辆，海外销量为6.3万辆。'], { date: '2023-11-01' });
    const all = claimOf(claims, '82.4');
    const overseas = claimOf(claims, '6.3万');
    assert.equal(all.metric, overseas.metric);
    assert.deepEqual(all.aspects, []);
    assert.ok(overseas.aspects.includes('segment:overseas'));
  });
  test('a forecast is not the actual figure', () => {
    const { claims } = extract(['公司预计全年营收将达到600亿元。'], { date: '2023-11-01' });
    assert.ok(claimOf(claims, '600').aspects.includes('forecast'));
  });
  test('range ends are marked', () => {
    const { claims } = extract(['Meta预计第一季度营收为345亿至370亿美元。'], { date: '2024-02-02' });
    assert.ok(claimOf(claims, '345').aspects.includes('range:low'));
    assert.ok(claimOf(claims, '370').aspects.includes('range:high'));
  });
});
