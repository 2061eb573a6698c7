// English news shapes that once read to a wrong value or unit: magnitudes joined by a hyphen or
// glued (2.5m, 40k, unless a length), halves of a scale, ranges whose dash is no minus, index points,
// British "pc", rupees and won, names that end in a number, and change verbs in the perfect.
// Sentences are our own, written in the shapes wire copy and papers print.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimOf, close, extract, scan } from './helpers.js';

const en = (text: string) => extract(text, { language: 'en' }).claims;

describe('magnitudes', () => {
  test('a hyphen may join the magnitude word to the figure: $2.7-billion is 2.7e9, not $2.7', () => {
    const c = claimOf(en('The $2.7-billion takeover closed on Monday.'), '$2.7');
    assert.equal(c.quote, '$2.7-billion');
    close(c.value, 2.7e9);
    assert.equal(c.unit, 'USD');
  });

  test('a glued m before a currency word or a unit is million: 250m euros, 1.8m tonnes', () => {
    const money = claimOf(en('The club spent 250m euros on players.'), '250');
    close(money.value, 250e6);
    assert.equal(money.unit, 'EUR');
    const oil = claimOf(en('The field yields 1.8m tonnes a year.'), '1.8');
    close(oil.value, 1.8e6);
    assert.equal(oil.unit, 't');
  });

  test('a glued m or k alone is million or thousand, as British copy prints them: 2.5m, 40k', () => {
    const rose = en('Members rose to 4.1m from 3.6m in two years.');
    close(claimOf(rose, '4.1m').value, 4.1e6);
    close(claimOf(rose, '3.6m').value, 3.6e6);
    close(claimOf(en('The charity spends 12m a year on grants.'), '12m').value, 12e6);
    close(claimOf(en('The final drew 9.3m.'), '9.3m').value, 9.3e6);
    close(claimOf(en('The firm will hire 18k engineers.'), '18k').value, 18e3);
  });

  test('a glued m or k the words make a length is read as printed, in metres or kilometres', () => {
    const wall = claimOf(en('The flood barrier is 7m high.'), '7m');
    assert.equal(wall.value, 7);
    assert.equal(wall.unit, 'm');
    assert.equal(claimOf(en('She set a record in the 200m freestyle.'), '200m').value, 200);
    assert.equal(claimOf(en('A 2.4m-long shark was caught.'), '2.4m').unit, 'm');
    assert.equal(claimOf(en('Swells of up to 9m battered the pier.'), '9m').value, 9);
    const race = claimOf(en('More than 800 runners took part in the 5k race.'), '5k');
    assert.equal(race.value, 5);
    assert.equal(race.unit, 'km');
  });

  test('a glued m between an article and a singular noun may be either, so it is not read', () => {
    assert.deepEqual(scan('The runner won the 400m final.', 'en').map((t) => t.value), []);
    assert.deepEqual(scan('They sold a 6m stake.', 'en').map((t) => t.value), []);
    // A wall is measured: the sentence makes it a length.
    assert.deepEqual(scan('They built a 6m wall.', 'en').map((t) => [t.value, t.unit]), [[6, 'm']]);
  });

  test('half a million is 500,000, never a million', () => {
    const c = claimOf(en('Almost half a million voters stayed home.'), 'million');
    assert.equal(c.quote, 'half a million');
    close(c.value, 500_000);
    const d = claimOf(en('The refit will cost half a billion dollars.'), 'billion');
    close(d.value, 5e8);
    assert.equal(d.unit, 'USD');
  });

  test('a lakh crore is 10^12 rupees; Rs before a figure is the rupee', () => {
    const c = claimOf(en('The plan sets aside Rs2.4 lakh crore for railways.'), '2.4');
    close(c.value, 2.4e12);
    assert.equal(c.unit, 'INR');
    const d = claimOf(en('Net profit was Rs 3,100 crore in the quarter.'), '3,100');
    close(d.value, 31e9);
    assert.equal(d.unit, 'INR');
  });

  test('Rs. with a stop is the rupee and does not end the sentence; cr is crore', () => {
    const c = claimOf(en('A kilo of onions sells for Rs. 38.50 in Pune.'), '38.50');
    assert.equal(c.quote, 'Rs. 38.50');
    assert.equal(c.unit, 'INR');
    const cr = claimOf(en('The trust raised Rs 1,650 cr last month.'), '1,650');
    close(cr.value, 1650e7);
    assert.equal(cr.unit, 'INR');
  });

  test('a whole number of lakh crore is read, with the rupee sign before it', () => {
    const c = claimOf(en('The state will borrow Rs 4 lakh crore next year.'), '4 lakh crore');
    close(c.value, 4e12);
    assert.equal(c.unit, 'INR');
    assert.equal(c.quote, 'Rs 4 lakh crore');
  });

  test('pc after a space is per cent, as Indian papers print it', () => {
    const c = claimOf(en('Car sales rose 14 pc in May.'), '14 pc');
    assert.equal(c.unit, '%');
    assert.equal(c.measure, 'yoy');
  });

  test('temperatures, speeds and weights glued to the figure: 38C, minus 4C, 70mph, 8.1lb, 300km/h', () => {
    const hot = claimOf(en('Temperatures reached 38C in Athens.'), '38C');
    assert.equal(hot.unit, '°C');
    close(claimOf(en('The thermometer fell to minus 4C overnight.'), '4C').value, -4);
    assert.equal(claimOf(en('Gusts of 70mph were recorded.'), '70mph').unit, 'mph');
    assert.equal(claimOf(en('She weighed 8.1lb at birth.'), '8.1lb').unit, 'lb');
    assert.equal(claimOf(en('The train hit 300km/h.'), '300km/h').unit, 'km/h');
    assert.deepEqual(scan('Leaders backed the 2C goal.', 'en'), []);
  });

  test('p glued to a figure is pence, but not a screen resolution', () => {
    const p = en('The shares ended at 64p, down from 71p.');
    close(claimOf(p, '64p').value, 0.64);
    assert.equal(claimOf(p, '71p').unit, 'GBP');
    assert.equal(claimOf(en('The interim dividend rises to 8.2p a share.'), '8.2p').unit, 'GBP/share');
    assert.ok(!en('The camera records 1080p video at 60 frames a second.').some((c) => c.unit === 'GBP'));
  });

  test('bp and bps glued to a figure are basis points', () => {
    close(claimOf(en('Gilt yields fell 12bps on Tuesday.'), '12bps').value, -0.12);
    assert.equal(claimOf(en('The spread widened by 40bp.'), '40bp').unit, 'pp');
  });

  test('¥ is the yen in English coverage of Japan, the yuan otherwise', () => {
    const jp = claimOf(extract(['Tokyo-listed carmakers reported their results.', 'Its operating profit rose to ¥2.1tn.'], { language: 'en' }).claims, '¥2.1tn');
    assert.equal(jp.unit, 'JPY');
    const cn = claimOf(extract(['Shanghai-listed carmakers reported their results.', 'Its operating profit rose to ¥2.1bn.'], { language: 'en' }).claims, '¥2.1bn');
    assert.equal(cn.unit, 'CNY');
  });

  test('won after a magnitude is the Korean currency; won before a figure is the verb', () => {
    const c = claimOf(en('The chipmaker earned 3.4 trillion won in the quarter.'), '3.4');
    assert.equal(c.unit, 'KRW');
    close(c.value, 3.4e12);
    const votes = claimOf(en('She won 2.1 million votes in the first round.'), '2.1');
    assert.equal(votes.unit, 'count');
  });

  test('a whole number and a fraction: 3 1/2 is 3.5', () => {
    const t = scan('Rates rose to 3 1/2 percent.', 'en');
    assert.equal(t.length, 1);
    close(t[0]!.value, 3.5);
    assert.equal(t[0]!.unit, '%');
  });
});

