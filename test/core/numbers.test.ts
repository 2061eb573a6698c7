// Pass 2, the number grammar: values with their magnitudes, units, printed precision, signs,
// ranges and per-share amounts, and what is not a quantity at all.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseNumeral } from '../../server/extract/index.js';
import { printedStep } from '../../server/extract/compute/2-numbers.js';
import { close, extract, one, scan, tokenOf } from './helpers.js';

describe('parseChineseNumeral', () => {
  const cases: Array<[string, number, number]> = [
    ['一百二十亿', 120e8, 0],
    ['八十二万', 820_000, 0],
    ['二百三十二', 232, 0],
    ['两百', 200, 0],
    ['两千', 2000, 0],
    ['十', 10, 0],
    ['十万', 100_000, 0],
    ['一千零五', 1005, 0],
    ['三千五百万', 35_000_000, 0],
    ['一亿', 1e8, 0],
    ['一万亿', 1e12, 0],
    ['二十万亿', 20e12, 0],
    ['八十二万亿', 82e12, 0],
    ['十二点五', 12.5, 1],
    ['零点五', 0.5, 1],
    ['三点一四一五', 3.1415, 4],
  ];
  for (const [s, value, decimals] of cases)
    test(`${s} = ${value}`, () => {
      const r = parseChineseNumeral(s);
      assert.ok(r);
      close(r.value, value);
      assert.equal(r.decimals, decimals);
    });

  test('what is not a numeral gives null', () => {
    for (const s of ['', '万', '亿', '成', 'abc', '一二三a']) assert.equal(parseChineseNumeral(s), null, s);
  });

  test('a 亿 section followed by a 万 section adds up: 一亿二千万 = 120,000,000, 三亿五千万 = 350,000,000', () => {
    assert.equal(parseChineseNumeral('一亿二千万')?.value, 1.2e8);
    assert.equal(parseChineseNumeral('三亿五千万')?.value, 3.5e8);
  });
});

describe('printedStep', () => {
  test('decimals give the step of the last digit', () => {
    close(printedStep('126', 2), 0.01);
    close(printedStep('0', 1), 0.1);
  });
  test('an integer with two or more trailing zeros steps at its last non-zero digit', () => {
    assert.equal(printedStep('400', 0), 100);
    assert.equal(printedStep('1200', 0), 100);
    assert.equal(printedStep('67,000', 0), 1000);
    assert.equal(printedStep('82', 0), 1);
    assert.equal(printedStep('10', 0), 1, 'one trailing zero is printed as is');
    assert.equal(printedStep('100', 0), 100);
  });
});

describe('Chinese magnitudes 万 / 亿 / 万亿', () => {
  test('126.14亿元 = 12,614,000,000 CNY, printed to 1e6', () => {
    const t = one('营业收入126.14亿元', 'zh');
    assert.equal(t.quote, '126.14亿元');
    close(t.value, 12_614_000_000);
    assert.equal(t.unit, 'CNY');
    close(t.precision, 1e6);
  });
  test('9936万元 and 9936.21万元', () => {
    const a = one('净利润9936万元', 'zh');
    close(a.value, 99_360_000);
    close(a.precision, 1e4);
    const b = one('净利润9936.21万元', 'zh');
    close(b.value, 99_362_100);
    close(b.precision, 100);
  });
  test('万亿 is 1e12: 3万亿元, 1.5万亿美元', () => {
    const a = one('规模达3万亿元', 'zh');
    close(a.value, 3e12);
    assert.equal(a.unit, 'CNY');
    close(a.precision, 1e12);
    const b = one('市值1.5万亿美元', 'zh');
    close(b.value, 1.5e12);
    assert.equal(b.unit, 'USD');
    close(b.precision, 1e11);
  });
  test('万 alone makes a count of what follows: 1200万用户', () => {
    const t = one('月活达1200万用户', 'zh');
    close(t.value, 12e6);
    assert.equal(t.unit, 'count');
    assert.equal(t.countNoun, '用户');
    close(t.precision, 1e6, '1200 has two trailing zeros: step 100 × 万');
  });
  test('an Arabic 亿 part followed by a 万 part is one figure: 1亿2000万元 = 120,000,000 CNY', () => {
    const t = one('投资1亿2000万元', 'zh');
    close(t.value, 1.2e8);
    assert.equal(t.unit, 'CNY');
  });
});

