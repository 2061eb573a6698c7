// Shapes that published pages print and a second set of real pages showed we misread: mirrors
// that print pinyin after characters, Taiwanese quarter names, trends "since last year", full
// years with no year, medal tallies, film lists, names that are no owners, bounds chosen over
// figures. Sentences are our own, written in the shapes those pages use.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimOf, close, extract } from './helpers.js';
import { computeFindings } from '../../server/check/index.js';

const zh = (text: string | string[], date = '2025-03-20') => extract(text, { language: 'zh', date }).claims;
const en = (text: string | string[], date = '2025-03-20') => extract(text, { language: 'en', date }).claims;

describe('mirrors and Traditional-script papers', () => {
  test('pinyin printed after characters, 國內(nèi)生產(chǎn)總值, is read without it; quotes and offsets stay those of the page', () => {
    const { article, claims } = extract('一季度國內(nèi)生產(chǎn)總值31542億元，同比增長(cháng)4.8%。', { language: 'zh', date: '2025-04-18' });
    const gdp = claimOf(claims, '31542億元');
    assert.equal(gdp.metric, 'gdp');
    close(gdp.value, 31542e8);
    const rate = claimOf(claims, '4.8%');
    assert.equal(rate.measure, 'yoy');
    for (const c of claims) {
      assert.equal(article.text.slice(c.start, c.end), c.quote);
      assert.ok(article.text.startsWith(c.sentence, c.sentenceStart));
    }
  });

  test('第四季 without 度 is the fourth quarter', () => {
    assert.equal(claimOf(zh('該公司2024年第四季營收年增21.5%至820億元。'), '21.5%').period, '2024-Q4');
  });

  test('非国际财务报告准则 marks a non-IFRS figure; a bracketed (Non-IFRS) or a unit (元/Wh) is no owner', () => {
    const c = zh('某某控股非国际财务报告准则净利润812.3亿元，增33%；电池均价降至0.61元/Wh。');
    assert.ok(claimOf(c, '812.3亿元').aspects.includes('basis:non-gaap'));
    assert.notEqual(claimOf(c, '0.61元').subject, 'wh');
    const words = zh('第四季度毛利(Non-IFRS)同比增长17%。');
    assert.notEqual(claimOf(words, '17%').subject, 'non');
  });

  test('a Latin word inside 《》 is a work\'s title, not the article\'s subject', () => {
    const c = zh(['全年收入达4120.55亿元，同比增长6%。', '海外游戏收入增12%（《STAR RAIDERS》表现强劲）。']);
    assert.ok(!c.some((x) => x.subject === 'raiders' || x.subject === 'star'));
  });
});

describe('periods', () => {
  test('去年以来 names where a trend started, not the period of the next figures', () => {
    const c = zh(['一季度，经济延续去年以来的回升态势，生产稳中有升。', '从生产看，第一产业增加值同比增长3.1%。']);
    assert.notEqual(claimOf(c, '3.1%').period, '2024');
  });

  test('全年 with no year is a full year still (FY), for the story to date; 单季 after it is no full year', () => {
    const c = extract(['全年收入达4120.55亿元，同比增长6%。', '单季收入1088.2亿元，环比增长3%。'], { language: 'zh' }).claims;
    assert.equal(claimOf(c, '4120.55亿元').period, 'FY');
    assert.notEqual(claimOf(c, '1088.2亿元').period, 'FY');
  });
});