describe('percent and points', () => {
  test('pc glued to a figure is per cent', () => {
    const c = claimOf(en('House prices rose 1.6pc in the year.'), '1.6');
    assert.equal(c.unit, '%');
    assert.equal(c.value, 1.6);
    assert.equal(c.measure, 'yoy');
  });

  test('a dash between two percentages is a range, not a minus: a gain of 4%-6%', () => {
    const cs = en('Brokers see a gain of 4%-6% for the year.');
    assert.deepEqual(cs.map((c) => c.value), [4, 6]);
    assert.deepEqual(cs.map((c) => c.aspects.filter((a) => a.startsWith('range:'))), [['range:low'], ['range:high']]);
  });

  test('a minus after a space is still a sign: "Sales 120.5 -3.2%"', () => {
    const t = scan('Sales 120.5 -3.2%', 'en');
    assert.equal(t.find((x) => x.unit === '%')?.sign, -1);
  });

  test('the low end of "down 20-25%" is a percent, and both ends are the same fall', () => {
    const cs = en('Shipments are down 20-25% from last year.');
    assert.deepEqual(cs.map((c) => [c.value, c.unit, c.measure]), [
      [-20, '%', 'yoy'],
      [-25, '%', 'yoy'],
    ]);
  });

  test('index points are not percentage points', () => {
    const c = claimOf(en('The Nikkei shed 310 points, or 0.9%, on Friday.'), '310');
    assert.equal(c.unit, 'points');
    assert.equal(c.value, -310);
    assert.equal(c.measure, 'yoy');
    const big = claimOf(en('The gauge ended 1,250 points higher.'), '1,250');
    assert.equal(big.unit, 'points');
  });

  test('bare points in a change column of results stay percentage points', () => {
    const c = claimOf(en('Gross margin widened 3.1 points to 44.2%.'), '3.1');
    assert.equal(c.unit, 'pp');
  });
});

