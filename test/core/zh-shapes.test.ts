// Chinese news shapes that once read to a wrong value, sign or unit. Sentences are our own,
// written in the shapes wire copy, financial outlets and Traditional-script papers print.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimOf, close, extract } from './helpers.js';

const zh = (text: string) => extract(text, { language: 'zh' }).claims;

describe('Chinese magnitudes and signs', () => {
  test('万多亿 and 千多亿 multiply out: 1万多亿元 is more than a trillion yuan', () => {
    const c = claimOf(zh('今年以来累计减税2万多亿元。'), '2万多亿元');
    close(c.value, 2e12);
    assert.equal(c.unit, 'CNY');
    assert.equal(c.qualifier, 'lower');
    close(claimOf(zh('同比多增4千余亿元。'), '4千余亿元').value, 4e11);
  });

  test('a growth printed with a minus is a fall: 同比增长-2.6%, 增速为-0.8%', () => {
    close(claimOf(zh('一季度营收同比增长-2.6%。'), '2.6%').value, -2.6);
    close(claimOf(zh('全省GDP增速为-0.8%。'), '0.8%').value, -0.8);
  });

  test('in a 分别 list, one item\'s own minus does not carry to the next', () => {
    const claims = zh('三类产品收入同比分别增长12%、-4%和18%。');
    close(claimOf(claims, '-4%').value, -4);
    close(claimOf(claims, '18%').value, 18);
  });

  test('零下 is below zero; ℃ is read; 度 is a kWh only where electricity is spoken of', () => {
    close(claimOf(zh('漠河最低气温零下31摄氏度。'), '31').value, -31);
    assert.equal(claimOf(zh('南京最高气温36℃。'), '36℃').unit, '°C');
    assert.equal(claimOf(zh('午后气温升至29度。'), '29度').unit, '°C');
    assert.equal(claimOf(zh('全年发电量达8900亿度。'), '8900亿度').unit, 'kWh');
  });

  test('more decline words: 下挫, 衰退, 缩水, 少增', () => {
    close(claimOf(zh('净利润同比下挫11.2%。'), '11.2%').value, -11.2);
    close(claimOf(zh('出口同比衰退4.4%。'), '4.4%').value, -4.4);
    assert.ok(claimOf(zh('新增贷款同比少增1650亿元。'), '1650亿元').value < 0);
  });

  test('不超过 is an upper bound and 不低于 a lower one, not the other way round', () => {
    assert.equal(claimOf(zh('本次募资不超过8亿元。'), '8亿元').qualifier, 'upper');
    assert.equal(claimOf(zh('分红比例不低于30%。'), '30%').qualifier, 'lower');
  });
});

describe('points by which a rate moved, and rate decisions', () => {
  test('a fall that narrows is a rate that rose; a growth that slows is one that fell', () => {
    close(claimOf(zh('进口降幅收窄1.7个百分点。'), '1.7').value, 1.7);
    close(claimOf(zh('CPI同比降幅扩大0.4个百分点。'), '0.4').value, -0.4);
    close(claimOf(zh('社零增速回落0.9个百分点。'), '0.9').value, -0.9);
    close(claimOf(zh('降幅扩大至2.2%。'), '2.2%').value, -2.2);
  });

  test('降息 and 下调 are cuts, 加息 a rise', () => {
    close(claimOf(zh('央行宣布降息10个基点。'), '10个基点').value, -0.1);
    close(claimOf(zh('1年期LPR下调10个基点。'), '10个基点').value, -0.1);
    assert.ok(claimOf(zh('美联储宣布加息25个基点。'), '25个基点').value > 0);
  });
});

