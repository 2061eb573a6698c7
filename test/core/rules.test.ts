// Rules added after the red-team rounds: each is a general reading, tested on sentences of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArticle } from '../../server/ingest/article.js';
import { extractClaims } from '../../server/extract/index.js';
import { periodMentions, resolvePeriod } from '../../server/extract/compute/6-periods.js';

const claimsOf = (body: string, date = '2024-02-22', language = '') => {
  const fm = `---\ntitle: T\ndate: ${date}\n${language ? `language: ${language}\n` : ''}---\n`;
  return extractClaims(buildArticle({ path: 't.md', text: fm + body, hash: 'h', source: 'file' }).article);
};
const one = (body: string, quote: string, date?: string) => {
  const c = claimsOf(body, date).find((x) => x.quote === quote);
  assert.ok(c, `no claim «${quote}» in ${body}`);
  return c;
};
const period = (s: string, date = '2024-02-22') => periodMentions(s).map((p) => resolvePeriod(p.raw, { date }))[0];

test('a quarter that ends off its calendar month is a fiscal quarter', () => {
  assert.equal(period('revenue for the fourth quarter ended Jan. 28 rose'), 'FY2024-Q4');
  assert.equal(period('the fourth quarter ended Dec. 31'), '2023-Q4');
  assert.equal(period('in the first quarter of fiscal 2025'), 'FY2025-Q1');
  assert.equal(period('2024财年第四财季'), 'FY2024-Q4');
  assert.equal(period('| FY24 Q4 |'), 'FY2024-Q4');
});

test('a year-end reading is the year: 2023年末, at the end of December, ended December', () => {
  assert.equal(period('截至2023年末，不良贷款率0.95%'), '2023');
  assert.equal(period('the ratio was 0.95% at the end of December'), '2023');
  assert.equal(period('Meta ended December with 67,317 employees'), '2023');
  assert.equal(period('used by 3.19 billion people on an average day in December'), '2023-12');
});

test('per mille is a rate of its own, compared with percent after scaling', () => {
  const c = one('人口自然增长率为-1.48‰。', '-1.48‰');
  assert.equal(c.unit, '‰');
  assert.equal(c.value, -1.48);
  assert.equal(one('The birth rate was 6.39 per 1,000 people.', '6.39 per 1,000').unit, '‰');
});

test('a rate metric never takes a count, and an aside names no metric', () => {
  const c = one('Urban residents numbered 932.67 million, pushing the urbanization rate to 66.16%.', '932.67 million');
  assert.notEqual(c.metric, 'urbanization_rate');
  const d = one('The provision coverage ratio, a measure of the buffer against bad loans, fell 13.09 percentage points to 437.70%.', '13.09 percentage points');
  assert.equal(d.metric, 'provision_coverage');
});

test('dividends quoted per ten shares keep the printed figure, with a per-ten-shares unit in both languages', () => {
  const c = one('公司拟每10股派发现金红利19.72元（含税）。', '19.72元');
  assert.equal(c.value, 19.72);
  assert.equal(c.unit, 'CNY/10 shares');
  assert.equal(c.metric, 'dividend_per_share');
  const e = one('The board proposed a cash dividend of RMB 19.72 per 10 shares.', 'RMB 19.72 per 10 shares');
  assert.equal(e.value, 19.72);
  assert.equal(e.unit, 'CNY/10 shares');
});

test('segments align across languages through the segment lexicon', () => {
  const zh = one('其中，数据中心业务营收184亿美元。', '184亿美元');
  const en = one('Data center revenue, which includes its AI processors, rose 409% to $18.40 billion.', '$18.40 billion');
  assert.ok(zh.aspects.includes('segment:data-center'), zh.aspects.join());
  assert.ok(en.aspects.includes('segment:data-center'), en.aspects.join());
});

test('data sources own no figures; a guidance tolerance is not a figure', () => {
  const c = one('Global smartphone shipments fell 3.2% to 1.17 billion units last year, IDC said.', '3.2%');
  assert.notEqual(c.subject, 'idc');
  const quotes = claimsOf('The company expects revenue of $24.0 billion, plus or minus 2%, for the first quarter of fiscal 2025.').map((x) => x.quote);
  assert.deepEqual(quotes, ['$24.0 billion']);
});