describe('metric names outlets use', () => {
  test('a share of GDP belongs to what is measured against GDP: deficit, debt, current account', () => {
    assert.equal(claimOf(en('The budget deficit narrowed to 3.9% of GDP.'), '3.9%').metric, 'fiscal_deficit');
    assert.equal(claimOf(en('Public debt reached 104% of GDP.'), '104%').metric, 'government_debt');
    assert.equal(claimOf(en('The current account surplus was 1.7% of GDP.'), '1.7%').metric, 'current_account');
  });

  test('profit before tax is its own metric, not net profit', () => {
    assert.equal(claimOf(en('Pre-tax profit climbed 11% to £2.4bn.'), '£2.4bn').metric, 'pretax_profit');
    assert.equal(claimOf(en('Profit before tax was $310m.'), '$310m').metric, 'pretax_profit');
  });

  test('a central bank\'s target range is its policy rate, not a growth target', () => {
    assert.equal(claimOf(en('The Fed kept its target range at 4.25%-4.50%.'), '4.25%').metric, 'policy_rate');
  });

  test('a trade deficit is not a budget deficit; a minimum wage is not wage growth', () => {
    assert.equal(claimOf(en('The trade deficit widened to $68.9bn.'), '$68.9bn').metric, 'trade_deficit');
    assert.equal(claimOf(en('Real wages rose 1.2% after inflation.'), '1.2%').metric, 'real_wages');
    assert.equal(claimOf(en('The minimum wage rises 6.7% in April.'), '6.7%').metric, 'minimum_wage');
  });

  test('a units metric takes no money: a flat sold for $1.4m is a price', () => {
    assert.equal(claimOf(en('The flat sold for $1.4m last week.'), '$1.4m').metric, null);
    assert.equal(claimOf(en('The carmaker sold 2.1 million vehicles.'), '2.1 million').metric, 'sales_volume');
  });

  test('a rate per 100,000 people is one figure with its unit; 25 times earnings is a multiple', () => {
    const c = claimOf(en('Suicide deaths fell to 10.7 per 100,000 people.'), '10.7');
    assert.equal(c.quote, '10.7 per 100,000 people');
    assert.equal(c.unit, 'per 100000');
    assert.equal(en('Suicide deaths fell to 10.7 per 100,000 people.').length, 1);
    assert.equal(claimOf(en('The shares trade at 18 times earnings.'), '18').unit, 'times');
  });

  test('"costs" as a verb is a price, not the cost of revenue', () => {
    assert.equal(claimOf(en('A season ticket costs $1,450.'), '1,450').metric, null);
  });


  test('factory-gate and industrial production prices are the PPI; babies born are births', () => {
    assert.equal(en('Factory-gate prices fell 1.8% in March.')[0]!.metric, 'ppi');
    assert.equal(en('Industrial production prices dropped 2.1% from a year earlier.')[0]!.metric, 'ppi');
    assert.equal(en('About 8.7 million babies were born last year.')[0]!.metric, 'births');
  });
});

describe('change words', () => {
  test('the perfect tense is a change: has fallen, have risen, has grown', () => {
    for (const [s, v] of [
      ['The stock has fallen 35 per cent since March.', -35],
      ['Rents have risen 12% over the period.', 12],
      ['Membership has grown 8% this year.', 8],
    ] as const) {
      const c = en(s)[0]!;
      assert.equal(c.measure, 'yoy', s);
      assert.equal(c.value, v, s);
    }
  });

  test('"as much as" and "a further" may stand between the change word and the figure', () => {
    assert.equal(en('Shares climbed as much as 14% in early trade.')[0]!.measure, 'yoy');
    assert.equal(en('Output fell a further 2.3% in May.')[0]!.value, -2.3);
    assert.equal(en('Salaries rose by an average of 4.4%.')[0]!.measure, 'yoy');
  });

  test('what is lost of a rate or a count is a fall; a lost amount of money is a loss', () => {
    const pct = en('The peso has lost 18pc of its value.')[0]!;
    assert.deepEqual([pct.value, pct.measure], [-18, 'yoy']);
    const money = en('The airline lost $420 million in the year.')[0]!;
    assert.deepEqual([money.value, money.measure], [-420e6, 'level']);
  });
});