describe('Hong Kong and Taiwan measure words, index points', () => {
  test('按月 and 月減 measure against the month before; 年增 against the year before', () => {
    assert.equal(claimOf(zh('零售銷售額按月上升1.4%。'), '1.4%').measure, 'qoq');
    const m = claimOf(zh('9月營收月減3.1%。'), '3.1%');
    assert.equal(m.measure, 'qoq');
    close(m.value, -3.1);
    assert.equal(claimOf(zh('該公司營收年增21.5%。'), '21.5%').measure, 'yoy');
    assert.equal(claimOf(zh('社会消费品零售总额较去年同月增长4.8%。'), '4.8%').measure, 'yoy');
  });

  test('点 after a figure where an index is named is index points; 下午3点 is a time', () => {
    const c = claimOf(zh('沪指收报3105.2点，下跌21.6点。'), '21.6点');
    assert.equal(c.unit, 'points');
    close(c.value, -21.6);
    assert.equal(zh('指数公司下午4点发布公告。').length, 0);
  });
});

describe('the months of the year so far, and Hong Kong and Taiwan metric names', () => {
  const dated = (text: string) => extract(text, { language: 'zh', date: '2024-12-20' }).claims;
  test('前11月 is January to November, not November; 前两个月, 首9個月, 首三季 and 首季 likewise', () => {
    assert.equal(claimOf(dated('前11月，全省出口同比增长6.3%。'), '6.3%').period, '2024-M1..M11');
    assert.equal(claimOf(dated('今年前两个月，进口同比增长2.2%。'), '2.2%').period, '2024-M1..M2');
    assert.equal(claimOf(dated('公司首9個月營收按年增長5%。'), '5%').period, '2024-Q1..Q3');
    assert.equal(claimOf(dated('集團首三季純利按年增長9%。'), '9%').period, '2024-Q1..Q3');
    assert.equal(claimOf(dated('首季营收增长4%。'), '4%').period, '2024-Q1');
  });

  test('純利 and 溢利 are net profit, 營業額 revenue, 每股盈餘 earnings per share', () => {
    assert.equal(claimOf(zh('集團純利按年增長9%。'), '9%').metric, 'net_profit');
    assert.equal(claimOf(zh('股東應占溢利為12億元。'), '12億元').metric, 'net_profit');
    assert.equal(claimOf(zh('去年營業額為88億元。'), '88億元').metric, 'revenue');
    assert.equal(claimOf(zh('每股盈餘為2.4元。'), '2.4元').metric, 'eps');
  });
});

describe('Chinese currencies and losses', () => {
  test('a currency named before the figure is its currency even with 元 after: 新台币, 港币', () => {
    assert.equal(claimOf(zh('该公司营收新台币1.3兆元。'), '1.3兆元').unit, 'TWD');
    assert.equal(claimOf(zh('集团派息港币12亿元。'), '12亿元').unit, 'HKD');
    assert.equal(claimOf(zh('公司营收人民币45亿元。'), '45亿元').unit, 'CNY');
  });

  test('a range with its unit only after the high end: 8-12亿元 reads both ends; 2022-2023年 reads neither', () => {
    const claims = zh('公司预计全年净利润8-12亿元。');
    close(claimOf(claims, '8').value, 8e8);
    assert.ok(claimOf(claims, '8').aspects.includes('range:low'));
    close(claimOf(claims, '12亿元').value, 1.2e9);
    assert.equal(zh('2022-2023年营收稳步增长。').length, 0);
  });

  test('both ends of a loss range are losses: 亏损3亿元-4亿元, a loss of $30 million to $40 million', () => {
    const claims = zh('公司预计全年亏损5亿元-6亿元。');
    close(claimOf(claims, '5亿元').value, -5e8);
    close(claimOf(claims, '6亿元').value, -6e8);
    const en = extract('The group expects a loss of $70 million to $90 million.', { language: 'en' }).claims;
    close(claimOf(en, '$90 million').value, -9e7);
  });

  test('a loss with its currency named between is still a loss: 亏损人民币2.1亿元', () => {
    const c = claimOf(zh('公司上半年亏损人民币2.1亿元。'), '2.1亿元');
    close(c.value, -2.1e8);
    assert.equal(claimOf(zh('該公司全年虧損新台幣5.6億元。'), '5.6億元').unit, 'TWD');
  });
});