describe('English magnitudes', () => {
  const cases: Array<[string, string, number, string, number]> = [
    ['Revenue was $13.51 billion.', '$13.51 billion', 13.51e9, 'USD', 1e7],
    ['It reached $1.2 trillion.', '$1.2 trillion', 1.2e12, 'USD', 1e11],
    ['It earned US$5.2bn.', 'US$5.2bn', 5.2e9, 'USD', 1e8],
    ['It costs $500m a year.', '$500m', 500e6, 'USD', 100e6],
    ['It paid $20k.', '$20k', 20e3, 'USD', 1e3],
    ['It paid $5 thousand.', '$5 thousand', 5e3, 'USD', 1e3],
    ['Revenue of 12.6 billion yuan.', '12.6 billion yuan', 12.6e9, 'CNY', 1e8],
    ['Revenue of RMB 12.6 billion.', 'RMB 12.6 billion', 12.6e9, 'CNY', 1e8],
    ['It sold 3.2 million vehicles.', '3.2 million', 3.2e6, 'count', 1e5],
  ];
  for (const [s, quote, value, unit, step] of cases)
    test(`${quote}`, () => {
      const t = one(s, 'en');
      assert.equal(t.quote, quote);
      close(t.value, value);
      assert.equal(t.unit, unit);
      close(t.precision, step);
    });

  test('a short magnitude (m, k) is no magnitude where it is a length, or could be one', () => {
    const t = one('The team ran 50k for charity.', 'en');
    assert.equal(t.value, 50);
    assert.equal(t.unit, 'km');
    assert.equal(scan('a 5m fee', 'en').filter((x) => x.value === 5e6).length, 0);
  });

  test('RMB glued to the number is still yuan: RMB12.6bn = 12.6e9 CNY (FT style: Rmb12.6bn)', () => {
    for (const s of ['Revenue was RMB12.6bn.', 'Revenue was Rmb12.6bn.']) {
      const t = one(s, 'en');
      close(t.value, 12.6e9);
      assert.equal(t.unit, 'CNY');
    }
  });
});

describe('Chinese numerals in sentences', () => {
  test('一百二十亿元', () => {
    const t = one('投入一百二十亿元', 'zh');
    assert.equal(t.quote, '一百二十亿元');
    close(t.value, 120e8);
    assert.equal(t.unit, 'CNY');
    close(t.precision, 1e9);
  });
  test('两成 = 20%, 四成 = 40%: 成 is tenths', () => {
    const a = one('占比约两成。', 'zh');
    assert.equal(a.quote, '两成');
    close(a.value, 20);
    assert.equal(a.unit, '%');
    close(a.precision, 10);
    close(one('逾四成的企业', 'zh').value, 40);
    close(one('占比9成。', 'zh').value, 90);
  });
  test('成 before a noun is still a share: 超过两成用户 = 20%', () => {
    const t = one('超过两成用户表示满意', 'zh');
    close(t.value, 20);
    assert.equal(t.unit, '%');
  });
  test('成 in words is not a share: 完成, 一成不变', () => {
    assert.equal(scan('他完成了任务', 'zh').length, 0);
    assert.equal(scan('规则一成不变', 'zh').length, 0);
  });
  test('百分之十二点五 = 12.5%, printed to 0.1', () => {
    const t = one('增速为百分之十二点五', 'zh');
    assert.equal(t.quote, '百分之十二点五');
    close(t.value, 12.5);
    assert.equal(t.unit, '%');
    close(t.precision, 0.1);
    close(one('增速为百分之五', 'zh').value, 5);
  });
  test('八十二万辆 = 820,000 vehicles', () => {
    const t = one('销量八十二万辆', 'zh');
    close(t.value, 820_000);
    assert.equal(t.unit, 'count');
    assert.equal(t.countOf, 'vehicle');
    close(t.precision, 1e4);
  });
  test('二百三十二枚 = 232 items', () => {
    const t = one('共获得二百三十二枚', 'zh');
    close(t.value, 232);
    assert.equal(t.unit, 'count');
    assert.equal(t.countOf, 'item');
    close(t.precision, 1);
  });
  test('a bare Chinese numeral with no unit is no figure (八十二万, 一个, 两家)', () => {
    assert.equal(scan('八十二万', 'zh').length, 0);
    assert.equal(scan('这是一个问题', 'zh').length, 0);
    assert.equal(scan('两家公司合作', 'zh').length, 0);
  });
});

describe('full-width digits and thousands separators', () => {
  test('１２６．１４亿元 reads as 126.14亿元', () => {
    const t = one('营业收入１２６．１４亿元', 'zh');
    assert.equal(t.quote, '１２６．１４亿元');
    close(t.value, 12_614_000_000);
    close(t.precision, 1e6);
  });
  test('８２％ is 82%', () => {
    const t = one('８２％的用户', 'zh');
    close(t.value, 82);
    assert.equal(t.unit, '%');
  });
  test('67,317 with its separator', () => {
    const en = one('Meta had 67,317 employees.', 'en');
    assert.equal(en.quote, '67,317');
    close(en.value, 67_317);
    close(en.precision, 1);
    const zh = one('共有67,317名员工', 'zh');
    close(zh.value, 67_317);
    assert.equal(zh.countOf, 'person');
    close(one('规模1,234.5亿元', 'zh').value, 123_450_000_000);
  });
  test('1,200,000 users: step 100,000', () => {
    const t = one('It has 1,200,000 users.', 'en');
    close(t.value, 1_200_000);
    close(t.precision, 100_000);
  });
});