describe('changes named by nouns, currency verbs and "by"', () => {
  test('a cut, a dip or a loss after a percentage is a fall', () => {
    close(claimOf(en('The council approved a 12% cut in parking fees.'), '12%').value, -12);
    close(claimOf(en('The gauge posted a 2.6% loss for the month.'), '2.6%').value, -2.6);
    close(claimOf(en('Retailers saw a 3% dip in footfall.'), '3%').value, -3);
  });

  test('a loss of money stays an amount, not a fall of a rate', () => {
    const c = claimOf(en('The airline booked a $300 million loss on the sale.'), '$300 million');
    assert.equal(c.measure, 'level');
  });

  test('a currency that weakened, softened or depreciated fell; one that strengthened rose', () => {
    close(claimOf(en('The peso weakened 0.8% against the dollar.'), '0.8%').value, -0.8);
    close(claimOf(en('The krone was 0.4% softer on the day.'), '0.4%').value, -0.4);
    close(claimOf(en('The rand depreciated by 9 per cent last year.'), '9 per cent').value, -9);
    const up = claimOf(en('The franc strengthened 1.1% on Tuesday.'), '1.1%');
    assert.equal(up.measure, 'yoy');
    assert.equal(up.value, 1.1);
  });

  test('a verb, its object, then "by": the figure is the change the verb names', () => {
    const hike = claimOf(en('The central bank raised its key rate by 75 basis points.'), '75 basis points');
    // A rate set by decisions moves from the setting before, as 较上月下调 says in Chinese.
    assert.equal(hike.measure, 'qoq');
    close(hike.value, 0.75);
    close(claimOf(en('The agency cut its growth forecast by 0.4 percentage points.'), '0.4').value, -0.4);
    assert.equal(claimOf(en('The startup raised $40 million from investors.'), '$40 million').measure, 'level');
  });

  test('"at an annualised rate of" stands between the change word and the figure, and the rate is annualised', () => {
    const c = claimOf(en('Output shrank at an annualised rate of 2.2% in the second quarter.'), '2.2%');
    close(c.value, -2.2);
    assert.ok(c.aspects.includes('basis:annualised'));
    const plain = claimOf(en('Output shrank 0.6% in the second quarter.'), '0.6%');
    assert.ok(!plain.aspects.includes('basis:annualised'));
  });

  test('"by an annualised 1.3 per cent" and "a 3.5% council tax rise" are changes; "as much as" is an upper bound', () => {
    close(claimOf(en('Output contracted by an annualised 1.3 per cent.'), '1.3').value, -1.3);
    assert.equal(claimOf(en('Households face a 3.5% council tax rise.'), '3.5%').measure, 'yoy');
    assert.equal(claimOf(en('The shares fell as much as 14% on Friday.'), '14%').qualifier, 'upper');
  });

  test('on the month, on the quarter and m/m measure against the period before', () => {
    assert.equal(claimOf(en('Prices rose 0.5% on the month.'), '0.5%').measure, 'qoq');
    assert.equal(claimOf(en('Core prices rose 0.2% m/m in March.'), '0.2%').measure, 'qoq');
    assert.equal(claimOf(en('Investment fell 1.1 per cent on the quarter.'), '1.1').measure, 'qoq');
  });

  test('plus or minus is a margin, not a negative figure', () => {
    const c = claimOf(en('The survey has a margin of error of plus or minus 3 percentage points.'), '3 percentage points');
    assert.ok(c.value > 0);
  });
});

describe('bases with a period of their own', () => {
  test('"compared to" names a base like "compared with"; a rate compared with a change is a change of its own period', () => {
    const claims = en('Exports grew 6.1% in 2024, compared to 3.8% in 2023.');
    const base = claimOf(claims, '3.8%');
    assert.equal(base.period, '2023');
    assert.equal(base.measure, 'yoy');
    const level = claimOf(en('The margin was 44% in 2024, compared to 39% in 2023.'), '39%');
    assert.equal(level.measure, 'level');
    assert.equal(level.period, '2023');
  });

  test('"from 2.7 percent a month ago" is the figure of the month before', () => {
    const c = claimOf(extract(['The decline in producer prices eased to 1.9 percent in March from 2.3 percent a month ago.'], { language: 'en', date: '2025-04-10' }).claims, '2.3 percent');
    assert.equal(c.period, '2025-02');
  });

  test('an inflation rate compared with, in its own month, is that month\'s inflation', () => {
    const c = claimOf(extract(['Consumer price inflation eased to 2.6% in May from 2.9% in April.'], { language: 'en', date: '2025-06-18' }).claims, '2.9%');
    assert.equal(c.measure, 'yoy');
    assert.equal(c.period, '2025-04');
  });
});

describe('losses and their bases', () => {
  test('the base a loss is compared with is a loss too', () => {
    const cs = en('The operating loss narrowed to $62 million from $140 million.');
    assert.deepEqual(cs.map((c) => c.value), [-62e6, -140e6]);
    const zh = extract('该公司净亏损扩大至3.6亿元，上年同期为2.2亿元。').claims;
    assert.deepEqual(zh.map((c) => c.value), [-3.6e8, -2.2e8]);
  });

  test('a base named as a profit stays a profit', () => {
    const cs = en('It posted a net loss of $75m, against a profit of $30m a year earlier.');
    assert.deepEqual(cs.map((c) => c.value), [-75e6, 30e6]);
  });
});

describe('lists of changes and per-share bases', () => {
  test('bracketed figures in a list that a change noun opens are those changes', () => {
    const cs = en('Sectors that posted gains in May include mining (12,000), transport (7,500) and hotels (9,200).');
    assert.deepEqual(cs.map((c) => [c.value, c.measure]), [
      [12_000, 'yoy'],
      [7_500, 'yoy'],
      [9_200, 'yoy'],
    ]);
    assert.equal(en('Hotels (9,200) were busy.')[0]!.measure, 'level');
  });

  test('the base of a per-share figure is per share too', () => {
    const cs = en('Earnings were $2.04 a share, compared with $1.77 a year earlier.');
    assert.deepEqual(cs.map((c) => c.unit), ['USD/share', 'USD/share']);
    const other = en('It earned $2.04 a share and paid $300 million in dividends.');
    assert.equal(other[1]!.unit, 'USD');
  });
});

