// What keeps two sources' figures of one fact together, and two facts apart: tenors, named works,
// the country an agency reports for, the period of a figure said as a comparison's base, and
// measures a change word does not change. Sentences are our own, in the shapes outlets print.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimOf, extract } from './helpers.js';

const en = (text: string, date = '2026-11-20') => extract(text, { language: 'en', date }).claims;
const zh = (text: string, date = '2026-11-20') => extract(text, { language: 'zh', date }).claims;

describe('facts kept apart', () => {
  test('a rate of one tenor is not a rate of another: 1年期 and 5年期以上 LPR, 2-year and 10-year yields', () => {
    const c = zh('11月1年期LPR为2.9%，5年期以上LPR为3.4%。');
    assert.ok(claimOf(c, '2.9%').aspects.includes('tenor:1y'));
    assert.ok(claimOf(c, '3.4%').aspects.includes('tenor:5y'));
    const y = en('The 10-year Treasury yield rose to 4.4%, while the two-year yield slipped to 3.9%.');
    assert.ok(claimOf(y, '4.4%').aspects.includes('tenor:10y'));
    assert.ok(claimOf(y, '3.9%').aspects.includes('tenor:2y'));
    // The tenor names the instrument: "10-year" is no figure of its own.
    assert.ok(!y.some((x) => x.quote === '10-year'));
  });

  test('a figure of a work named in 《》 is the work\'s, not the total', () => {
    const c = zh('春节档总票房达80.2亿元，其中《远山》以31.5亿元居首。');
    assert.ok(!claimOf(c, '80.2亿元').aspects.some((a) => a.startsWith('work:')));
    assert.ok(claimOf(c, '31.5亿元').aspects.includes('work:远山'));
  });

  test('a percentage change of a different measure: "4.8% more than in October" is month on month', () => {
    assert.equal(claimOf(en('Deliveries in November 2026 were 4.8% more than in October.'), '4.8%').measure, 'qoq');
    assert.equal(claimOf(en('Exports in November 2026 fell 5.4% from October.'), '5.4%').measure, 'qoq');
    assert.equal(claimOf(en('Revenue in November 2026 rose 5% from a year earlier.'), '5%').measure, 'yoy');
  });
});

describe('facts kept together', () => {
  test('"payrolls increased by 187,000" is the same measure as payrolls of 187,000: the metric is itself a change', () => {
    assert.equal(claimOf(en('Nonfarm payrolls increased by 214,000 in October 2026.'), '214,000').measure, 'level');
  });

  test('an agency names the country it reports for; in company coverage it names no market', () => {
    assert.equal(claimOf(zh('国家能源局数据显示，10月全社会用电量同比增长6.1%。'), '6.1%').subject, 'china');
    const c = extract('据乘联会数据，比亚迪10月销量为50.2万辆。', { language: 'zh', date: '2026-11-08', title: '比亚迪10月销量' }).claims;
    assert.equal(claimOf(c, '50.2万辆').subject, 'byd');
    assert.ok(!claimOf(c, '50.2万辆').aspects.some((a) => a.startsWith('region:')));
  });

  test('as-of times meet across languages: 8时 and 8 a.m.', () => {
    assert.ok(claimOf(zh('截至3日8时，已有27人遇难。'), '27人').aspects.includes('asof:8时'));
    assert.ok(claimOf(en('As of 8 a.m. on Wednesday, 27 people had died.'), '27').aspects.includes('asof:8时'));
    assert.equal(claimOf(en('As of 8 a.m. on Wednesday, 27 people had died.'), '27').metric, 'deaths');
  });

  test('the period of a figure said as a comparison base: 较9月的0.4%, 比去年国庆档的19.2亿元, the highest since 2021', () => {
    assert.equal(claimOf(zh('10月份，全国CPI同比上涨0.5%，较9月的0.4%有所回升。'), '0.4%').period, '2026-09');
    assert.equal(claimOf(zh('档期总票房24.1亿元，比去年国庆档的19.2亿元高出不少。', '2026-10-09'), '19.2亿元').period, '2025-national-day');
    assert.equal(claimOf(en('Inflation hit 4.1 per cent in October 2026, the highest since the spring of 2021.'), '4.1').period, '2026-10');
    // "down from a revised 182,000 in June": June is the base's period, not the jobless rate's.
    const j = en('Employers added 150,000 jobs in July 2026, down from a revised 182,000 in June, and the jobless rate rose to 4.4%.');
    assert.equal(claimOf(j, '4.4%').period, '2026-07');
    assert.equal(claimOf(j, '182,000').period, '2026-06');
  });
});