describe('currencies → ISO codes', () => {
  const cases: Array<[string, 'zh' | 'en', string]> = [
    ['收入100亿元', 'zh', 'CNY'],
    ['收入100亿人民币', 'zh', 'CNY'],
    ['收入100亿元人民币', 'zh', 'CNY'],
    ['revenue of 100 billion yuan', 'en', 'CNY'],
    ['revenue of RMB 100 billion', 'en', 'CNY'],
    ['price of ¥100', 'en', 'CNY'],
    ['revenue of $100 billion', 'en', 'USD'],
    ['revenue of US$100 billion', 'en', 'USD'],
    ['收入100亿美元', 'zh', 'USD'],
    ['revenue of USD 5 million', 'en', 'USD'],
    ['revenue of 5 million dollars', 'en', 'USD'],
    ['revenue of HK$3.5bn', 'en', 'HKD'],
    ['revenue of €3.2bn', 'en', 'EUR'],
    ['revenue of £400m', 'en', 'GBP'],
    ['收入100亿港元', 'zh', 'HKD'],
  ];
  for (const [s, lang, iso] of cases) test(`${s} → ${iso}`, () => assert.equal(one(s, lang).unit, iso));
  test('a currency symbol is part of the quote', () => {
    assert.equal(one('Revenue was $13.51 billion.', 'en').quote, '$13.51 billion');
    assert.equal(one('Revenue was US$13.51 billion.', 'en').quote, 'US$13.51 billion');
  });
});

describe('percent vs percentage points', () => {
  test('% and per cent are percent', () => {
    assert.equal(one('增长5.8%', 'zh').unit, '%');
    assert.equal(one('It grew 12.5 per cent.', 'en').unit, '%');
    assert.equal(one('It grew 12.5 percent.', 'en').unit, '%');
  });
  test('个百分点 / 百分点 / percentage points are points', () => {
    const a = one('下降2个百分点', 'zh');
    assert.equal(a.unit, 'pp');
    assert.equal(a.quote, '2个百分点');
    assert.equal(one('提高0.5百分点', 'zh').unit, 'pp');
    const b = one('It rose 0.4 percentage point.', 'en');
    assert.equal(b.unit, 'pp');
    assert.equal(b.quote, '0.4 percentage point');
    assert.equal(one('It rose 1.2 percentage points.', 'en').unit, 'pp');
  });
  test('basis points are hundredths of a point', () => {
    const t = one('The bank cut rates by 25 basis points.', 'en');
    assert.equal(t.unit, 'pp');
    close(t.value, 0.25);
    close(t.precision, 0.01);
  });
});

describe('counts with their noun', () => {
  test('万辆: vehicles', () => {
    const t = one('销量达82.4万辆', 'zh');
    assert.equal(t.unit, 'count');
    assert.equal(t.countOf, 'vehicle');
    close(t.value, 824_000);
    close(t.precision, 1000);
  });
  test('枚 with the noun after it: 40枚金牌', () => {
    const t = one('获得40枚金牌', 'zh');
    assert.equal(t.quote, '40枚');
    assert.equal(t.countOf, 'item');
    assert.equal(t.countNoun, '金牌');
  });
  test('名 / 人: persons', () => {
    assert.equal(one('共有400余名运动员', 'zh').countOf, 'person');
    assert.equal(one('总数达1.2万人', 'zh').countOf, 'person');
  });
  test('English: the noun after a bare number', () => {
    const e = one('Meta had 67,317 employees.', 'en');
    assert.equal(e.unit, 'count');
    assert.equal(e.countOf, 'person');
    assert.equal(e.countNoun, 'employees');
    const g = one('China won 40 golds.', 'en');
    assert.equal(g.countOf, 'medal');
    assert.equal(one('It opened 1,234 stores.', 'en').countOf, 'store');
  });
  test('倍 is a multiple, not a count', () => {
    const t = one('上涨1.5倍', 'zh');
    assert.equal(t.unit, 'times');
    close(t.value, 1.5);
  });
});

describe('precision as printed', () => {
  test('126.14亿 → 1e6; 82% → 1; 81.86% → 0.01; 400 → 100', () => {
    close(one('营收126.14亿元', 'zh').precision, 1e6);
    close(one('下滑82%', 'zh').precision, 1);
    close(one('下滑81.86%', 'zh').precision, 0.01);
    close(one('销量达到400辆', 'zh').precision, 100);
    close(one('It hired 400 employees.', 'en').precision, 100);
    close(one('营收126亿元', 'zh').precision, 1e8);
    close(one('开发支出逾10亿元', 'zh').precision, 1e8, '10 has one trailing zero: printed as is');
  });
  test('37.0: a trailing zero after the point is printed precision', () => {
    close(one('revenue of $37.0 billion', 'en').precision, 1e8);
  });
});