describe('a semicolon goes on with the metric before', () => {
  test('a clause after ； that opens with a change word keeps the metric: CPI同比…；环比上涨…', () => {
    const cs = extract('全国居民消费价格指数同比上涨0.7%，涨幅比上月扩大0.2个百分点；环比下降0.1%，降幅比上月收窄0.3个百分点。').claims;
    assert.deepEqual(cs.map((c) => c.metric), ['cpi', 'cpi', 'cpi', 'cpi']);
    assert.equal(cs[2]!.why.metric?.startsWith('goes on after a semicolon'), true);
  });

  test('points by which a rate of change moved are a fact of their own: 环比上涨0.4%，涨幅比上月扩大0.1个百分点', () => {
    const cs = extract('居民消费价格指数环比上涨0.4%，涨幅比上月扩大0.1个百分点。').claims;
    assert.deepEqual(cs.map((c) => c.aspects), [[], ['of:rate-change']]);
  });

  test('a clause after ； that names a noun of its own does not', () => {
    const cs = extract('全年自由现金流52.1亿美元；截至年底在手订单305亿美元。').claims;
    assert.equal(cs[1]!.metric, null);
  });
});

describe('adjectives and spans between the change word and the figure', () => {
  test('"soared by an impressive 18%" is a change; "in a single quarter" measures it against the quarter before', () => {
    assert.equal(en('The unit soared by an impressive 18% in the year.')[0]!.measure, 'yoy');
    assert.equal(en('In a single quarter, its revenue saw growth of 64%.')[0]!.measure, 'qoq');
  });
});

describe('share prices quoted per share', () => {
  test('a price per share in a sentence about the share price is the share price, in plain currency', () => {
    const c = en("After touching a record of 57.30 yuan per share in March, Contoso's share price has slid by a fifth.")[0]!;
    assert.deepEqual([c.metric, c.unit], ['share_price', 'CNY']);
    const d = en('By the close, the stock price had fallen 3.1% to 22.4 yuan per share.')[1]!;
    assert.deepEqual([d.metric, d.unit], ['share_price', 'CNY']);
  });

  test('earnings per share stay earnings per share', () => {
    const c = en('Earnings were 1.35 yuan per share.')[0]!;
    assert.deepEqual([c.metric, c.unit], ['eps', 'CNY/share']);
  });
});

describe('a change, then the new level', () => {
  test('"fell 3 million to 1.4 billion" is a change and a level, never a range that lends its magnitude', () => {
    const cs = en('The population fell 3 million to 1.4 billion last year.');
    assert.deepEqual(cs.map((c) => [c.value, c.measure]), [
      [-3e6, 'yoy'],
      [1.4e9, 'level'],
    ]);
    assert.ok(cs.every((c) => !c.aspects.some((a) => a.startsWith('range:'))));
  });

  test('the change takes the currency of the new level: grew 300 million to 2.5 billion yuan, 增长3亿至25亿元', () => {
    assert.equal(en('The fund grew 300 million to 2.5 billion yuan.')[0]!.unit, 'CNY');
    const zh = extract('基金规模增长3亿至25亿元。').claims;
    assert.deepEqual(zh.map((c) => [c.value, c.unit, c.measure]), [
      [3e8, 'CNY', 'yoy'],
      [25e8, 'CNY', 'level'],
    ]);
  });

  test('a true range still lends its magnitude to a low end printed without one: $21.5-23.0bn', () => {
    const cs = en('Revenue will be $21.5-23.0bn.');
    assert.deepEqual(cs.map((c) => c.value), [21.5e9, 23e9]);
  });

  test('a sentence that opens with the change it names is about the metric before it', () => {
    const cs = en("The country's population fell to 61.2 million. The decrease of 0.4 million was a drop of 0.6 percent.");
    assert.deepEqual(cs.map((c) => c.metric), ['population', 'population', 'population']);
  });
});

describe('dividends and consensus bases', () => {
  test('"a dividend of RMB 3.10 per 10 shares, totaling RMB 4.2 billion": the total paid out, never a share price', () => {
    const cs = en('The board proposed a cash dividend of RMB 3.10 per 10 shares, totaling RMB 4.2 billion.');
    assert.deepEqual(cs.map((c) => c.metric), ['dividend_per_share', 'dividends_total']);
  });

  test('millions of yuan are no share price, whatever "shares" the sentence names', () => {
    const c = en('Shares of the group changed hands after a RMB 8.4 billion placement.').find((x) => x.value === 8.4e9)!;
    assert.notEqual(c.metric, 'share_price');
  });

  test('the consensus a per-share figure is compared with is per share', () => {
    const cs = en('Contoso posted $0.44 adjusted earnings per share, compared to a Wall Street consensus estimate of $0.47.');
    assert.deepEqual(cs.map((c) => c.unit), ['USD/share', 'USD/share']);
    const money = en('It earned $1.52 a share, compared with revenue of $3 billion.');
    assert.equal(money[1]!.unit, 'USD');
  });
});