describe('measures and bases', () => {
  test('与去年同期相比大幅增长了18.4%: the change, not a base; 同比增长高达9.6% is a change', () => {
    const c = zh('总票房为81.3亿元，与去年同期相比大幅增长了18.4%。');
    assert.ok(!claimOf(c, '18.4%').aspects.includes('base'));
    assert.equal(claimOf(c, '18.4%').measure, 'yoy');
    assert.equal(claimOf(zh('观影人次同比增长高达9.6%。'), '9.6%').measure, 'yoy');
  });

  test('"8% revenue growth", "a 12% year-on-year growth": growth after the figure makes it a change', () => {
    assert.equal(claimOf(en('The group reported 8% revenue growth in the quarter.'), '8%').measure, 'yoy');
    assert.equal(claimOf(en('It was the 12% year-on-year growth in sales revenue that stood out.'), '12%').measure, 'yoy');
  });

  test('增速比2022年加快1.9个百分点 is the points a growth rate moved, not the growth itself', () => {
    assert.ok(claimOf(zh('国内生产总值比上年增长4.6%，增速比2022年加快1.9个百分点。'), '1.9个百分点').aspects.includes('of:rate-change'));
  });

  test('"the total value of imports and exports" is total trade', () => {
    assert.equal(claimOf(en('The total value of imports and exports reached 9.8 trillion yuan in the first quarter.'), '9.8 trillion').metric, 'total_trade');
  });

  test('a threshold after the figure is a level passed, on the side the word before says', () => {
    assert.equal(claimOf(en('Revenue passed the $50-billion mark for the first time.'), '$50-billion').qualifier, 'lower');
    assert.equal(claimOf(en('The jobless rate fell below the 4% mark in May.'), '4%').qualifier, 'upper');
  });

  test('the figure\'s own words are no segment: "640.2 Billion Yuan Revenue" in a title-case heading', () => {
    const c = en('Carmaker Posts 640.2 Billion Yuan Revenue For 2024');
    assert.ok(!claimOf(c, '640.2').aspects.some((a) => a.startsWith('segment:')));
  });
});

describe('tallies and lists', () => {
  test('medal shorthand separated by 、, and a past Games\' tally after 奥运会的', () => {
    const c = zh('代表团在本届奥运会摘得38金、31银、22铜，超越了伦敦奥运会的36金。');
    assert.equal(claimOf(c, '31银').metric, 'silver_medals');
    assert.equal(claimOf(c, '22铜').metric, 'bronze_medals');
    assert.ok(claimOf(c, '36金').aspects.includes('base'));
  });

  test('films of a respectively list are each their own work; a work that opens the sentence owns its figure', () => {
    const c = zh('《长风》、《归途》以及《山海》等影片分别取得了4.71亿元、3.02亿元和1.88亿元的票房。');
    assert.ok(claimOf(c, '4.71亿元').aspects.includes('work:长风'));
    assert.ok(!claimOf(c, '4.71亿元').aspects.includes('work:山海'));
    assert.ok(claimOf(c, '1.88亿元').aspects.includes('work:山海'));
    assert.ok(claimOf(zh('《长风》以强劲的口碑，成为档期赢家，狂揽12.6亿元。'), '12.6亿元').aspects.includes('work:长风'));
  });
});

describe('alignment', () => {
  test('an article\'s exact figure is compared, not a threshold it also names (突破5000亿元大关)', () => {
    const a = extract('比亚迪2024年营业收入5432.1亿元，首次突破5000亿元大关。', { language: 'zh', date: '2025-03-25', path: 'a/zh.txt' });
    const b = extract('BYD reported 2024 revenue of 543.2 billion yuan, crossing the 500-billion-yuan threshold.', { language: 'en', date: '2025-03-25', path: 'a/en.txt' });
    const findings = computeFindings([...a.claims, ...b.claims], [a.article, b.article]);
    const revenue = findings.find((f) => f.claimIds.includes(claimOf(b.claims, '543.2').id));
    assert.ok(revenue, 'the revenue figures are compared');
    assert.notEqual(revenue.verdict, 'discrepancy');
    assert.ok(revenue.claimIds.includes(claimOf(a.claims, '5432.1亿元').id));
  });
});