describe('signs', () => {
  test('a printed + or − is kept as the sign and belongs to the quote', () => {
    const p = one('Sales were +24.7% y/y.', 'en');
    assert.equal(p.sign, 1);
    assert.equal(p.quote, '+24.7%');
    const n = one('扣非净利润为-2018.87万元', 'zh');
    assert.equal(n.sign, -1);
    assert.equal(n.quote, '-2018.87万元');
    close(Math.abs(n.value), 20_188_700);
  });
  test('the dash of a range is no sign', () => {
    const toks = scan('guidance of $94-99bn', 'en');
    assert.equal(toks.length, 2);
    for (const t of toks) assert.equal(t.sign, 0);
  });
});

describe('ranges', () => {
  test('$94-99bn: the low end takes the magnitude and currency of the high end', () => {
    const [lo, hi] = scan('Meta expects revenue of $94-99bn.', 'en');
    assert.ok(lo && hi);
    close(lo.value, 94e9);
    close(hi.value, 99e9);
    assert.equal(lo.unit, 'USD');
    assert.equal(hi.unit, 'USD');
    assert.equal(lo.rangeEnd, 'low');
    assert.equal(hi.rangeEnd, 'high');
  });
  test('$34.5-37.0bn: both ends, with decimals', () => {
    const toks = scan('Meta expects revenue of $34.5-37.0bn.', 'en');
    assert.equal(toks.length, 2);
    const [lo, hi] = toks;
    close(lo!.value, 34.5e9);
    close(lo!.precision, 1e8);
    assert.equal(lo!.unit, 'USD');
    assert.equal(lo!.rangeEnd, 'low');
    close(hi!.value, 37e9);
    assert.equal(hi!.rangeEnd, 'high');
  });
  test('between 9.55 billion and 11.55 billion yuan', () => {
    const toks = scan('It expects net profit between 9.55 billion and 11.55 billion yuan.', 'en');
    assert.equal(toks.length, 2);
    const [lo, hi] = toks;
    close(lo!.value, 9.55e9);
    assert.equal(lo!.unit, 'CNY');
    close(lo!.precision, 1e7);
    assert.equal(lo!.rangeEnd, 'low');
    close(hi!.value, 11.55e9);
    assert.equal(hi!.unit, 'CNY');
    assert.equal(hi!.rangeEnd, 'high');
  });
  test('34.5 to 37.0 billion yuan', () => {
    const [lo, hi] = scan('revenue of 34.5 to 37.0 billion yuan', 'en');
    close(lo!.value, 34.5e9);
    assert.equal(lo!.unit, 'CNY');
    assert.equal(hi!.rangeEnd, 'high');
  });
  test('345亿至370亿美元: the low end takes 美元', () => {
    const [lo, hi] = scan('营收为345亿至370亿美元', 'zh');
    close(lo!.value, 345e8);
    assert.equal(lo!.unit, 'USD');
    assert.equal(lo!.rangeEnd, 'low');
    assert.equal(hi!.rangeEnd, 'high');
  });
  test('"from $10bn to $12bn" is a change, not a range', () => {
    const toks = scan('It rose from $10bn to $12bn.', 'en');
    assert.equal(toks.length, 2);
    for (const t of toks) assert.equal(t.rangeEnd, undefined);
  });
});

describe('per-share amounts', () => {
  test('$5.33 per diluted share', () => {
    const t = one('EPS of $5.33 per diluted share', 'en');
    assert.equal(t.perShare, true);
    assert.equal(t.unit, 'USD');
    close(t.value, 5.33);
    assert.equal(t.quote, '$5.33 per diluted share');
  });
  test('50 cents a share = 0.50 USD', () => {
    const t = one('It paid 50 cents a share.', 'en');
    assert.equal(t.perShare, true);
    assert.equal(t.unit, 'USD');
    close(t.value, 0.5);
    close(t.precision, 0.01);
  });
  test('3.58 yuan per share', () => {
    const t = one('EPS was 3.58 yuan per share.', 'en');
    assert.equal(t.perShare, true);
    assert.equal(t.unit, 'CNY');
  });
  test('a total is not per share', () => {
    assert.equal(one('Revenue was $13.51 billion.', 'en').perShare, false);
  });
});