describe('parts named after the metric', () => {
  const segmentOf = (c: { aspects: string[] }) => c.aspects.find((a) => a.startsWith('segment:'));

  test('"revenue from its X unit" and "revenue from X rose" name a part', () => {
    assert.equal(segmentOf(en("Acme's revenue from its garden tools unit rose 6%.")[0]!), 'segment:garden tools');
    assert.equal(segmentOf(en('Revenue from Contoso devices climbed 11%.')[0]!), 'segment:contoso devices');
  });

  test('a base word before a verb belongs to the noun phrase: the figure is no comparison base', () => {
    const c = en('Income from licensing rose 7% in the year.')[0]!;
    assert.ok(!c.aspects.includes('base'), JSON.stringify(c.aspects));
    const base = en('Profit rose to $9 billion from $7 billion.');
    assert.deepEqual(base.map((x) => x.aspects.includes('base')), [false, true]);
  });

  test('a noun before a known segment word makes another part; an adjective does not', () => {
    // "services" is a segment the lexicon knows; "Contoso services" is a part of its own.
    assert.equal(segmentOf(en('Revenues from Contoso services jumped 31%.')[0]!), 'segment:contoso services');
    assert.equal(segmentOf(en('Services revenue rose 14%.')[0]!), 'segment:services');
    assert.equal(segmentOf(en('Sales of its flagship series liquor rose 12% to 20.6 billion yuan.')[0]!), 'segment:series-liquor');
  });

  test('periods and operations after the metric are no parts', () => {
    assert.equal(segmentOf(en('Income from operations rose 5%.')[0]!), undefined);
    assert.equal(segmentOf(en('Revenue for the quarter was $3 billion.')[0]!), undefined);
  });
});

describe('names that end in a number', () => {
  test('Airbus 320, Windows 10, FTSE 250 are names, not counts', () => {
    for (const s of ['The Airbus 320 fleet is grounded.', 'Windows 10 lost support.', 'The FTSE 250 rose 1.2% to 19,400.'])
      assert.ok(!scan(s, 'en').some((t) => ['320', '10', '250'].includes(s.slice(t.numStart, t.numEnd))), s);
  });

  test('a figure after a capitalised function word or a currency code is still read', () => {
    assert.equal(scan('About 300 people attended.', 'en')[0]?.value, 300);
    assert.equal(scan('Over 450 stores closed.', 'en')[0]?.value, 450);
    const t = scan('The fare is 15 USD 50.', 'en');
    close(t[0]!.value, 15.5);
  });
});

describe('undated articles', () => {
  test('a fiscal quarter without a year takes the fiscal year the article is about', () => {
    const { claims } = extract(['Revenue rose 9% in the fiscal first quarter.'], { language: 'en', title: 'Acme reports results for the first quarter of fiscal 2025', date: '' });
    assert.equal(claimOf(claims, '9%').period, 'FY2025-Q1');
  });
});

describe('shares said as ratios and fractions', () => {
  test('"one in four", "seven out of 10" and "two-thirds of" are percentages', () => {
    close(claimOf(en('One in four pupils walk to school.'), 'One in four').value, 25);
    close(claimOf(en('Seven out of 10 firms plan to hire.'), 'Seven out of 10').value, 70);
    const c = claimOf(en('Two-thirds of tenants said rents had risen.'), 'Two-thirds');
    assert.equal(c.unit, '%');
    assert.ok(Math.abs(c.value - 66.67) < 0.01);
    // The 10 of "seven out of 10" is part of the share, not a figure of its own.
    assert.equal(en('Seven out of 10 firms plan to hire.').length, 1);
  });

  test('"fell by a fifth" is a fall of 20%', () => {
    close(claimOf(en('Orders fell by a fifth last year.'), 'a fifth').value, -20);
  });

  test('the first half of the year, two thirds of a million and two out of five hundred are no such shares', () => {
    assert.ok(!en('Profit rose 8% in the first half of the year.').some((c) => c.quote.includes('half')));
    assert.ok(!scan('It cost two thirds of a million.', 'en').some((t) => t.unit === '%'));
    assert.ok(!scan('Two out of five hundred sets failed.', 'en').some((t) => t.value === 40));
  });
});

describe('counted nouns and the periods of compared changes', () => {
  test('the counted noun ends the phrase: "Six people died" counts people, so a small count is read', () => {
    const c = claimOf(en('Six people died and dozens were hurt when the roof collapsed.'), 'Six');
    assert.equal(c.value, 6);
    assert.equal(c.countOf, 'person');
  });

  test('a change said inside the comparison has the period named right after it', () => {
    const c = en('Factory-gate prices fell 1.9% on the year in March 2025, compared with a drop of 2.2% in February 2025.');
    assert.equal(claimOf(c, '1.9%').period, '2025-03');
    const base = claimOf(c, '2.2%');
    assert.equal(base.period, '2025-02');
    close(base.value, -2.2);
    assert.equal(claimOf(en('Home sales rose 1.4% in May 2025, after a 0.8% rise in April 2025.'), '0.8%').period, '2025-04');
  });
});