describe('who owns a figure, and against what it is measured', () => {
  test('a Games names which tally, not who won it: 伦敦奥运会的36枚金牌 is the delegation\'s, as a base', () => {
    const c = zh('本届中国代表团取得38枚金牌，超越了伦敦奥运会的36枚金牌。');
    const old = claimOf(c, '36枚');
    assert.notEqual(old.subject, 'olympics');
    assert.ok(old.aspects.includes('base'));
  });

  test('个, 名 and 项 count other things than medals (夺金分项共11个)', () => {
    const c = zh('中国代表团在奥运会上夺得38枚金牌，夺金分项共11个，获得金牌的运动员达52名，另获76银50铜共220枚奖牌。');
    assert.equal(claimOf(c, '38枚').metric, 'gold_medals');
    assert.notEqual(claimOf(c, '11个').metric, 'gold_medals');
    assert.equal(claimOf(c, '50铜').metric, 'bronze_medals');
  });

  test('US monthly figures are against the month before unless a year is named; China\'s are year on year', () => {
    const date = '2024-01-12';
    assert.equal(claimOf(en('The US consumer price index rose 0.4% in December, the Labor Department said.', date), '0.4%').measure, 'qoq');
    assert.equal(claimOf(en('US consumer prices rose 3.1% in December from a year earlier.', date), '3.1%').measure, 'yoy');
    assert.equal(claimOf(en('US consumer prices rose 3.1% in the 12 months to December.', date), '3.1%').measure, 'yoy');
    assert.equal(claimOf(en("China's consumer prices rose 0.4% in December.", date), '0.4%').measure, 'yoy');
    assert.equal(claimOf(zh('美国12月整体CPI月升0.4%，比去年同期上升3.1%。', date), '0.4%').measure, 'qoq');
  });

  test('国际市场 names a part of revenue; a breakdown in brackets after a figure (其中本土…) is the next figure\'s', () => {
    const c = zh('增值服务收入同比增7%（其中本土游戏增长10%），国际市场收入增9%。');
    assert.ok(!claimOf(c, '7%').aspects.includes('segment:domestic'));
    assert.ok(claimOf(c, '10%').aspects.some((a) => a.startsWith('segment:')));
    assert.ok(claimOf(c, '9%').aspects.includes('segment:overseas'));
  });
});

describe('earthquake magnitudes', () => {
  test('"a 6.8-magnitude earthquake", "magnitude 6.1", "magnitude-5.9" are magnitudes, not counts', () => {
    assert.equal(claimOf(en('A 6.8-magnitude earthquake struck off the coast on Tuesday.'), '6.8').unit, 'magnitude');
    assert.equal(claimOf(en('The quake measured magnitude 6.1, the agency said.'), '6.1').unit, 'magnitude');
    assert.equal(claimOf(en('A magnitude-5.9 aftershock followed an hour later.'), '5.9').unit, 'magnitude');
  });

  test('花莲6.8地震 and 规模5.5以上的余震 print the magnitude without 级; elsewhere a bare decimal is no figure', () => {
    assert.equal(claimOf(zh('台东6.8地震已造成3人受伤。'), '6.8').unit, 'magnitude');
    assert.equal(claimOf(zh('气象部门预估未来三天可能发生规模5.5以上的余震。'), '5.5').unit, 'magnitude');
    assert.ok(!zh('该指数报6.8，较上周持平。').some((c) => c.unit === 'magnitude'));
  });

  test('a short Latin term inside Chinese copy (IoT) is no owner', () => {
    assert.notEqual(claimOf(zh('第四季度IoT与生活消费产品收入301亿元。'), '301亿元').subject, 'iot');
  });
});