describe('names that are other words, and metrics of their own', () => {
  test('日产 before a figure is daily output, per day; 内地 is mainland China; 码 is a quarter point', () => {
    const c = zh('该油田日產3.8萬桶。');
    assert.equal(claimOf(c, '3.8').unit, 'bbl/d');
    assert.notEqual(claimOf(c, '3.8').subject, 'nissan');
    assert.equal(claimOf(zh('內地國慶檔票房達21.4億元。'), '21.4').subject, 'china');
    const m = claimOf(zh('台湾央行宣布升息1碼。'), '1碼');
    assert.deepEqual([m.value, m.unit], [0.25, 'pp']);
  });

  test('EBITDA, missing, evacuated and seats are metrics; "the largest economy" is a country, not GDP', () => {
    assert.equal(claimOf(en('Underlying EBITDA fell to A$9.2 billion.'), '9.2').metric, 'ebitda');
    const d = zh('截至2日8时，已造成9人死亡，21人失踪，3100人紧急转移。');
    assert.equal(claimOf(d, '21人').metric, 'missing');
    assert.equal(claimOf(d, '3100人').metric, 'evacuated');
    assert.equal(claimOf(zh('社民党获得108个议席。'), '108').metric, 'seats');
    assert.notEqual(claimOf(en("Economists had expected the world's largest economy to add 150,000 jobs."), '150,000').metric, 'gdp');
  });
});

describe('the parts of a price index', () => {
  test('an item\'s price after the index is its part: 猪肉价格, "pork prices", "energy prices"', () => {
    const c = zh('10月份，全国居民消费价格同比上涨0.2%。其中，食品价格下降1.9%，牛肉价格下降6.3%，鲜果价格上涨4.4%。');
    assert.deepEqual(claimOf(c, '1.9%').aspects, []);
    assert.ok(claimOf(c, '6.3%').aspects.includes('segment:牛肉'));
    assert.ok(claimOf(c, '4.4%').aspects.includes('segment:鲜果'));
    const e = en('Consumer prices rose 2.9% in October 2026. Food prices fell 0.8% and gasoline prices rose 3.3%.');
    assert.ok(claimOf(e, '3.3%').aspects.includes('segment:gasoline'));
    assert.equal(claimOf(zh('工业生产者购进价格同比下降3.1%。'), '3.1%').metric, 'ppi_purchase');
  });
});

describe('rate decisions', () => {
  test('a cut with no base is from the setting before; "a 50-basis-point cut in the RRR" names the RRR; 降幅均为', () => {
    const c = en("China cut its benchmark lending rates by 10 basis points and announced a 50-basis-point cut in banks' reserve requirement ratio.");
    assert.deepEqual([claimOf(c, '10 basis').metric, claimOf(c, '10 basis').measure], ['policy_rate', 'qoq']);
    assert.equal(claimOf(c, '50-basis').metric, 'reserve_requirement_ratio');
    const z = claimOf(zh('1年期LPR由3%降至2.9%，降幅均为10个基点。'), '10个基点');
    assert.deepEqual([z.value, z.measure], [-0.1, 'qoq']);
  });
});