describe('what is not a quantity', () => {
  const none: Array<[string, 'zh' | 'en']> = [
    ['对标GPT-3.5后再追赶GPT-4', 'zh'],
    ['讯飞星火认知大模型V3.0发布', 'zh'],
    ['星火V1.5和V2.0', 'zh'],
    ['GPT-4 and GPT-3.5 are models.', 'en'],
    ['The V3.0 version shipped.', 'en'],
    ['科大讯飞2023全球1024开发者节', 'zh'],
    ['“飞星一号”大模型算力平台', 'zh'],
    ['详见https://www.qianzhan.com/analyst/detail/329/231026.html', 'zh'],
    ['See https://x.com/a/2023/10 for details.', 'en'],
    ['科大讯飞（002230）', 'zh'],
    ['股票代码002230', 'zh'],
    ['比亚迪（002594.SZ）', 'zh'],
    ['BYD (002594.SZ) said', 'en'],
    ['10月24日发布', 'zh'],
    ['5月6日，科大讯飞发布', 'zh'],
    ['2023年营收', 'zh'],
    ['第40枚金牌', 'zh'],
    ['第三名', 'zh'],
    ['On Dec. 31 it closed.', 'en'],
    ['In 2023 revenue grew.', 'en'],
    ['1. Revenue rose', 'en'],
    ['(1) Revenue rose', 'en'],
    ['一、概况', 'zh'],
    ['（一）营收情况', 'zh'],
    ['1、概况', 'zh'],
    ['The final score was 67-66 in overtime.', 'en'],
    ['The call starts at 10:30 today.', 'en'],
    ['英伟达A100和RTX4090', 'zh'],
    ['It reported 4Q22 results.', 'en'],
    ['The 5G network', 'en'],
  ];
  for (const [s, lang] of none)
    test(`«${s}»`, () => assert.deepEqual(scan(s, lang).map((t) => t.quote), []));

  test('a figure next to a name is still found', () => {
    const toks = scan('星火认知大模型V3.0已经做到了85.1%', 'zh');
    assert.deepEqual(toks.map((t) => t.quote), ['85.1%']);
    assert.deepEqual(scan('获得40枚金牌，第40枚来自跳水', 'zh').map((t) => t.quote), ['40枚']);
  });
});

describe('offsets', () => {
  test('start/end index the sentence; numStart/numEnd the numeral', () => {
    const s = '前三季度实现营业收入126.14亿元，同比下滑0.37%';
    const rev = tokenOf(s, 'zh', '126.14');
    assert.equal(s.slice(rev.start, rev.end), '126.14亿元');
    assert.equal(s.slice(rev.numStart, rev.numEnd), '126.14');
    const pct = tokenOf(s, 'zh', '0.37');
    assert.equal(s.slice(pct.start, pct.end), '0.37%');
  });
});

// ---- Issue 8: every number read as printed. Sentences are made up for these tests.
import { claimOf, extract as extractArticle } from './helpers.js';
import { parseEnglishNumber } from '../../server/extract/compute/2-numbers.js';

/** The one token's [value, unit] (and its quote) for a sentence. */
const read = (s: string, lang: 'zh' | 'en') => {
  const t = one(s, lang);
  return { value: t.value, unit: t.unit, quote: t.quote, sign: t.sign, precision: t.precision, vague: t.vagueWord };
};

describe('Chinese numeral structure', () => {
  const cases: Array<[string, number]> = [
    ['一千零十二', 1012],
    ['两千三百五', 2350],
    ['一百五', 150],
    ['九万四', 94_000],
    ['三千零八十', 3080],
    ['七万零三', 70_003],
    ['3万4000', 34_000],
    ['258万731', 2_580_731],
    ['25万6千', 256_000],
    ['1亿2千万', 1.2e8],
    ['8亿零5万', 800_050_000],
    ['10万万', 1e9],
    ['一万五千亿', 1.5e12],
    ['壹仟贰佰叁拾肆', 1234],
    ['伍萬陸仟', 56_000],
    ['兩億三千萬', 2.3e8],
    ['六兆', 6e12],
    ['四點二五', 4.25],
  ];
  for (const [s, v] of cases) test(`${s} = ${v}`, () => close(parseChineseNumeral(s)!.value, v));

  test('what is no single number gives null: two digits in a row, units that do not fall, an Arabic part that leaves places open', () => {
    for (const s of ['二三十', '三四', '五十千', '3万4', '十万十万']) assert.equal(parseChineseNumeral(s), null, s);
  });

  test('几 is an unknown digit: the lowest reading, and the width of what it may be', () => {
    const r = parseChineseNumeral('三十几万')!;
    assert.equal(r.value, 300_000);
    assert.equal(r.vagueWidth, 100_000);
    const s = parseChineseNumeral('数十亿')!;
    assert.equal(s.value, 1e9);
  });
});