describe('Chinese ranges and spoken forms', () => {
  test('a bare low end takes the scale of the high end: 8-15个基点, 4-6成, 6至8折', () => {
    const bp = zh('多家银行存款利率下调8-15个基点。');
    close(claimOf(bp, '8').value, -0.08);
    close(claimOf(bp, '15个基点').value, -0.15);
    close(claimOf(zh('门店客流增长4-6成。'), '4').value, 40);
    close(claimOf(zh('部分商品打6至8折。'), '6').value, 60);
  });

  test('a change range joined by 至 or 到 keeps its sign at both ends', () => {
    const c = zh('公司预计全年净利润同比下降35%到55%。');
    close(claimOf(c, '35%').value, -35);
    const high = claimOf(c, '55%');
    close(high.value, -55);
    assert.equal(high.measure, 'yoy');
    close(claimOf(zh('毛利率预计下滑2至3个百分点。'), '3个百分点').value, -3);
    // A change then the new level stays so: 增长3亿至18亿元.
    assert.equal(claimOf(zh('营业收入增长3亿至18亿元。'), '18亿元').measure, 'level');
  });

  test('3成5 is 35%, 12.5个亿 is 1.25 billion yuan, 3－5亿元 has a low end', () => {
    close(claimOf(zh('该基金今年收益率达到2成5，位居前列。'), '2成5').value, 25);
    const c = claimOf(zh('公司全年营收实现12.5个亿。'), '12.5个亿');
    close(c.value, 1.25e9);
    assert.equal(c.unit, 'CNY');
    close(claimOf(zh('拟投资4－6亿元扩建产线。'), '4').value, 4e8);
  });

  test('an amount of a money metric with a magnitude and no 元 is in yuan; a population is not', () => {
    assert.equal(claimOf(zh('上半年净利润2.3亿，同比增长8%。'), '2.3亿').unit, 'CNY');
    assert.equal(claimOf(zh('全国总人口14.2亿。'), '14.2亿').unit, 'count');
  });
});

describe('Chinese rate moves, bounds and metric names', () => {
  test('a verb with the rate between it and the points: 下调存款准备金率0.25个百分点, 下调利率30bp', () => {
    close(claimOf(zh('央行决定下调存款准备金率0.25个百分点。'), '0.25个百分点').value, -0.25);
    close(claimOf(zh('多家银行下调房贷利率30bp。'), '30bp').value, -0.3);
    close(claimOf(zh('市场预期0.5个百分点的降息。'), '0.5个百分点').value, -0.5);
  });

  test('蒸发, 跌去 and 少了 are falls; 跌破 is an upper bound; 约为 is approximate', () => {
    assert.ok(claimOf(zh('公司市值一日蒸发180亿元。'), '180亿元').value < 0);
    close(claimOf(zh('股价较高点跌去六成。'), '六成').value, -60);
    assert.ok(claimOf(zh('全年利润较上年少了2亿元。'), '2亿元').value < 0);
    assert.equal(claimOf(zh('金价盘中跌破2000美元。'), '2000美元').qualifier, 'upper');
    assert.equal(claimOf(zh('全年营收约为8亿元。'), '8亿元').qualifier, 'approx');
  });

  test('energy intensity, reserve ratios, new urban jobs and interim dividends are metrics of their own', () => {
    assert.equal(claimOf(zh('单位国内生产总值能耗降低3.1%。'), '3.1%').metric, 'energy_intensity');
    assert.equal(claimOf(zh('央行下调存款准备金率0.5个百分点。'), '0.5个百分点').metric, 'reserve_requirement_ratio');
    assert.equal(claimOf(zh('该行一年期存款利率降至1.35%。'), '1.35%').metric, 'deposit_rate');
    assert.equal(claimOf(zh('全年城镇新增就业1100万人。'), '1100万人').metric, 'new_urban_jobs');
    assert.equal(claimOf(zh('董事会建议派末期息每股0.45港元。'), '0.45港元').metric, 'dividend_per_share');
    assert.equal(claimOf(zh('本地生產總值按年增長3.1%。'), '3.1%').metric, 'gdp');
  });
});

