// Pass 8: 分别 and "respectively" lists pair the n-th number with the n-th item.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listItems } from '../../server/extract/compute/8-lists.js';
import { entityMentions } from '../../server/extract/compute/7-subjects.js';
import { scanNumbers } from '../../server/extract/index.js';
import { claimOf, close, extract } from './helpers.js';

function items(s: string, lang: 'zh' | 'en') {
  const toks = scanNumbers(s, lang);
  const m = listItems(s, toks, entityMentions(s, lang), lang);
  return toks.map((t, i) => [s.slice(t.start, t.end), m.get(i)?.text ?? null, m.get(i)?.entityId ?? null]);
}

describe('分别 lists', () => {
  test('第一、二、三产业增加值: items that share a head get it back', () => {
    assert.deepEqual(items('第一、二、三产业增加值分别增长4.1%、4.7%和5.8%', 'zh'), [
      ['4.1%', '第一产业增加值', null],
      ['4.7%', '第二产业增加值', null],
      ['5.8%', '第三产业增加值', null],
    ]);
  });
  test('each item names the metric of its number', () => {
    const { claims } = extract(['2023年，第一、二、三产业增加值分别增长4.1%、4.7%和5.8%。'], { date: '2024-01-17', title: '国家统计局' });
    assert.equal(claimOf(claims, '4.1').metric, 'primary_industry_va');
    assert.equal(claimOf(claims, '4.7').metric, 'secondary_industry_va');
    assert.equal(claimOf(claims, '5.8').metric, 'tertiary_industry_va');
  });
  test('营业收入和净利润分别为126亿元和9936万元', () => {
    const { claims } = extract(['科大讯飞前三季度营业收入和净利润分别为126亿元和9936万元。'], { date: '2023-10-28' });
    assert.equal(claimOf(claims, '126').metric, 'revenue');
    assert.equal(claimOf(claims, '9936').metric, 'net_profit');
  });
  test('二者…分别: the numbers go to the two entities named before', () => {
    const { claims } = extract(['星火V3.0与ChatGPT对比，二者准确率分别为85.1%和84.3%。'], { date: '2023-10-28', title: '科大讯飞' });
    assert.equal(claimOf(claims, '85.1').subject, '星火v3.0');
    assert.equal(claimOf(claims, '84.3').subject, 'chatgpt');
  });
  test('a change word before a list governs every number in it: 分别增长4.1%、4.7%和5.8%', () => {
    const { claims } = extract(['2023年，第一、二、三产业增加值分别增长4.1%、4.7%和5.8%。'], { date: '2024-01-17', title: '国家统计局' });
    for (const q of ['4.1', '4.7', '5.8']) assert.equal(claimOf(claims, q).measure, 'yoy', q);
    const down = extract(['出口和进口分别下降4.6%和5.5%。'], { date: '2024-01-17', title: '海关总署' }).claims;
    close(claimOf(down, '4.6').value, -4.6);
    close(claimOf(down, '5.5').value, -5.5);
  });
  test('a list of entities gives each number its subject: 中国和美国分别获得40枚和39枚金牌', () => {
    const { claims } = extract(['中国和美国分别获得40枚和39枚金牌。'], { date: '2024-08-12', title: '巴黎奥运会' });
    assert.equal(claimOf(claims, '40枚').subject, 'china');
    assert.equal(claimOf(claims, '39枚').subject, 'united-states');
  });
});

describe('respectively lists', () => {
  test('without a comma: revenue and net income', () => {
    const { claims } = extract(['Revenue and net income were $40.1 billion and $14.0 billion respectively.'], { date: '2024-02-02', title: 'Meta results' });
    assert.equal(claimOf(claims, '40.1').metric, 'revenue');
    assert.equal(claimOf(claims, '14.0').metric, 'net_profit');
  });
  test("silver and bronze tallies were 24 and 27 respectively", () => {
    const { claims } = extract(['Its silver and bronze tallies were 24 and 27 respectively.'], { date: '2024-08-12', title: 'Paris 2024' });
    assert.equal(claimOf(claims, '24').metric, 'silver_medals');
    assert.equal(claimOf(claims, '27').metric, 'bronze_medals');
  });
  test('with the usual comma: "…were $40.1 billion and $14.0 billion, respectively."', () => {
    const { claims } = extract(['Revenue and net income were $40.1 billion and $14.0 billion, respectively.'], { date: '2024-02-02', title: 'Meta results' });
    assert.equal(claimOf(claims, '40.1').metric, 'revenue');
    assert.equal(claimOf(claims, '14.0').metric, 'net_profit');
    const medals = extract(['Its silver and bronze tallies were 24 and 27, respectively.'], { date: '2024-08-12', title: 'Paris 2024' }).claims;
    assert.equal(claimOf(medals, '24').metric, 'silver_medals');
  });
  test('a list of entities gives each number its subject: "China and the US won 40 and 39 golds respectively"', () => {
    for (const s of ['China and the US won 40 and 39 golds respectively.', 'China and the US won 40 and 39 golds, respectively.']) {
      const { claims } = extract([s], { date: '2024-08-12', title: 'Paris 2024' });
      assert.equal(claimOf(claims, '40').subject, 'china', s);
      assert.equal(claimOf(claims, '39').subject, 'united-states', s);
    }
  });
  test('a single number is no list', () => {
    assert.deepEqual(items('Revenue was $40.1 billion, respectively.', 'en'), [['$40.1 billion', null, null]]);
  });
});