describe('Taiwanese amounts, lists and trade partners', () => {
  test('5,057億4千萬元 is one amount; 元 in an article that prices in 新台幣 and names no 人民幣 is NT$', () => {
    const c = zh('台積電第四季營收新台幣1兆460億9千萬元，稅後純益約5,057億4千萬元。');
    const profit = claimOf(c, '5,057億4千萬元');
    close(profit.value, 505_740_000_000);
    assert.equal(profit.unit, 'TWD');
    assert.equal(claimOf(c, '1兆460億9千萬元').unit, 'TWD');
    assert.equal(claimOf(zh('某公司营收1,234亿元，同比增长5%。'), '1,234亿元').unit, 'CNY');
  });

  test('list items that hold 和 themselves are split at 、; a list we cannot pair still marks its figures as parts', () => {
    const c = zh('分行业看，医疗保健、建筑业、运输和仓储业分别新增5.1万、2.3万和1.2万个就业岗位。');
    assert.ok(claimOf(c, '1.2万').aspects.includes('item:运输和仓储业'));
    const odd = zh('其他行业中，甲乙丙丁四个门类分别增长8.2%、6.1%。');
    assert.ok(claimOf(odd, '8.2%').aspects.includes('item:unnamed'));
  });

  test('a segment that opens the sentence is the topic of its later figures; a clause naming its own part is not', () => {
    const c = zh('4Q24公司到店业务分部实现收入412亿元，同比+19%，经营利润率12.2%。');
    assert.ok(claimOf(c, '12.2%').aspects.some((a) => a.startsWith('segment:')));
  });

  test('in a country\'s trade report another country is a partner, not the trader', () => {
    const c = zh('2024年，中国与欧盟贸易总值为5.4万亿元，增长1.2%。', '2025-01-14');
    const eu = claimOf(c, '5.4万亿元');
    assert.equal(eu.subject, 'china');
    assert.ok(eu.aspects.includes('partner:european-union'));
    const w = en("China's trade with the European Union rose 1.2% to 5.4 trillion yuan in 2024.", '2025-01-14');
    assert.equal(claimOf(w, '5.4 trillion').subject, 'china');
    assert.ok(claimOf(w, '5.4 trillion').aspects.includes('partner:european-union'));
  });

  test('"on a quarterly basis" is quarter on quarter; an annual inflation rate is no annualised rate; 市场预期 is the consensus', () => {
    assert.equal(claimOf(en('GDP grew 0.8 percent on a quarterly basis in the second quarter.', '2024-07-15'), '0.8 percent').measure, 'qoq');
    assert.ok(!claimOf(en('The annual inflation rate eased to 3.1 percent in November.', '2024-01-12'), '3.1').aspects.includes('basis:annualised'));
    assert.ok(claimOf(zh('美国12月CPI月升0.3%，高于市场预期的0.2%。', '2024-01-12'), '0.2%').aspects.includes('forecast:consensus'));
  });
});

describe('Chinese numerals written place by place', () => {
  test('五○五七點四億元 and 一點○五兆元: digits with ○ or 〇 are read place by place, the magnitude after them scales', () => {
    const c = zh('該公司第四季稅後純益五○五七點四億元，單季營收一點○五兆元。');
    const profit = claimOf(c, '五○五七點四億元');
    close(profit.value, 505_740_000_000);
    close(profit.precision, 1e7);
    close(claimOf(c, '一點○五兆元').value, 1.05e12);
    close(claimOf(zh('营收三点五亿元。'), '三点五亿元').precision, 1e7);
    // Two digits without a 〇 are still a vague range, not a number.
    assert.equal(zh('该市有三四万人参加。').length, 0);
  });
});

describe('a measure word after its own figure', () => {
  test('"grew 4.8 percent year on year and went up 1.1 percent on a quarterly basis": each figure has its own measure', () => {
    const c = en('The economy grew 4.8 percent year on year and went up 1.1 percent on a quarterly basis in the third quarter.', '2024-10-18');
    assert.equal(claimOf(c, '4.8 percent').measure, 'yoy');
    assert.equal(claimOf(c, '1.1 percent').measure, 'qoq');
  });
});

