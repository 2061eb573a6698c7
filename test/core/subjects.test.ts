// Pass 7: the entity a number belongs to. By default the article's main subject; an entity
// named before the number in its sentence; the owner in "ChatGPT的84.3%", "85.1%（星火V3.0）",
// "ahead of Australia on 18 golds"; carried within a paragraph, never across.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { entityMentions, nameId } from '../../server/extract/compute/7-subjects.js';
import { entityOf } from '../../server/extract/model/lexicon.js';
import { claimOf, extract } from './helpers.js';

describe('entity names', () => {
  test('zh and en names of one entity share an id', () => {
    assert.equal(entityOf('科大讯飞'), 'iflytek');
    assert.equal(entityOf('iFlytek'), 'iflytek');
    assert.equal(entityOf('比亚迪'), 'byd');
    assert.equal(entityOf('BYD'), 'byd');
    assert.equal(entityOf('中国'), entityOf('China'));
  });
  test('names outside the lexicon: generic heads dropped, case folded (星火认知大模型V3.0 = 星火V3.0)', () => {
    assert.equal(nameId('星火认知大模型V3.0'), nameId('星火V3.0'));
    assert.equal(nameId('星火V3.0'), '星火v3.0');
    assert.notEqual(nameId('星火V3.0'), nameId('星火V2.0'));
    assert.equal(nameId('ChatGPT'), 'chatgpt');
  });
  test('Latin names and versioned names are found in Chinese text; short capitals are not owners', () => {
    const ids = entityMentions('星火认知大模型V3.0略微领先ChatGPT的84.3%，AI和GPU', 'zh').map((e) => e.id);
    assert.deepEqual(ids, ['星火v3.0', 'chatgpt']);
  });
  test('an entity after a comparison word is marked compared', () => {
    const ms = entityMentions('星火认知大模型V3.0略微领先ChatGPT的84.3%', 'zh');
    assert.deepEqual(ms.map((m) => m.compared), [false, true]);
    const en = entityMentions('China finished ahead of Australia on 18 golds.', 'en');
    assert.deepEqual(en.map((m) => [m.id, m.compared]), [['china', false], ['australia', true]]);
  });
});

describe('subjects of claims', () => {
  const D = { date: '2023-10-28' };

  test("by default a number belongs to the article's main subject (the title counts three times)", () => {
    const { claims } = extract(['前三季度营业收入126.14亿元。'], { ...D, title: '科大讯飞前三季度业绩' });
    assert.equal(claimOf(claims, '126.14').subject, 'iflytek');
    assert.match(claimOf(claims, '126.14').why.subject ?? '', /main subject/);
  });

  test("an English title names an organisation the lexicon lacks", () => {
    const { claims } = extract(['Net income was $5.2 billion in the fourth quarter.'], { date: '2024-02-02', title: 'Acme Corp posts record profit' });
    // Corporate words are dropped from unknown names, so "Acme Corp" and "Acme" are one owner.
    assert.equal(claimOf(claims, '5.2').subject, 'acme');
  });

  test("with no subject anywhere the subject is 'main'", () => {
    const { claims } = extract(['营业收入为5.2亿元。'], { ...D, title: '无名文章' });
    assert.equal(claimOf(claims, '5.2').subject, 'main');
  });

  test('an entity named in the sentence wins over the main subject', () => {
    const { claims } = extract(['华为营业收入为52亿元，同比增长5%。', '营业收入为5.2亿元。'], { ...D, title: '科大讯飞' });
    assert.equal(claimOf(claims, '52亿').subject, 'huawei');
    assert.equal(claimOf(claims, '5%').subject, 'huawei');
    assert.equal(claimOf(claims, '5.2').subject, 'iflytek', 'the next paragraph does not inherit 华为');
  });

  test('the subject carries within a paragraph', () => {
    const { claims } = extract(['China won 40 golds. It also won 27 bronzes.'], { date: '2024-08-12', title: 'Paris 2024' });
    assert.equal(claimOf(claims, '40').subject, 'china');
    assert.equal(claimOf(claims, '27').subject, 'china');
  });

  test("'ChatGPT的84.3%' belongs to ChatGPT; 85.1% before it to 星火V3.0", () => {
    const { claims } = extract(
      ['星火认知大模型V3.0在48项任务中与ChatGPT结果相当，已经做到了85.1%，略微领先ChatGPT的84.3%。'],
      { ...D, title: '让星火大模型赶超ChatGPT，科大讯飞做到了吗？' },
    );
    const spark = claimOf(claims, '85.1');
    const gpt = claimOf(claims, '84.3');
    assert.equal(gpt.subject, 'chatgpt');
    assert.equal(spark.subject, '星火v3.0');
    assert.notEqual(spark.subject, gpt.subject);
  });

  test('85.1%（星火V3.0）: a label in brackets owns the number it follows', () => {
    const { claims } = extract(['在测试中，得分为85.1%（星火V3.0）。'], { ...D, title: '科大讯飞' });
    assert.equal(claimOf(claims, '85.1').subject, '星火v3.0');
  });

  test("the owner 'ChatGPT的' does not carry to the next figure", () => {
    const { claims } = extract(['科大讯飞略微领先ChatGPT的84.3%，营业收入126.14亿元。'], { ...D, title: '科大讯飞' });
    assert.equal(claimOf(claims, '84.3').subject, 'chatgpt');
    assert.equal(claimOf(claims, '126.14').subject, 'iflytek');
  });

  test("'ahead of Australia on 18 golds': 18 belongs to Australia, the US's 40 to the US", () => {
    const { claims } = extract(['The US topped the table with 40 golds, and China finished ahead of Australia on 18 golds.'], {
      date: '2024-08-12',
      title: 'Paris 2024',
    });
    assert.equal(claimOf(claims, '40').subject, 'united-states');
    assert.equal(claimOf(claims, '18').subject, 'australia');
  });

  test('an entity inside the counted noun owns the count: 404名中国运动员', () => {
    const { claims } = extract(['本届奥运会共有404名中国运动员参赛。'], { date: '2024-08-12', title: '巴黎奥运会' });
    assert.equal(claimOf(claims, '404').subject, 'china');
  });

  test('cross-language: 科大讯飞 and iFlytek give the same subject', () => {
    const zh = extract(['科大讯飞前三季度营业收入126.14亿元。'], D).claims;
    const en = extract(['iFlytek said revenue for the first three quarters was 12.6 billion yuan.'], D).claims;
    assert.equal(claimOf(zh, '126.14').subject, claimOf(en, '12.6').subject);
  });
});

describe('the world market in company coverage', () => {
  test('"全球" after a company in its clause names the company\'s market; alone it owns its figure, and never the figures after it', () => {
    const { claims } = extract(['宁德时代2023年全球动力电池市占率为36.2%。全球动力电池装机量同比增长25%。公司全年电池销量同比增长18.4%。'], { title: '宁德时代年报点评', date: '2024-03-20' });
    assert.equal(claimOf(claims, '36.2%').subject, 'catl');
    assert.equal(claimOf(claims, '25%').subject, 'world');
    assert.equal(claimOf(claims, '18.4%').subject, 'catl');
    const en = extract(["Toyota sold 10.3 million vehicles worldwide in the year."], { title: 'Toyota results', date: '2024-05-08' }).claims;
    assert.equal(claimOf(en, '10.3 million').subject, 'toyota');
  });
});