describe('held-out pairs C and D: medal tables, multiples, counted nouns, company names', () => {
  test('medal shorthand where medals are spoken of: 186金112银69铜, 收获47金; not 基金获5金', () => {
    const c = zh('中国代表团以186金112银69铜的成绩位列奖牌榜首位，日本收获47金。');
    assert.deepEqual(['186金', '112银', '69铜', '47金'].map((q) => claimOf(c, q).metric), ['gold_medals', 'silver_medals', 'bronze_medals', 'gold_medals']);
    assert.deepEqual(zh('该基金去年获5金。').map((x) => x.quote), []);
  });

  test('"oversubscribed 312.6 times" is a multiple; "three times" a whole number of times is not', () => {
    assert.equal(claimOf(en('The retail tranche was oversubscribed 312.6 times.'), '312.6').unit, 'times');
    assert.deepEqual(en('He was called three times.').map((x) => x.quote), []);
  });

  test('members, houses and other counted nouns; a year-like count with 万 is a count', () => {
    assert.equal(claimOf(en('Five members voted for the cut.'), 'Five').countOf, 'person');
    assert.equal(claimOf(en('About 3,260 houses were destroyed.'), '3,260').countOf, 'house');
    assert.equal(claimOf(zh('全国铁路日均发送旅客1968万人次。'), '1968万人次').value, 19680000);
  });

  test('a company under its corporate suffix is the lexicon\'s company: 腾讯控股', () => {
    assert.equal(claimOf(zh('腾讯控股（00700.HK）第三季度营收1701亿元。', '2026-11-14'), '1701亿元').subject, 'tencent');
  });

  test('property and sport metrics: contracted sales, floor area, home prices, world records', () => {
    const p = zh('10月公司实现合同销售金额312.6亿元，合同销售面积168.2万平方米；上海新建商品住宅销售价格环比上涨0.4%。');
    assert.equal(claimOf(p, '312.6亿元').metric, 'contracted_sales');
    assert.equal(claimOf(p, '168.2').metric, 'sales_area');
    assert.equal(claimOf(p, '0.4%').metric, 'home_prices');
  });

  test('a measure word after the next figure is that figure\'s', () => {
    const c = en('New home prices in October 2026 rose 0.4% from September and were up 1.2% from a year earlier.');
    assert.equal(claimOf(c, '0.4%').measure, 'qoq');
    assert.equal(claimOf(c, '1.2%').measure, 'yoy');
  });
});

describe('offerings and qualifiers of the next figure', () => {
  test('the tranches of an offering are facts of their own; proceeds and oversubscription are metrics', () => {
    const c = en('The retail portion was oversubscribed 301.5 times, while the international tranche was covered 9.8 times, and net proceeds were HK$8.1 billion.');
    assert.deepEqual(claimOf(c, '301.5').aspects, ['tranche:public']);
    assert.deepEqual(claimOf(c, '9.8').aspects, ['tranche:international']);
    assert.equal(claimOf(c, '301.5').metric, 'oversubscription');
    assert.equal(claimOf(c, 'HK$8.1').metric, 'ipo_proceeds');
    assert.deepEqual(claimOf(zh('香港公开发售部分获超额认购301.5倍，国际配售部分获超额认购9.8倍。'), '9.8倍').aspects, ['tranche:international']);
  });

  test('"$1.48 and adjusted EPS of $1.61": the word names the next figure\'s basis', () => {
    const c = en('GAAP diluted EPS came in at $1.48 and adjusted EPS of $1.61 beat estimates.');
    assert.deepEqual(claimOf(c, '$1.48').aspects, []);
    assert.deepEqual(claimOf(c, '$1.61').aspects, ['basis:adjusted']);
  });
});

describe('an agency in the title', () => {
  test('a central bank named in the title names its country for the article (BoE → the UK)', () => {
    const c = extract('Policymakers lowered the rate to 3.25%, while the Fed held at 3.50%.', { language: 'en', date: '2026-11-06', title: 'BoE cuts rates to 3.25%' }).claims;
    assert.equal(claimOf(c, '3.25%').subject, 'united-kingdom');
  });
});

describe('ranking tables', () => {
  test('金牌榜 is the table ranked by gold medals, not a count of them', () => {
    // Neither the word after the count (位列金牌榜第二) nor the table's name makes 176 a gold-medal count.
    assert.notEqual(claimOf(zh('日本队奖牌数176枚位列金牌榜第二。', '2026-11-10'), '176枚').metric, 'gold_medals');
    assert.notEqual(claimOf(zh('日本队共获176枚，金牌榜排名第二。', '2026-11-10'), '176枚').metric, 'gold_medals');
    assert.equal(claimOf(zh('日本队以48枚金牌位列金牌榜第二。', '2026-11-10'), '48枚').metric, 'gold_medals');
  });
});