describe('shares of revenue and quarters named as bases', () => {
  test('the part whose share of revenue a figure is stands before the share verb', () => {
    const a = claimOf(en('Advanced technologies now constitute two-thirds of the group\'s revenue.', '2024-01-18'), 'two-thirds');
    assert.equal(a.metric, 'revenue_share');
    assert.ok(a.aspects.includes('segment:advanced technologies'));
    const b = claimOf(en('Smartphones contributed 38% of revenue in Q4 2023.', '2024-01-18'), '38%');
    assert.equal(b.metric, 'revenue_share');
    assert.ok(b.aspects.includes('segment:smartphones'));
  });

  test('"compared to the third quarter of 2023" for a Q4 2023 figure is the quarter before', () => {
    const c = en(['Contoso reported fourth-quarter 2023 net profit of $2.1 billion.', 'Compared to the third quarter of 2023, net profit saw a 9.2% increase.'], '2024-01-18');
    assert.equal(claimOf(c, '9.2%').measure, 'qoq');
  });
});

describe('more page shapes', () => {
  test('"However," and "Additionally," open sentences; they name no owner', () => {
    assert.notEqual(claimOf(en('However, the company\'s revenue rose 21.4% to 180.2 billion RMB.', '2024-03-25'), '21.4%').subject, 'however');
    assert.notEqual(claimOf(en('Additionally, exports climbed 5.1% in the quarter.', '2024-03-25'), '5.1%').subject, 'additionally');
  });

  test('"2023 年" with a space before 年 is the year, as PDF copies print it', () => {
    assert.equal(claimOf(zh('公司2023 年实现营收1840.2 亿元，同比+19.6%。', '2024-03-25'), '1840.2').period, '2023');
  });

  test('"in USD terms" marks a change measured in dollars; on a dollar amount it says nothing more', () => {
    const c = en('In USD terms, revenue stood at $18.41 billion, a slight decrease of 2.5% year-over-year, but a 10.2% increase sequentially.', '2024-01-18');
    assert.ok(claimOf(c, '10.2%').aspects.includes('currency-basis:usd'));
    assert.ok(!claimOf(c, '$18.41').aspects.some((a) => a.startsWith('currency-basis:')));
    assert.equal(claimOf(c, '2.5%').value, -2.5, '"a slight decrease of" is a decrease');
  });
});

describe('segments the lexicon now knows', () => {
  test('智慧手机 (Taiwan) is the smartphone segment', () => {
    assert.ok(claimOf(zh('第四季智慧手机收入535亿元，年增16%。', '2025-03-20'), '16%').aspects.includes('segment:smartphones'));
  });
});

describe('short names, headlines and per-vehicle profit', () => {
  test('理想 names Li Auto only right before what it reports; 业绩不理想 is the word for unsatisfactory', () => {
    assert.equal(claimOf(zh('4Q23理想交付量同比增长184.6%至13.2万辆。', '2024-02-27'), '184.6%').subject, 'li-auto');
    assert.notEqual(claimOf(zh('受需求影响，某公司四季度业绩不理想，营收同比下降5.2%。', '2024-02-27'), '5.2%').subject, 'li-auto');
    assert.equal(claimOf(zh('理想汽车四季度营收417.3亿元。', '2024-02-27'), '417.3亿元').subject, 'li-auto');
  });

  test('a headline figure with no base takes the measure the body gives the same figure', () => {
    const { claims } = extract(['Contoso Reports Fourth Quarter 2023 Results, Sees a 12.8% Increase in Revenue', 'Compared to third quarter 2023, fourth quarter results represented a 12.8% increase in revenue.'], { language: 'en', date: '2024-01-18' });
    assert.equal(claimOf(claims, '12.8%', 0).measure, 'qoq');
    assert.equal(claimOf(claims, '12.8%', 1).measure, 'qoq');
  });

  test('单车盈利 is profit per vehicle, not net profit', () => {
    assert.equal(claimOf(zh('四季度单车盈利3.4万元。', '2024-02-27'), '3.4万元').metric, 'profit_per_vehicle');
  });
});