test('figures after a related-stories heading are left out', () => {
  const quotes = claimsOf('Revenue rose 25% to $40.11 billion.\n\n相关阅读\n\n苹果营收下降1%。').map((x) => x.quote);
  assert.deepEqual(quotes, ['25%', '$40.11 billion']);
});

test('an inflation rate printed as a level is the year-on-year change of prices', () => {
  const en = one('UK inflation fell to 3.2% in March from 3.4% in February.', '3.2%', '2024-04-17');
  const zh = one('3月份CPI同比上涨3.2%。', '3.2%', '2024-04-17');
  assert.equal(en.metric, 'cpi');
  assert.equal(en.measure, 'yoy');
  assert.equal(zh.measure, 'yoy');
  assert.equal(en.period, zh.period);
});

test('a change against a named year other than the last is its own fact', () => {
  const c = one('按可比口径较2019年同期增长28.2%。', '28.2%', '2024-05-06');
  assert.ok(c.aspects.includes('vs:2019'), c.aspects.join());
  const d = one('Trips were 13.5% above 2019 levels.', '13.5%', '2024-05-06');
  assert.equal(d.measure, 'yoy');
  assert.ok(d.aspects.includes('vs:2019'), d.aspects.join());
});

test('a threshold crossed is a bound, and an analyst\'s forecast is an opinion', () => {
  assert.equal(one('营业利润突破5万亿日元。', '5万亿日元').qualifier, 'lower');
  const f = one('中信证券分析师预计公司2024年归母净利润约860亿元。', '860亿元', '2024-04-03');
  assert.ok(f.aspects.includes('forecast:analyst'), f.aspects.join());
});

test('holidays are periods of their own, named alike in both languages; 人次 counts people', () => {
  assert.equal(period('2024年五一假期全国国内出游合计2.95亿人次', '2024-05-06'), '2024-may-day');
  assert.equal(period('Domestic trips over the May Day holiday rose 7.6%', '2024-05-06'), '2024-may-day');
  assert.equal(period('during the Lunar New Year holiday', '2025-02-05'), '2025-spring-festival');
  const c = one('2024年五一假期全国国内出游合计2.95亿人次。', '2.95亿人次', '2024-05-06');
  assert.equal(c.metric, 'visitors');
  assert.equal(c.value, 295000000);
});

test('a space between a number and its Chinese unit or change word changes nothing', () => {
  const body = '科大讯飞前三季度实现营业收入 126.14 亿元，同比下滑 0.37 %；净利润约 9936 万元。';
  assert.equal(one(body, '126.14 亿元').value, 12614000000);
  const c = one(body, '0.37 %');
  assert.equal(c.value, -0.37);
  assert.equal(c.measure, 'yoy');
  assert.equal(one(body, '9936 万元').qualifier, 'approx');
});

test('wire-style abbreviations: bln, mln, pct, pct points', () => {
  const body = 'Revenue rose 5.2 pct to $1.2 bln, and the margin was up 0.4 pct points.';
  assert.equal(one(body, '5.2 pct').unit, '%');
  assert.equal(one(body, '$1.2 bln').value, 1.2e9);
  assert.equal(one(body, '0.4 pct points').unit, 'pp');
});

test('a loss that widened to an amount is a negative amount in both languages', () => {
  const body = '蔚来2023年净亏损扩大至207.2亿元。NIO said its net loss widened to 20.72 billion yuan in 2023.';
  assert.equal(one(body, '207.2亿元', '2024-04-01').value, -20720000000);
  assert.equal(one(body, '20.72 billion yuan', '2024-04-01').value, -20720000000);
});

test('a share of a total is not the metric it is a share of', () => {
  const c = one('直销渠道实现收入672.33亿元，占酒类收入的45.7%。', '45.7%', '2024-04-03');
  assert.equal(c.metric, null);
  const d = one('Direct sales rose 36.2% to 67.23 billion yuan, accounting for 45.7% of liquor revenue.', '45.7%', '2024-04-03');
  assert.equal(d.metric, null);
});