describe('forms read as printed (issue 8)', () => {
  const zh: Array<[string, number, string]> = [
    ['去年共售出三千五百万台手机。', 35_000_000, 'count'],
    ['合同金额为两千三百五十万元。', 23_500_000, 'CNY'],
    ['本期净利润为负2.5亿元。', -2.5e8, 'CNY'],
    ['本期利润为－3.4亿元。', -3.4e8, 'CNY'],
    ['该地区投票人数为612萬4083票。', 6_124_083, 'count'],
    ['公司贷款余额达4.2兆元。', 4.2e12, 'CNY'],
    ['产能达到3万4000辆。', 34_000, 'count'],
    ['市场份额约七成三。', 73, '%'],
    ['支持率为四成半。', 45, '%'],
    ['换购可享八折优惠。', 80, '%'],
    ['会员价打75折。', 75, '%'],
    ['差价为百分之２，５００。', 2500, '%'],
    ['误差在万分之三以内。', 0.03, '%'],
    ['央行回收7310亿台币。', 7.31e11, 'TWD'],
    ['票价为350港幣。', 350, 'HKD'],
    ['成本为8000日元。', 8000, 'JPY'],
    ['交易额为1200亿韩元。', 1.2e11, 'KRW'],
    ['汇率跌破每美元520奈拉。', 520, 'NGN'],
    ['该电池组的容量为45吉瓦时。', 45, 'GWh'],
    ['全年产量为600万吨。', 6e6, 't'],
    ['新线路全长38千米。', 38, 'km'],
    ['发电机功率为4千瓦。', 4, 'kW'],
    ['电站装机容量为12兆瓦。', 12, 'MW'],
    ['一杯咖啡七元五角。', 7.5, 'CNY'],
    ['邮票售价三美元又二十美分。', 3.2, 'USD'],
  ];
  for (const [s, v, unit] of zh)
    test(`«${s}»`, () => {
      const t = read(s, 'zh');
      close(t.value * (t.sign === -1 ? -1 : 1), v);
      assert.equal(t.unit, unit);
    });

  const en: Array<[string, string, number, string]> = [
    ['The app now has 12m users.', '12', 12e6, 'count'],
    ['The plan adds 35k jobs.', '35', 35_000, 'count'],
    ['The startup raised $4.6B last year.', '4.6', 4.6e9, 'USD'],
    ['Its debt is 8 bln dollars.', '8', 8e9, 'USD'],
    ['World trade reached 31 tln.', '31', 31e12, 'count'],
    ['The bank lent 47 lakh rupees.', '47', 4.7e6, 'INR'],
    ['The fund holds 42 MUSD.', '42', 42e6, 'USD'],
    ['They spent 64 USD million on it.', '64', 64e6, 'USD'],
    ['The fare is C$ 7.25 now.', '7.25', 7.25, 'CAD'],
    ['The fare is A$12 now.', '12', 12, 'AUD'],
    ['The fare is NT$45 now.', '45', 45, 'TWD'],
    ['The fare is S$3 now.', '3', 3, 'SGD'],
    ['The fare is HK$19 now.', '19', 19, 'HKD'],
    ['The fare is Mex$250 now.', '250', 250, 'MXN'],
    ['The ticket costs EUR 85.', '85', 85, 'EUR'],
    ['The ticket costs 85 €.', '85', 85, 'EUR'],
    ['The ticket costs GBP 60.', '60', 60, 'GBP'],
    ['Shares closed at 385 pence.', '385', 3.85, 'GBP'],
    ['The fine was 4,500 swiss francs.', '4,500', 4500, 'CHF'],
    ['Rates fell .5% in May.', '5', 0.5, '%'],
    ['The town has 64 000 residents.', '64', 64_000, 'count'],
    ['The deal was worth 3,25,000 rupees.', '3,25,000', 325_000, 'INR'],
    ['The bank cut rates by 75 basis points.', '75', 0.75, 'pp'],
    ['Sales were three times higher than twenty-five stores reported.', 'twenty-five', 25, 'count'],
    ['The club signed a dozen players.', 'dozen', 12, 'count'],
    ['The airline carried 2.5 million passengers.', '2.5', 2.5e6, 'count'],
    ['The battery holds 120 GWh.', '120', 120, 'GWh'],
    ['The stamp cost 4 dollars 75 cents.', '4', 4.75, 'USD'],
    ['Orders grew 4x in two years.', '4x', 4, 'times'],
    ['The firm won a $7.5 million deal.', '7.5', 7.5e6, 'USD'],
    ['The fee is 300 satoshis.', '300', 3e-6, 'BTC'],
    ['The shares trade at 18.5x earnings.', '18.5x', 18.5, 'times'],
  ];
  for (const [s, part, v, unit] of en)
    test(`«${s}»`, () => {
      const t = tokenOf(s, 'en', part);
      close(t.value, v);
      assert.equal(t.unit, unit);
    });

  test('spelled-out English numbers', () => {
    assert.equal(parseEnglishNumber('three')?.value, 3);
    assert.equal(parseEnglishNumber('twenty-five')?.value, 25);
    assert.equal(parseEnglishNumber('four hundred and six')?.value, 406);
    assert.equal(parseEnglishNumber('two thousand three hundred')?.value, 2300);
    assert.equal(parseEnglishNumber('6 thousand 2 hundred and 14')?.value, 6214);
    assert.equal(parseEnglishNumber('seven point two five')?.value, 7.25);
    assert.equal(parseEnglishNumber('a dozen')?.value, 12);
    assert.equal(parseEnglishNumber('four dozen')?.value, 48);
    for (const s of ['three four', 'million', 'and five', 'dozens']) assert.equal(parseEnglishNumber(s), null, s);
    close(read('Nineteen schools closed.', 'en').value, 19);
  });

  test('vague amounts are lower bounds with a wide step, never exact', () => {
    const t = read('事故造成数十人受伤。', 'zh');
    assert.equal(t.value, 10);
    assert.equal(t.vague, '数');
    const { claims } = extractArticle('公司去年盈利二十几亿元。');
    const c = claimOf(claims, '二十几亿');
    assert.equal(c.qualifier, 'lower');
    assert.equal(c.value, 2e9);
    assert.equal(c.precision, 1e9);
    // A range of two adjacent digits is not read at all.
    assert.deepEqual(scan('利润增长了三四成。', 'zh'), []);
    assert.deepEqual(scan('每年投入一二十亿元。', 'zh'), []);
  });

  test('负增长 is a negative change', () => {
    const { claims } = extractArticle('当月出口负增长4.2%。');
    assert.equal(claimOf(claims, '4.2%').value, -4.2);
  });

  test('a slash pair shares the unit after it', () => {
    const toks = scan('两家公司营收分别为3,410.52/870.16亿元。', 'zh');
    assert.deepEqual(toks.map((t) => [t.quote, t.unit]), [['3,410.52', 'CNY'], ['870.16亿元', 'CNY']]);
    close(toks[0]!.value, 3410.52e8);
    const en = scan('The two plants store 210/45GWh.', 'en');
    assert.deepEqual(en.map((t) => [t.value, t.unit]), [[210, 'GWh'], [45, 'GWh']]);
  });

  test('a run of slashes passes the unit and magnitude along, and a currency named before the first keeps it', () => {
    const toks = scan('2025-2027年营收预测：人民币212.4/250.9/301.7亿元。', 'zh');
    assert.deepEqual(toks.map((t) => t.value), [212.4e8, 250.9e8, 301.7e8]);
    assert.ok(toks.every((t) => t.unit === 'CNY'));
  });

  test('a lone Arabic digit after 万 is unsure (3万5) and stays unread', () => {
    assert.equal(parseChineseNumeral('3万5'), null);
  });

  test('a URL is masked whole, even where it has ? or ;', () => {
    const { claims } = extractArticle('Read more at https://example.org/find?rate=45%25;page=3 today.');
    assert.deepEqual(claims.map((c) => c.quote), []);
  });

  test('what stays unread: ratios past ten, dotted identifiers, decimal commas, a lone sign between numbers', () => {
    assert.deepEqual(scan('They built a 4x4 grid.', 'en').map((t) => t.quote), []);
    // A fraction of a whole is a share (see news-shapes): three fifths is 60%.
    assert.deepEqual(scan('About three fifths of voters agreed.', 'en').map((t) => [t.quote, t.value, t.unit]), [['three fifths', 60, '%']]);
    for (const s of ['Only one in twenty-four cases.', 'The server is 10.24.8.1 now.', 'Inflation was 6,3 percent.'])
      assert.deepEqual(scan(s, 'en').map((t) => t.quote), [], s);
    assert.ok(!scan('Pay 15 $ 40 later.', 'en').some((t) => t.value === 15));
    assert.deepEqual(scan('苹果只卖一美元', 'zh'), []);
  });
});