describe('Chinese respectively lists of years', () => {
  test('a list of years or a span of years gives each figure its year', () => {
    const items = zh('2023年、2024年净利润分别为3亿元、4亿元。');
    assert.equal(claimOf(items, '3亿元').period, '2023');
    assert.equal(claimOf(items, '4亿元').period, '2024');
    const span = zh('2022-2024年营收分别为20亿元、26亿元和31亿元。');
    assert.deepEqual(['20亿元', '26亿元', '31亿元'].map((q) => claimOf(span, q).period), ['2022', '2023', '2024']);
  });
});

describe('Chinese prices per unit, points, currencies and what is no figure', () => {
  test('a price per unit keeps its unit: 每吨4120元, 920元/吨, 5.6万元/平方米', () => {
    assert.equal(claimOf(zh('热轧卷板每吨4120元。'), '4120元').unit, 'CNY/t');
    assert.equal(claimOf(zh('电解铝报920元/吨。'), '920元/吨').unit, 'CNY/t');
    assert.equal(claimOf(zh('新盘均价5.6万元/平方米。'), '5.6万元').unit, 'CNY/m2');
    assert.equal(claimOf(zh('公司营收920亿元。'), '920亿元').unit, 'CNY');
  });

  test('bp after 个 or in capitals, and 个多百分点, are points', () => {
    close(claimOf(zh('五年期国债收益率下行8个bp。'), '8个bp').value, -0.08);
    close(claimOf(zh('央行宣布降息15BP。'), '15BP').value, -0.15);
    const c = claimOf(zh('毛利率下降2个多百分点。'), '2个多百分点');
    assert.deepEqual([c.unit, c.qualifier], ['pp', 'lower']);
  });

  test('NT$ before 億元 is the Taiwan dollar; 韓圜 is the won', () => {
    assert.equal(claimOf(zh('该公司营收达NT$3.4億元。'), 'NT$3.4').unit, 'TWD');
    assert.equal(claimOf(zh('现代汽车投资2兆韓圜。'), '2兆').unit, 'KRW');
  });

  test('二级资本债 and 近8个交易日 are no figures; a share of firms names no metric', () => {
    assert.deepEqual(zh('多家银行二级资本债发行放量。').map((c) => c.quote), []);
    assert.deepEqual(zh('该股近8个交易日累计上涨9%。').map((c) => c.quote), ['9%']);
    assert.equal(claimOf(zh('逾七成企业实现盈利。'), '七成').metric, null);
    assert.equal(claimOf(zh('宁夏发生5.5级地震。'), '5.5级').unit, 'magnitude');
  });

  test('a loss and where it went are negative; a percentage change of a loss is its own fact', () => {
    const c = zh('亏损额由上年的6亿元收窄至2亿元。');
    assert.ok(claimOf(c, '6亿元').value < 0 && claimOf(c, '2亿元').value < 0);
    assert.ok(claimOf(zh('净亏损同比扩大38%。'), '38%').aspects.includes('of:loss'));
    assert.ok(!claimOf(zh('净利润同比增长38%。'), '38%').aspects.includes('of:loss'));
  });
});

describe('a qualifier before a range', () => {
  test('约 before 2-4亿元 makes both ends approximate', () => {
    const r = zh('公司预计今年净利润约2-4亿元。');
    assert.equal(claimOf(r, '2').qualifier, 'approx');
    assert.equal(claimOf(r, '4亿元').qualifier, 'approx');
    close(claimOf(r, '2').value, 2e8);
  });
});
