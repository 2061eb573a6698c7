// Shapes seen on published pages (sentences of our own with the same shape): a percent with a
// comma after it, a change restated "or X percent", a list clipped mid-way, slash-paired names
// and figures, bullets run into one line, typographic hyphens, and a headline that drops a
// decimal point against its own body.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFindings } from '../../server/check/index.js';
import { claimOf, extract } from './helpers.js';

describe('shapes of published pages', () => {
  test('"0.4 percent," is a percentage, and "or 0.4 percent" restates the change of the metric before it', () => {
    const { claims } = extract(['Norway said the total number of people in the country fell in 2023, falling 21,000, or 0.4 percent, to 5.5 million.'], { date: '2024-01-20' });
    const pct = claimOf(claims, '0.4');
    assert.equal(pct.unit, '%');
    assert.equal(pct.measure, 'yoy');
    assert.equal(pct.value, -0.4);
    assert.equal(pct.metric, 'population');
    const drop = claimOf(claims, '21,000');
    assert.equal(drop.measure, 'yoy', '"falling" is a change word');
    assert.equal(drop.value, -21000);
  });

  test('"per 1,000," keeps its unit before a comma', () => {
    const { claims } = extract(['The birth rate was 7.1 births per 1,000, down from 7.4.'], { date: '2024-01-20' });
    assert.equal(claimOf(claims, '7.1').unit, '‰');
  });

  test('a 分别 list clipped after its first figure gives that figure to the first item', () => {
    const { claims } = extract(['2024年前三季度,某某科技营业收入增长5%。公司费用依然高企,管理费用、研发费用同比分别增长12.5%、'], { date: '2024-10-30' });
    assert.equal(claimOf(claims, '12.5').metric, 'admin_expense');
  });

  test('slash-paired names and figures pair in order, and the names carry to a later run', () => {
    const { claims } = extract(['2023年,某酒业集团的茅台酒/系列酒营业收入1,100.5/300.2亿元,同比+11.5%/+25.1%。'], { date: '2024-04-01' });
    assert.ok(claimOf(claims, '1,100.5').aspects.includes('segment:moutai-liquor'));
    assert.ok(claimOf(claims, '300.2').aspects.includes('segment:series-liquor'));
    assert.ok(claimOf(claims, '11.5').aspects.includes('segment:moutai-liquor'));
    assert.ok(claimOf(claims, '25.1').aspects.includes('segment:series-liquor'));
  });

  test('an English respectively list of segments names each figure\'s segment', () => {
    const { claims } = extract(['Revenue from Moutai liquor and series liquor in 2023: 1,100.50 billion yuan and 300.20 billion yuan, respectively.'], { date: '2024-04-01' });
    assert.ok(claimOf(claims, '1,100.50').aspects.includes('segment:moutai-liquor'));
    assert.ok(claimOf(claims, '300.20').aspects.includes('segment:series-liquor'));
  });

  test('bullets run into one line are separate sentences: a heading does not become a company', () => {
    const { claims } = extract(['Key Points - The firm made RMB 12.5 billion in 2023, up 4.2% [1] - Power Battery Revenue: RMB 800.5 billion, up 20% [1]'], { date: '2024-03-20', title: 'CATL results' });
    const rev = claimOf(claims, '800.5');
    assert.equal(rev.subject, 'catl');
    assert.ok(rev.aspects.includes('segment:power-battery'));
    assert.ok(!claimOf(claims, '12.5').aspects.some((a) => a.startsWith('segment:')), 'the first bullet names no segment');
  });

  test('a non-breaking hyphen does not turn "non-operating income" into operating income', () => {
    const { claims } = extract(['In the quarter, non\u2011operating income contributed 1.2 billion yuan.'], { date: '2024-10-30', title: 'iFlytek results' });
    assert.equal(claimOf(claims, '1.2 billion').metric, 'non_operating_income');
  });

  test('a headline that drops the decimal point (08%) is flagged against the body and the other sources', () => {
    const a = extract(['日本1月CPI同比下降08%', '日本总务省公布,1月份日本消费者物价指数同比下降0.8%。'], { date: '2024-02-09', title: '日本1月CPI同比下降08%' });
    const b = extract(['日本1月份消费者物价指数(CPI)同比下降0.8%。'], { date: '2024-02-09', title: '日本1月CPI' });
    const c = extract(["Japan's consumer prices fell 0.8 percent on a year earlier in January, the statistics office said."], { date: '2024-02-09', title: 'Japan CPI falls' });
    const findings = computeFindings([...a.claims, ...b.claims, ...c.claims], [a.article, b.article, c.article]);
    const slip = findings.find((f) => f.claimIds.includes(claimOf(a.claims, '08%').id));
    assert.ok(slip, 'the headline figure is compared');
    assert.equal(slip.verdict, 'discrepancy');
    assert.equal(slip.cause, 'tenfold');
    assert.ok(slip.claimIds.includes(claimOf(b.claims, '0.8%').id));
    // The body figure still agrees with the other sources.
    const body = findings.find((f) => f.claimIds.includes(claimOf(a.claims, '0.8%').id));
    assert.ok(body && body.verdict !== 'discrepancy');
  });

  test('two thresholds ten times apart in one article (over 10亿, under 1亿) are not a misprint', () => {
    const a = extract(['今年春节档,有4部影片票房超过10亿元,其余影片票房未能突破1亿元。'], { date: '2024-02-18', title: '春节档票房' });
    const b = extract(['今年春节档共有4部影片票房超过10亿元。'], { date: '2024-02-18', title: '春节档' });
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    assert.ok(!findings.some((f) => f.verdict === 'discrepancy'), JSON.stringify(findings.map((f) => f.explanation)));
  });

  test('a consensus read three ways (the estimated, expectations of, the market\'s expected) is one fact, and two outlets that differ are flagged', () => {
    const date = '2024-04-26';
    const a = extract(['Contoso reported revenue of $40.1 billion for the quarter ended March 2024, well over the estimated $38.20 billion.'], { date, title: 'Contoso results', publisher: 'A' });
    const b = extract(['Contoso posted revenue of $40.1 billion for the quarter ended March 2024, compared to expectations of $38.20 billion.'], { date, title: 'Contoso results', publisher: 'B' });
    const c = extract(['Contoso reported revenue of $40.1 billion for the quarter ended March 2024. This surpassed the market’s expected $38.62 billion.'], { date, title: 'Contoso results', publisher: 'C' });
    for (const x of [a, b, c]) {
      const est = claimOf(x.claims, '38.');
      assert.deepEqual(est.aspects, ['forecast:consensus'], est.quote);
      assert.equal(est.metric, 'revenue', `${est.quote}: ${est.why.metric}`);
    }
    const findings = computeFindings([...a.claims, ...b.claims, ...c.claims], [a.article, b.article, c.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(c.claims, '38.62').id));
    assert.ok(f);
    assert.equal(f.verdict, 'discrepancy');
    assert.match(f.explanation, /C is the outlier/);
  });

  test('a figure named in a sentence of its own words is not given the metric of the figure before', () => {
    const { claims } = extract(['In 2023, the firm generated revenue of 100.9 billion yuan. It has also invested 8.4 billion yuan in research and development.'], { date: '2024-03-20' });
    assert.equal(claimOf(claims, '8.4').metric, 'rd_expense');
  });

  test('a dividend per ten shares meets the same dividend per share, scaled', () => {
    const a = extract(['招商某行拟每10股派发现金红利25.40元(含税)。'], { date: '2024-03-26', title: '招商银行年报' });
    const b = extract(['China Merchants Bank proposed a final dividend of 2.54 yuan per share.'], { date: '2024-03-26', title: 'China Merchants Bank results' });
    const f = computeFindings([...a.claims, ...b.claims], [a.article, b.article]).find((x) => x.claimIds.includes(claimOf(a.claims, '25.40').id));
    assert.ok(f, 'aligned');
    assert.ok(f.claimIds.includes(claimOf(b.claims, '2.54').id));
    assert.notEqual(f.verdict, 'discrepancy');
  });

  test('a segment word inside a company name is not a segment (Li Auto is not automotive)', () => {
    const { claims } = extract(['In December, Li Auto, Leapmotor and Xpeng delivered 48,100, 32,500 and 26,600 vehicles respectively.'], { date: '2025-01-02' });
    assert.ok(!claimOf(claims, '48,100').aspects.some((a) => a.startsWith('segment:')), claimOf(claims, '48,100').aspects.join());
  });

  test('a respectively list carries on to the next run of as many figures in its sentence', () => {
    const { claims } = extract(['Revenue from Moutai liquor and series liquor in 2023: 1,000.50 billion yuan and 200.10 billion yuan, respectively, with year-on-year growth of 12.1% and 20.2%.'], { date: '2024-04-01' });
    assert.ok(claimOf(claims, '12.1%').aspects.includes('segment:moutai-liquor'));
    assert.ok(claimOf(claims, '20.2%').aspects.includes('segment:series-liquor'));
  });

  test('a known segment named with its owner (Microsoft Cloud revenue) or after the metric (revenues from cloud computing) is a segment', () => {
    const { claims } = extract(['Microsoft Cloud revenue was $30.1 billion. Revenues from intelligent cloud activities amounted to $22.5 billion.'], { date: '2024-01-30', title: 'Microsoft results' });
    assert.ok(claimOf(claims, '30.1').aspects.includes('segment:microsoft-cloud'));
    assert.ok(claimOf(claims, '22.5').aspects.includes('segment:intelligent-cloud'));
  });

  test('a market share is split by the segment named before it', () => {
    const { claims } = extract(['宁德时代2023年动力电池全球使用量市占率达35.1%,储能电池全球出货量市占率41%。'], { date: '2024-03-16', title: '宁德时代年报' });
    assert.ok(claimOf(claims, '35.1').aspects.includes('segment:power-battery'));
    assert.ok(claimOf(claims, '41%').aspects.includes('segment:energy-storage'));
  });

  test('a lower bound agrees with any figure above it (more than 10亿 and 13.6亿), and not with one below', () => {
    const a = extract(['大年初一当天全国电影票房超过10亿元。'], { date: '2024-02-11', title: '春节档' });
    const b = extract(['大年初一当天全国电影票房13.6亿元。'], { date: '2024-02-11', title: '春节档' });
    const c = extract(['大年初一当天全国电影票房8.2亿元。'], { date: '2024-02-11', title: '春节档' });
    const ab = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    assert.ok(ab.length && ab.every((f) => f.verdict !== 'discrepancy'), JSON.stringify(ab.map((f) => f.verdict)));
    const ac = computeFindings([...a.claims, ...c.claims], [a.article, c.article]);
    assert.ok(ac.some((f) => f.verdict === 'discrepancy'));
    assert.match(ac.find((f) => f.verdict === 'discrepancy')!.explanation, /or more/);
  });

  test('figures one unit apart in their last digit (26.37% and 26.38%) disagree: their intervals only meet at the half step', () => {
    const a = extract(['2025年前三季度,科大讯飞销售费用同比增长18.27%。'], { date: '2025-10-21', title: '科大讯飞三季报' });
    const b = extract(['2025年前三季度,科大讯飞销售费用同比增长18.28%。'], { date: '2025-10-21', title: '科大讯飞三季报' });
    const [f] = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    assert.equal(f?.verdict, 'discrepancy');
  });

  test('a breakdown (其中…；…) is measured as the figure it breaks down', () => {
    const { claims } = extract(['2024年3月份,全国居民消费价格环比下降1.0%。其中,城市下降1.0%;食品价格下降3.2%,服务价格下降1.1%。'], { date: '2024-04-11' });
    assert.equal(claimOf(claims, '3.2%').measure, 'qoq');
    assert.equal(claimOf(claims, '1.1%').measure, 'qoq');
    const { claims: other } = extract(['2024年3月份,全国居民消费价格环比下降1.0%。食品价格下降3.2%。'], { date: '2024-04-11' });
    assert.equal(claimOf(other, '3.2%').measure, 'yoy', 'a sentence that is no breakdown keeps the default');
  });

  test('a page in Traditional script is read with the lexicon, and quotes keep the characters as printed', () => {
    const { article, claims } = extract(['臺灣某公司前三季營收達120.5億元,淨利12.3億元。'], { date: '2024-10-30' });
    const rev = claimOf(claims, '120.5');
    assert.equal(rev.metric, 'revenue');
    assert.equal(rev.quote, '120.5億元');
    assert.equal(rev.quote, article.text.slice(rev.start, rev.end));
    assert.ok(rev.sentence.includes('營收'), 'the sentence is the printed one');
    assert.equal(claimOf(claims, '12.3').metric, 'net_profit');
  });

  test('全國 on a Traditional page names no owner (whose nation it is depends on the publisher); on a Simplified page it is China', () => {
    const hant = extract(['此次選舉全國投票率為70.1%。'], { date: '2024-01-14' });
    assert.notEqual(claimOf(hant.claims, '70.1').subject, 'china');
    const hans = extract(['全国居民消费价格同比上涨0.7%。'], { date: '2024-03-10' });
    assert.equal(claimOf(hans.claims, '0.7').subject, 'china');
  });

  test('articles that name no owner join the one story of their day, even two of them', () => {
    const a = extract(['Taiwan held its election on Saturday. Turnout was 70.1%, the commission said.'], { date: '2024-01-14', title: 'Taiwan votes' });
    const b = extract(['此次選舉全國投票率為70.1%。'], { date: '2024-01-14', title: '選舉結果' });
    const c = extract(['選委會公布,此次選舉全國投票率約為68%。'], { date: '2024-01-14', title: '快訊' });
    const findings = computeFindings([...a.claims, ...b.claims, ...c.claims], [a.article, b.article, c.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(c.claims, '68').id));
    assert.ok(f, JSON.stringify(findings.map((x) => x.key)));
    assert.ok(f.claimIds.includes(claimOf(a.claims, '70.1').id));
  });

  test('a picture credit in brackets names no owner', () => {
    const { claims } = extract(['(資料照片/取自某某臉書)選舉投票率為70.1%。'], { date: '2024-01-14' });
    assert.notEqual(claimOf(claims, '70.1').subject, 'meta');
  });

  test('an unbordered table copied from a page: signs in cells of their own, the caption\'s unit, Q/Q and Y/Y columns, GAAP and non-GAAP captions', () => {
    const rows = [
      'Contoso reports results for the second quarter of fiscal 2025.',
      'gaap | ||||||||',
      '($ in millions, except earnings per share) | q2 fy25 | q1 fy25 | q2 fy24 | q/q | y/y | ||||',
      'revenue | $ | 9,512 | $ | 8,101 | $ | 5,220 | up 17% | up 82% | ||||',
      'gross margin | 61.1 | % | 60.6 | % | 44.5 | % | up 0.5 pts | up 16.6 pts | ||||',
      'diluted earnings per share | $ | 1.48 | $ | 0.82 | $ | 0.26 | up 80% | up 469% |',
      'non-gaap | ||||||||',
      '($ in millions, except earnings per share) | q2 fy25 | q1 fy25 | q2 fy24 | q/q | y/y | ||||',
      'net income | $ | 3,740 | $ | 2,713 | $ | 1,292 | up 38% | up 189% | |||',
    ];
    const { claims } = extract(rows.join('\n'), { date: '2024-08-28', title: 'Contoso results' });
    const rev = claimOf(claims, '9,512');
    assert.equal(rev.value, 9_512_000_000);
    assert.equal(rev.unit, 'USD');
    assert.equal(rev.period, 'FY2025-Q2');
    assert.equal(claimOf(claims, '8,101').period, 'FY2025-Q1');
    assert.equal(claimOf(claims, '17%').measure, 'qoq');
    assert.equal(claimOf(claims, '82%').measure, 'yoy');
    assert.equal(claimOf(claims, '61.1').unit, '%');
    assert.equal(claimOf(claims, '1.48').value, 1.48, 'per-share rows are in plain dollars');
    assert.ok(claimOf(claims, '3,740').aspects.includes('basis:non-gaap'));
    assert.ok(!rev.aspects.some((a) => a.startsWith('basis:')));
  });

  test('a sentence that names one fact twice with two figures contradicts itself, and is flagged', () => {
    const a = extract(['Apple reported results for the first quarter of fiscal 2024: revenue increased by 2% year-on-year to $119.575 billion, gross margin rose to 45.9%, and revenue increased by 12.1% year-on-year to $40.373 billion.'], { date: '2024-02-02', title: 'Apple results' });
    const b = extract(['Apple reported revenue of $119.58 billion for the first quarter of fiscal 2024.'], { date: '2024-02-02', title: 'Apple results' });
    const c = extract(['Apple posted revenue of $119.6 billion for the first quarter of fiscal 2024.'], { date: '2024-02-02', title: 'Apple quarter' });
    const findings = computeFindings([...a.claims, ...b.claims, ...c.claims], [a.article, b.article, c.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(a.claims, '40.373').id));
    assert.equal(f?.verdict, 'discrepancy');
    assert.match(f!.explanation, /contradicts itself/);
  });

  test('a segment named between the metric and the figure is the figure\'s, and slash lists may follow a year', () => {
    const { claims } = extract(['Apple\'s iPhone revenue grew 6 per cent to $69.7 billion and its services business segment posted an 11 per cent increase to $23.1 billion.'], { date: '2024-02-02' });
    assert.ok(claimOf(claims, '23.1').aspects.includes('segment:services'));
    assert.ok(claimOf(claims, '69.7').aspects.includes('segment:iphone'));
    const zh = extract(['23年公司批发代理/直销收入700.86/600.33亿元,同比+7.52%/+36.16%。'], { date: '2024-04-02' });
    assert.ok(claimOf(zh.claims, '700.86').aspects.includes('segment:wholesale'));
    assert.ok(claimOf(zh.claims, '600.33').aspects.includes('segment:direct-sales'));
  });

  test('a basis in brackets right after a figure is that figure\'s only', () => {
    const { claims } = extract(['Tesla posted earnings of $0.66 per share (non-GAAP) and revenue of $23.35 billion during the last quarter.'], { date: '2023-10-19' });
    assert.ok(claimOf(claims, '0.66').aspects.includes('basis:non-gaap'));
    assert.deepEqual(claimOf(claims, '23.35').aspects, []);
  });

  test('numbers as pages print them: capital K and M, pct in Chinese notes, counts in brackets, runs of periods', () => {
    const en = extract(['Payrolls increased 275K (previous: 229K) and 4.2M people voted. The jobless rate held for the fifth month in a row, the 5th consecutive month. Gains were led by healthcare (67,000) and retail (12,000), see (1).'], { date: '2024-03-08' });
    assert.equal(claimOf(en.claims, '275K').value, 275_000);
    assert.equal(claimOf(en.claims, '4.2M').value, 4_200_000);
    assert.equal(claimOf(en.claims, 'fifth month in a row').value, 5);
    assert.equal(claimOf(en.claims, '5th consecutive month').value, 5);
    assert.equal(claimOf(en.claims, '67,000').value, 67_000);
    assert.ok(!en.claims.some((c) => c.quote === '1'), 'a note marker is no count');
    const zh = extract(['公司2023年毛利率达21.5%(同比+3.2pct),毛利率/净利率分别同比变动+0.20/+0.05pct。CPI已连续三个月下降。'], { date: '2024-03-20' });
    const pct = claimOf(zh.claims, '3.2pct');
    assert.equal(pct.unit, 'pp');
    assert.equal(pct.measure, 'yoy');
    assert.equal(claimOf(zh.claims, '0.20').unit, 'pp');
    assert.equal(claimOf(zh.claims, '0.20').metric, 'gross_margin');
    assert.equal(claimOf(zh.claims, '连续三个月').value, 3);
  });

  test('a holiday or a year named as a cause is no figure\'s period; non-food is not food', () => {
    const { claims } = extract(['3月份,受上年同期春节错月低基数影响,全国居民消费价格同比上涨0.3%。其中,食品价格上涨1.1%,非食品价格上涨0.2%。'], { date: '2024-04-11' });
    assert.equal(claimOf(claims, '0.3%').period, '2024-03');
    assert.equal(claimOf(claims, '1.1%').metric, 'food_inflation');
    assert.equal(claimOf(claims, '0.2%').metric, 'nonfood_inflation');
    const box = extract(['今年春节档电影票房达80.1亿元。'], { date: '2024-02-18' });
    assert.equal(claimOf(box.claims, '80.1').period, '2024-spring-festival', 'a holiday window is still a period');
  });

  test('money a known segment made is its revenue, the change after it is its change, and a phrase leading into the next figure is that figure\'s', () => {
    const { claims } = extract(['The Intelligent Cloud segment generated $22.1 billion, up by 17%, higher than expectations of $21.6 billion.'], { date: '2024-01-30', title: 'Microsoft results' });
    const level = claimOf(claims, '22.1');
    assert.equal(level.metric, 'revenue');
    assert.ok(level.aspects.includes('segment:intelligent-cloud'));
    const change = claimOf(claims, '17%');
    assert.equal(change.metric, 'revenue');
    assert.ok(change.aspects.includes('segment:intelligent-cloud'));
    assert.ok(!change.aspects.some((a) => a.startsWith('forecast')), change.aspects.join());
    assert.ok(claimOf(claims, '21.6').aspects.includes('forecast:consensus'));
  });

  test('"this segment" points back to the segment the paragraph named', () => {
    const { claims } = extract(['Gaming revenue was strong in the quarter. While below its peak, this segment rose by 18% year over year, ending at a robust $2.61 billion revenue.'], { date: '2024-05-23', title: 'Nvidia results' });
    assert.ok(claimOf(claims, '2.61').aspects.includes('segment:gaming'));
    const other = extract(['Revenue was strong in the quarter. It ended at $2.61 billion in revenue.'], { date: '2024-05-23', title: 'Nvidia results' });
    assert.ok(!claimOf(other.claims, '2.61').aspects.some((a) => a.startsWith('segment:')));
  });

  test('three sources that all differ, two by a power of ten: the slip is flagged on its own', () => {
    const a = extract(['2023年,贵州茅台实现营业收入1400.5亿元。'], { date: '2024-04-03', title: '贵州茅台年报' });
    const b = extract(['2023年,贵州茅台营业收入1450.3亿元。'], { date: '2024-04-03', title: '贵州茅台业绩' });
    const c = extract(['Kweichow Moutai reported revenue of 1,450.30 billion yuan in 2023.'], { date: '2024-04-03', title: 'Kweichow Moutai results' });
    const findings = computeFindings([...a.claims, ...b.claims, ...c.claims], [a.article, b.article, c.article]);
    const slip = findings.find((f) => f.cause === 'tenfold');
    assert.ok(slip, JSON.stringify(findings.map((f) => [f.verdict, f.cause])));
    assert.deepEqual(new Set(slip.claimIds), new Set([claimOf(b.claims, '1450.3').id, claimOf(c.claims, '1,450.30').id]));
  });

  test('every figure of a sentence that points back takes the metric before it', () => {
    const { claims } = extract(['Contoso reported revenue of $40.1 billion. This not only beat its own guidance of $38.8 billion but also surpassed the market’s expected $39.94 billion.'], { date: '2024-04-26', title: 'Contoso results' });
    assert.equal(claimOf(claims, '38.8').metric, 'revenue');
    assert.equal(claimOf(claims, '39.94').metric, 'revenue');
  });

  test('"a 3% growth" is a change, and after a segment\'s money it is that segment\'s change', () => {
    const { claims } = extract(['The More Personal Computing segment collected $12.7 billion, a modest 4% growth year-over-year, and sales saw a 9% increase.'], { date: '2024-01-30', title: 'Microsoft results' });
    const g = claimOf(claims, '4%');
    assert.equal(g.measure, 'yoy');
    assert.equal(g.metric, 'revenue');
    assert.ok(g.aspects.includes('segment:more-personal-computing'));
    assert.equal(claimOf(claims, '9%').measure, 'yoy');
  });

  test('"sales" is revenue where money is stated, and not for a count of units', () => {
    const { claims } = extract(['Contoso said watch sales increased 8% year-on-year to $12.4 billion in the first quarter of 2024.', 'Fabrikam said car sales rose 5% to 120,000 vehicles in the quarter.'], { date: '2024-04-30', title: 'Contoso results' });
    assert.equal(claimOf(claims, '$12.4').metric, 'revenue');
    assert.equal(claimOf(claims, '8%').metric, 'revenue', 'the change in a clause that states the money');
    assert.notEqual(claimOf(claims, '5%').metric, 'revenue', 'no money in the clause: "sales" may count cars');
    assert.notEqual(claimOf(claims, '120,000').metric, 'revenue');
  });

  test('a market spelled out in brackets is not the figure\'s market, and "30 December 2023" is no month', () => {
    const { claims } = extract(['Contoso posted revenue of $50 billion in its fiscal Q1 2024 (the period to 30 December 2023), but revenue in Greater China (including Hong Kong and Taiwan) fell 9.5% to $10.2 billion.'], { date: '2024-02-02', title: 'Contoso results' });
    const china = claimOf(claims, '9.5%');
    assert.ok(china.aspects.includes('region:china'), china.aspects.join());
    assert.ok(!china.aspects.includes('region:taiwan'));
    assert.equal(claimOf(claims, '$10.2').period, claimOf(claims, '$50').period, 'the bracketed day restates the quarter');
  });

  test('an estimate named after the figure at its clause\'s end is a consensus, and "ahead of" a quarter names a base', () => {
    const { claims } = extract(['In the third quarter of 2024 Contoso recorded $12.3 billion in revenue, a little behind the $12.9 billion estimate by analysts, but ahead of Q2 2023 which saw $11.1 billion in revenue.'], { date: '2024-10-24', title: 'Contoso results' });
    const est = claimOf(claims, '$12.9');
    assert.ok(est.aspects.includes('forecast:consensus'), est.aspects.join());
    assert.equal(est.period, '2024-Q3');
  });

  test('a base named as the year-ago figure is a level of the year before, and two outlets that differ on it are flagged', () => {
    const a = extract(['In its fiscal Q2 2024 Microsoft posted revenue of $61.9 billion, up 3 per cent over the previous year ($60.1 billion).'], { date: '2024-05-03', title: 'Microsoft results' });
    const b = extract(['Microsoft said revenue for fiscal Q2 2024 was $61.9 billion, up from the $59.3 billion reported for fiscal Q2 2023.'], { date: '2024-05-03', title: 'Microsoft quarterly results' });
    const c = extract(['Contoso revenue fell to $8.1 billion in 2023, down from $8.6 billion a year earlier, and rose from $7.2 billion last year in another unit.'], { date: '2024-02-01', title: 'Contoso results' });
    const ago = claimOf(a.claims, '$60.1');
    assert.equal(ago.period, 'FY2023-Q2');
    assert.ok(!ago.aspects.includes('base'));
    assert.equal(claimOf(b.claims, '$59.3').period, 'FY2023-Q2');
    assert.equal(claimOf(c.claims, '$8.6').period, '2022', '"a year earlier" after the figure');
    assert.ok(claimOf(c.claims, '$7.2').aspects.includes('base'), '"last year" after a base is read against the date, so it stays a base');
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const f = findings.find((x) => x.claimIds.includes(ago.id));
    assert.equal(f?.verdict, 'discrepancy', JSON.stringify(findings.map((x) => [x.verdict, x.claimIds])));
  });

  test('a bare 占比 after a segment is its share of revenue, and two outlets that differ on it are flagged', () => {
    const a = extract(['2023年,宁德时代电池矿产资源收入9.25亿元,占比1.25%。'], { date: '2024-03-20', title: '宁德时代年报' });
    const b = extract(['2023年,宁德时代动力电池系统收入同比+20.6%;电池矿产资源同比+61.5%,占比1.8%。'], { date: '2024-03-20', title: '宁德时代点评' });
    const share = claimOf(a.claims, '1.25%');
    assert.equal(share.metric, 'revenue_share');
    assert.ok(share.aspects.includes('segment:battery-minerals'));
    assert.equal(claimOf(b.claims, '1.8%').metric, 'revenue_share');
    assert.equal(claimOf(b.claims, '61.5%').metric, null, 'a change of a segment that names no metric stays unnamed');
    const f = computeFindings([...a.claims, ...b.claims], [a.article, b.article]).find((x) => x.claimIds.includes(share.id));
    assert.equal(f?.verdict, 'discrepancy');
  });

  test('a Chinese breakdown part that opens with a segment keeps it for its margin, and a segment named mid-sentence does not', () => {
    const { claims } = extract(['分产品来看,公司储能电池系统收入同比+25.2%,毛利率达21.8%(同比+4.8pct);动力电池系统收入同比+18.6%,毛利率达20.3%。公司营收400亿元，其中数据中心收入100亿元，毛利率30%。'], { date: '2024-03-20', title: '某电池公司年报' });
    assert.ok(claimOf(claims, '21.8%').aspects.includes('segment:energy-storage'));
    assert.ok(claimOf(claims, '4.8pct').aspects.includes('segment:energy-storage'));
    assert.ok(claimOf(claims, '20.3%').aspects.includes('segment:power-battery'));
    assert.ok(!claimOf(claims, '30%').aspects.some((a) => a.startsWith('segment:')), 'the company margin after a 其中 segment');
  });

  test('a segment word that speaks is a source, not the figure\'s segment', () => {
    const { claims } = extract(['Li Auto says first-quarter revenue should land between $3.1 billion and $3.4 billion.'], { date: '2024-02-28', title: 'Li Auto results' });
    assert.ok(!claimOf(claims, '$3.1').aspects.some((a) => a.startsWith('segment:')), claimOf(claims, '$3.1').aspects.join());
  });
});
