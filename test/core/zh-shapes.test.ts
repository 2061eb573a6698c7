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