// ---- Property: format a number in some script, read it back.
const CN = '零一二三四五六七八九';
/** Writes a positive integer below 10^12 as a Chinese numeral (一千零十二, 三万零五). */
function toChinese(n: number): string {
  const section = (x: number) => {
    let out = '';
    let zero = false;
    for (const [u, ch] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const d = Math.floor(x / u) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += CN[d] + ch;
    }
    return out;
  };
  const parts: string[] = [];
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor(n / 1e4) % 1e4;
  const rest = n % 1e4;
  if (yi) parts.push(section(yi) + '亿');
  if (wan) parts.push((yi && wan < 1000 ? '零' : '') + section(wan) + '万');
  if (rest) parts.push(((yi || wan) && rest < 1000 ? '零' : '') + section(rest));
  return parts.join('').replace(/^零/, '');
}
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Writes a positive integer below 10^9 in English words (three hundred and six thousand and twelve). */
function toEnglish(n: number): string {
  const below1000 = (x: number) => {
    const h = Math.floor(x / 100);
    const r = x % 100;
    const tail = r < 20 ? SMALL[r]! : TENS[Math.floor(r / 10)]! + (r % 10 ? '-' + SMALL[r % 10] : '');
    return [h ? `${SMALL[h]} hundred` : '', r ? tail : ''].filter(Boolean).join(' and ');
  };
  const parts: string[] = [];
  for (const [u, w] of [[1e6, 'million'], [1e3, 'thousand'], [1, '']] as const) {
    const x = Math.floor(n / u) % 1000;
    if (x) parts.push(below1000(x) + (w ? ' ' + w : ''));
  }
  return parts.join(' ');
}

