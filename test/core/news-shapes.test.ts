// English news shapes that once read to a wrong value or unit: magnitudes joined by a hyphen or
// glued before a currency word, halves of a scale, ranges whose dash is no minus, index points,
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

  test('a glued m before any other noun is read as printed, never as million (metres or millions?)', () => {
    assert.deepEqual(scan('The runner won the 400m final.', 'en').map((t) => t.value), [400]);
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