describe('ages, spans of time and numbers that name things', () => {
  test('an age or a span is read in its unit and takes no metric: a 52-year-old is no death toll', () => {
    const c = en('A 52-year-old cyclist was killed and his 14-year-old daughter was injured on Sunday.');
    assert.deepEqual([claimOf(c, '52').unit, claimOf(c, '52').metric], ['years', null]);
    assert.equal(claimOf(c, '14').metric, null);
    assert.equal(claimOf(en('Inflation hit 9.4 percent, a 41-year high.'), '41').metric, null);
    assert.equal(claimOf(en('Healthy life expectancy rose to 68.7 years.'), '68.7').unit, 'years');
    // The 12 months to June name a period; two years ago a date; "six months" is how a story tells time.
    const p = en('Sales rose 4% in the 12 months to June, up from two years ago, in just six months.');
    assert.deepEqual(p.map((x) => x.quote), ['4%']);
  });

  test('a day before its month, an old year, a side of a slash, a denominator and a clock are not counts', () => {
    const quotes = (s: string) => en(s).map((x) => x.quote);
    assert.deepEqual(quotes('The 14 April raid left 8 people dead.'), ['8']);
    assert.deepEqual(quotes('The mill, built in 1868, employs 340 people.'), ['340']);
    assert.deepEqual(quotes('A 70/30 split of the 1,200 seats was agreed.'), ['1,200']);
    assert.ok(!en('There are 3.1 doctors per 1,000 residents.').some((x) => x.value === 1000));
    assert.deepEqual(quotes('Voting closed at 22:00:00 with 5,400 ballots cast.'), ['5,400']);
  });

  test('a capital letter glued to a place or model number is no magnitude; one after a figure still is', () => {
    assert.deepEqual(en('Fans queued at Gate 9B for two hours.').map((x) => x.quote), []);
    assert.deepEqual(en('The airline ordered the 777X in 2013.').map((x) => x.quote), []);
    close(claimOf(en('The economy added 256K jobs in December.'), '256K').value, 256000);
  });
});

describe('points, losses and lengths', () => {
  test('a fraction of a point is percentage points, not a share', () => {
    const c = claimOf(en('The bank cut its main rate by a quarter point to 3.5%.'), 'quarter');
    assert.deepEqual([c.value, c.unit], [-0.25, 'pp']);
    assert.equal(claimOf(en('Yields rose by half a percentage point.'), 'half').value, 0.5);
  });

  test('a loss is negative however it is worded', () => {
    assert.ok(claimOf(en('The miner reported a $2.4 billion loss for the half.'), '$2.4').value < 0);
    assert.ok(claimOf(en('Losses deepened to 850 million pounds.'), '850').value < 0);
    assert.ok(claimOf(en('It booked a net loss attributable to shareholders of ¥38 billion.'), '38').value < 0);
    // "lost 3 cents to 87 cents": the change, then the new price, which is no loss.
    assert.ok(claimOf(en('The stock lost 3 cents to 87 cents.'), '87').value > 0);
  });

  test('a glued m in a sentence about water or bodies measured is metres; paise are rupees', () => {
    assert.equal(claimOf(en('The river rose 2.3m overnight.'), '2.3m').unit, 'm');
    close(claimOf(en('Membership rose to 2.3m last year.'), '2.3m').value, 2.3e6);
    close(claimOf(en('Diesel costs 40 paise more.'), '40').value, 0.4);
  });

  test('more bounds and units: no more than, fewer than, TWh, square kilometres; barrels a day are no GDP', () => {
    assert.equal(claimOf(en('No more than 80 people attended.'), '80').qualifier, 'upper');
    assert.equal(claimOf(en('Fewer than 300 homes lost power.'), '300').qualifier, 'upper');
    assert.equal(claimOf(en('Wind farms produced 14 TWh last year.'), '14').unit, 'TWh');
    assert.equal(claimOf(en('Fires burned 3,200 square kilometres.'), '3,200').unit, 'km2');
    assert.notEqual(claimOf(en('Crude output rose to 1.4 mb/d in May.'), '1.4').metric, 'gdp');
  });
});

describe('ranges, respectively lists and per-share prices', () => {
  test('a small bare low end opens a range whose high end has the unit', () => {
    const w = en('Rents rose 4 to 7 percent last year.');
    close(claimOf(w, '4').value, 4);
    assert.equal(claimOf(w, '4').unit, '%');
    close(claimOf(en('Between 3 and 4 million people voted early.'), '3').value, 3e6);
    const t = en('The spans will be 200-240 metres long.');
    assert.deepEqual([claimOf(t, '200').value, claimOf(t, '200').unit], [200, 'm']);
    const g = claimOf(en('The upgrade will cost £2.5bn-3bn.'), '3bn');
    assert.deepEqual([g.value, g.unit], [3e9, 'GBP']);
    assert.deepEqual(en('The visitors won 4-2 on Sunday.').map((x) => x.quote), []);
  });

  test('the years of a respectively list give each figure its own', () => {
    const c = en('Sales in 2023 and 2024 were $4 billion and $5 billion respectively.');
    assert.equal(claimOf(c, '$4 billion').period, '2023');
    assert.equal(claimOf(c, '$5 billion').period, '2024');
  });

  test('a price paid per share in an offering is no EPS', () => {
    assert.equal(claimOf(en('The shares were priced at $17 each, or $17 per share, in the IPO.'), '$17 per share').metric, 'share_price');
    assert.equal(claimOf(en('The bank earned $2.10 per share in the quarter.'), '$2.10').metric, 'eps');
  });
});