describe('property: a formatted number reads back as itself, and every quote is its span', () => {
  let seed = 8;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const int = (max: number) => 1 + Math.floor(rand() * max);
  const writers: Array<[string, (n: number) => { text: string; value: number }]> = [
    ['Chinese numerals', (n) => ({ text: `该项目投资${toChinese(n)}元。`, value: n })],
    ['Arabic with 万', (n) => ({ text: `该项目投资${(n / 1e4).toFixed(2)}万元。`, value: Number((n / 1e4).toFixed(2)) * 1e4 })],
    ['Arabic with 亿', (n) => ({ text: `该项目投资${(n / 1e8).toFixed(3)}亿元。`, value: Number((n / 1e8).toFixed(3)) * 1e8 })],
    ['Arabic with 亿 and 万', (n) => ({ text: `该项目投资${Math.floor(n / 1e8) || 1}亿${Math.floor(n / 1e4) % 1e4 || 5}万元。`, value: (Math.floor(n / 1e8) || 1) * 1e8 + (Math.floor(n / 1e4) % 1e4 || 5) * 1e4 })],
    ['comma-grouped dollars', (n) => ({ text: `The project cost $${n.toLocaleString('en-US')} in total.`, value: n })],
    ['billion', (n) => ({ text: `The project cost $${(n / 1e9).toFixed(2)} billion in total.`, value: Number((n / 1e9).toFixed(2)) * 1e9 })],
    ['English words', (n) => ({ text: `The project cost ${toEnglish(n % 1e9 || 11)} dollars in total.`, value: n % 1e9 || 11 })],
  ];
  for (const [name, write] of writers)
    test(name, () => {
      for (let k = 0; k < 60; k++) {
        const mags = [1e4, 1e6, 1e8, 1e10, 1e11];
        const n = int(mags[k % mags.length]!) + 10;
        const { text, value } = write(n);
        const { article, claims } = extractArticle(text);
        for (const c of claims) assert.equal(c.quote, article.text.slice(c.start, c.end), text);
        assert.equal(claims.length, 1, `${text}: ${JSON.stringify(claims.map((c) => c.quote))}`);
        close(claims[0]!.value, value, `${text} read as ${claims[0]!.value}`);
      }
    });
});

describe('numbers too large for a double', () => {
  // 309 digits and more are Infinity as a double: stored, that became null, read back as 0,
  // and a false high-severity discrepancy. Such a number is no figure at all.
  const huge = '9'.repeat(400);
  test('309+ digits, with any unit or magnitude, give no token', () => {
    for (const [s, lang] of [
      [`营业收入${huge}元`, 'zh'],
      [`营业收入${huge}.5亿元`, 'zh'],
      [`收入${'9'.repeat(300)}万亿元`, 'zh'],
      [`Revenue was $${huge} billion.`, 'en'],
      [`Revenue rose ${huge}%.`, 'en'],
      [`Revenue was $1${'0'.repeat(305)} trillion.`, 'en'],
    ] as const)
      assert.deepEqual(scan(s, lang).map((t) => t.quote), [], s.slice(0, 24));
  });
  test('the figures beside it are still read, and a large finite one stays', () => {
    assert.deepEqual(scan(`营业收入${huge}元，净利润5亿元`, 'zh').map((t) => [t.quote, t.value]), [['5亿元', 5e8]]);
    const big = one(`Revenue was $1${'0'.repeat(290)}.`, 'en');
    assert.equal(big.value, 1e290);
  });
  test('no claim of an article holds a value that is not finite, so none is compared', () => {
    const { claims } = extract(`科大讯飞前三季度营业收入${huge}元，同比下滑0.27%。`);
    assert.deepEqual(claims.map((c) => c.quote), ['0.27%']);
    assert.ok(claims.every((c) => Number.isFinite(c.value) && Number.isFinite(c.precision)));
  });
});