describe('prices per unit', () => {
  test('"$78 a barrel", "$1,950 an ounce", "£11.44 an hour" are prices per unit; "$2 billion a year" is an amount', () => {
    assert.equal(claimOf(en('Brent settled at $78 a barrel.'), '$78').unit, 'USD/bbl');
    assert.equal(claimOf(en('Gold traded at $1,950 an ounce.'), '$1,950').unit, 'USD/oz');
    assert.equal(claimOf(en('The wage floor rises to £11.44 an hour.'), '£11.44').unit, 'GBP/h');
    assert.equal(claimOf(en('The scheme costs $2 billion a year.'), '$2 billion').unit, 'USD');
  });
});

describe('more units, signs and measures', () => {
  test('euro cents, dirhams, glued F, percentage-point with a hyphen', () => {
    close(claimOf(en('Tram fares rose by 30 euro cents.'), '30').value, 0.3);
    assert.equal(claimOf(en('The airline made a profit of 4 billion dirhams.'), '4 billion').unit, 'AED');
    assert.equal(claimOf(en('Temperatures hit 109F in the desert.'), '109F').unit, '°F');
    assert.equal(claimOf(en('A 0.5 percentage-point cut is priced in.'), '0.5').unit, 'pp');
  });

  test('negative growth, money cut by an amount, m-o-m; a stock split is no figure', () => {
    close(claimOf(en('The region saw negative growth of 2% last year.'), '2%').value, -2);
    assert.ok(claimOf(en('The retailer cut its outlook by 15 cents a share.'), '15 cents').value < 0);
    assert.equal(claimOf(en('Prices rose 0.6% m-o-m in June.'), '0.6%').measure, 'qoq');
    assert.deepEqual(en('The shares split 4-for-1 last week.').map((c) => c.quote), []);
  });
});

describe('gapped clauses', () => {
  test('"X rose 9% and Y 4%": the second clause shares the first change word, in its direction', () => {
    const up = en('Turnover rose 9% to $2.2 billion and operating profit 4% to $310 million.');
    const profit = claimOf(up, '4%');
    assert.equal(profit.measure, 'yoy');
    assert.equal(profit.value, 4);
    assert.equal(profit.metric, 'operating_profit');
    assert.match(profit.why.measure ?? '', /leaves out the change word/);
    const down = claimOf(en('Shipments to Europe slipped 6% while imports 1.5% in May.'), '1.5%');
    assert.equal(down.measure, 'yoy');
    assert.equal(down.value, -1.5);
    const pts = claimOf(en('Net margin narrowed 3 percentage points and operating margin 0.8 points.'), '0.8');
    assert.equal(pts.measure, 'yoy');
    assert.equal(pts.value, -0.8);
  });

  test('"grew 4.9% year on year and 1.2 percent on a quarterly basis": the second figure shares the change, with its own measure', () => {
    const c = claimOf(en('Output grew 4.9% year on year and 1.2 percent on a quarterly basis.'), '1.2 percent');
    assert.equal(c.measure, 'qoq');
    assert.equal(c.value, 1.2);
    // Guidance stays guidance: "calling for" marks a forecast, and the gapped figure shares it.
    const g = en('Management was calling for revenue of $9 billion, an increase of 41% year over year and 22% sequentially.');
    assert.ok(claimOf(g, '22%').aspects.includes('forecast'));
    assert.equal(claimOf(g, '22%').measure, 'qoq');
  });

  test('any other word in the gap, or a rate in percent, leaves the figure a level', () => {
    assert.equal(claimOf(en('Revenue rose 9%, and gross margin was 41%.'), '41%').measure, 'level');
    assert.equal(claimOf(en('Revenue rose 9% and its share of the market 22%.'), '22%').measure, 'level');
    assert.equal(claimOf(en('Prices climbed 0.4% and the jobless rate 3.9%.'), '3.9%').measure, 'level');
  });
});

describe('ranges with the magnitude after the high end', () => {
  test('"3-4 million jobs" reads both ends in millions; a score such as 112-108 stays no figure', () => {
    const cut = en('The carmaker plans to cut 3-4 million units of output.');
    close(claimOf(cut, '3').value, 3e6);
    close(claimOf(cut, '4 million').value, 4e6);
    assert.equal(claimOf(cut, '4 million').aspects.includes('range:high'), true);
    assert.equal(en('The visitors won 112-108 in overtime.').length, 0);
  });

  test('"about" before a range qualifies both its ends', () => {
    const seen = en('Officials expect about 10-12 million visitors this year.');
    assert.equal(claimOf(seen, '10').qualifier, 'approx');
    assert.equal(claimOf(seen, '12 million').qualifier, 'approx');
  });
});
