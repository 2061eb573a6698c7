// Tables flattened to lines of text: a header line names the columns (periods, a change column),
// and on each row line after it the k-th figure belongs to the k-th column.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { flatTableColumns, headerColumns, isTotalLabel, rowLabel } from '../../server/extract/compute/1-tables.js';
import { periodMentions, scanNumbers } from '../../server/extract/index.js';
import { claimOf, extract } from './helpers.js';

const columns = (header: string) => headerColumns(header, periodMentions(header));
const lines = (texts: string[]) =>
  flatTableColumns(texts.map((text) => ({ text, periods: periodMentions(text), tokens: scanNumbers(text, 'en'), table: /^\s*\|.*\|\s*$/.test(text) })));

describe('headerColumns', () => {
  test('"Line item  Fiscal Q2 2023  Fiscal Q2 2024  % change": two period columns and a change column', () => {
    const cols = columns('Line item  Fiscal Q2 2023  Fiscal Q2 2024  % change');
    assert.deepEqual(cols.map((c) => c.text), ['Fiscal Q2 2023', 'Fiscal Q2 2024', '% change']);
    assert.deepEqual(cols.map((c) => c.change), [false, false, true]);
    assert.deepEqual(cols.map((c) => c.period?.raw.year), [2023, 2024, 2024], 'the change column is on the latest period');
    assert.ok(!cols[2]!.sequential);
  });
  test('the latest period is found whatever the column order (% change after Q3 2023 then Q3 2022)', () => {
    const cols = columns('Item  Q3 2023  Q3 2022  % change');
    assert.equal(cols[2]!.change, true);
    assert.equal(cols[2]!.period?.text, 'Q3 2023');
  });
  test('"Change QOQ" and 环比 are sequential; "Change YOY" and 同比增减 are not', () => {
    assert.equal(columns('Metric  Q1 2024  Q2 2024  Change QOQ')[2]!.sequential, true);
    assert.equal(columns('Metric  Q2 2023  Q2 2024  Change YOY')[2]!.sequential, false);
    const zh = columns('指标  2023年第三季度  2023年第二季度  环比增长');
    assert.equal(zh[2]!.change, true);
    assert.equal(zh[2]!.sequential, true);
    assert.equal(columns('指标  2023年第三季度  2022年第三季度  同比增减')[2]!.sequential, false);
  });
  test('a metric after a column period names that column; a change column measures the column before it', () => {
    const cols = columns('Segment  Fiscal Q2 2024 Revenue  Fiscal Q1 2024 Revenue  Change QOQ');
    assert.deepEqual(cols.map((c) => c.metric), ['revenue', 'revenue', 'revenue']);
  });
  test('a line naming fewer than two columns is no header', () => {
    assert.deepEqual(columns('Revenue climbed in Q2 2024'), []);
    assert.deepEqual(columns('Metric  Q2 2024'), []);
  });
});

describe('flatTableColumns', () => {
  test('the rows right after a header, one figure per column, get its columns', () => {
    const out = lines(['Metric  Q2 2023  Q2 2024  Change', 'Revenue $3.20 billion $3.90 billion 22%', 'Net income $0.41 billion $0.52 billion 27%']);
    assert.deepEqual([...out.keys()], [1, 2]);
    assert.deepEqual(out.get(1)!.map((c) => c.text), ['Q2 2023', 'Q2 2024', 'Change']);
  });
  test('a line with another count of figures, or prose, ends the table', () => {
    const out = lines(['Metric  Q2 2023  Q2 2024  Change', 'Revenue $3.20 billion $3.90 billion 22%', 'Deliveries reached 443,900 vehicles.', 'Net income $0.41 billion $0.52 billion 27%']);
    assert.deepEqual([...out.keys()], [1]);
    assert.deepEqual([...lines(['Metric  Q2 2023  Q2 2024  Change', 'Revenue $3.20 billion $3.90 billion']).keys()], []);
  });
  test('words between figures make a sentence, not a row', () => {
    assert.deepEqual([...lines(['Metric  Q2 2023  Q2 2024  Change', 'Revenue $3.20 billion rising to $3.90 billion 22%']).keys()], []);
  });
  test('a header line holds no figures of its own; markdown table rows are not flattened rows', () => {
    assert.deepEqual([...lines(['Revenue in Q2 2024 was $3.9 billion against Q2 2023', 'Revenue $3.20 billion $3.90 billion 22%']).keys()], []);
    assert.deepEqual([...lines(['| Metric | Q2 2023 | Q2 2024 | Change |', '| Revenue | $3.20 billion | $3.90 billion | 22% |']).keys()], []);
  });
  test('row labels and English total rows', () => {
    assert.equal(rowLabel('Data center: $8.20 billion $4.10 billion', 13), 'Data center');
    assert.ok(isTotalLabel('Total'));
    assert.ok(isTotalLabel('Total revenue'));
    assert.ok(!isTotalLabel('Totally new'));
    assert.ok(!isTotalLabel('Gaming'));
  });
  test(
    'Chinese total rows (合计, 总计) are total labels',
    () => {
      assert.ok(isTotalLabel('合计'));
      assert.ok(isTotalLabel('总计'));
    },
  );
});

describe('extraction of flattened tables', () => {
  const yoy = () =>
    extract(
      [
        'Nvidia results at a glance',
        [
          'Line item  Fiscal Q2 2023  Fiscal Q2 2024  % change',
          'Revenue $5.10 billion $9.44 billion 85%',
          'Gross margin 41.2% 58.6% 17.4 pts',
          'Operating expenses $2.05 billion $2.31 billion (12%)',
        ].join('\n'),
      ],
      { date: '2023-08-24', title: 'Nvidia results at a glance' },
    ).claims;

  test('each figure takes the period of its column', () => {
    const claims = yoy();
    const r23 = claimOf(claims, '5.10');
    const r24 = claimOf(claims, '9.44');
    assert.equal(r23.metric, 'revenue');
    assert.equal(r23.period, 'FY2023-Q2');
    assert.equal(r24.period, 'FY2024-Q2');
    assert.equal(r23.measure, 'level');
    assert.equal(claimOf(claims, '41.2').period, 'FY2023-Q2');
    assert.equal(claimOf(claims, '58.6').period, 'FY2024-Q2');
    assert.match(r23.why.period ?? '', /column header "Fiscal Q2 2023"/);
  });
  test('the change column is year on year, on the latest period', () => {
    const claims = yoy();
    const ch = claimOf(claims, '85%');
    assert.equal(ch.measure, 'yoy');
    assert.equal(ch.period, 'FY2024-Q2');
    assert.equal(ch.value, 85);
    assert.equal(ch.metric, 'revenue');
    const pts = claimOf(claims, '17.4');
    assert.equal(pts.measure, 'yoy');
    assert.equal(pts.unit, 'pp');
  });
  test('"(12%)" in a change column is a decline of 12%', () => {
    const c = claimOf(yoy(), '12%');
    assert.equal(c.value, -12);
    assert.equal(c.measure, 'yoy');
    assert.equal(c.metric, 'operating_expenses');
  });
  test('Chinese headers: 同比增减 is a year-on-year change on the current quarter', () => {
    const { claims } = extract(['比亚迪季度数据\n\n指标  2023年第三季度  2022年第三季度  同比增减\n营业收入 1580.5亿元 1120.9亿元 41.0%'], { date: '2023-10-30', title: '比亚迪三季度数据' });
    assert.equal(claimOf(claims, '1580.5').period, '2023-Q3');
    assert.equal(claimOf(claims, '1120.9').period, '2022-Q3');
    const ch = claimOf(claims, '41.0');
    assert.equal(ch.measure, 'yoy');
    assert.equal(ch.period, '2023-Q3');
  });

  const segments = () =>
    extract(
      [
        'Nvidia segment revenue',
        [
          'Segment  Fiscal Q2 2024 Revenue  Fiscal Q1 2024 Revenue  Change QOQ',
          'Data center $8.20 billion $4.10 billion 100%',
          'Gaming $1.30 billion $1.10 billion 18%',
          'Total $9.50 billion $5.20 billion 83%',
        ].join('\n'),
      ],
      { date: '2023-08-24', title: 'Nvidia segment revenue' },
    ).claims;

  test('"Change QOQ" gives a sequential change (qoq)', () => {
    const c = claimOf(segments(), '100%');
    assert.equal(c.measure, 'qoq');
    assert.equal(c.period, 'FY2024-Q2');
    assert.equal(c.metric, 'revenue');
  });
  test('under a header that names the metric, a row label is a segment', () => {
    const claims = segments();
    assert.ok(claimOf(claims, '8.20').aspects.includes('segment:data-center'), JSON.stringify(claimOf(claims, '8.20').aspects));
    assert.ok(claimOf(claims, '1.30').aspects.some((a) => a.startsWith('segment:')), 'Gaming is a segment');
    assert.equal(claimOf(claims, '8.20').metric, 'revenue');
    assert.equal(claimOf(claims, '4.10').period, 'FY2024-Q1');
  });
  test('a Total row is the whole, not a segment', () => {
    const total = claimOf(segments(), '9.50');
    assert.equal(total.metric, 'revenue');
    assert.ok(!total.aspects.some((a) => a.startsWith('segment:')), JSON.stringify(total.aspects));
    assert.equal(total.period, 'FY2024-Q2');
  });
  test(
    'a Chinese 合计 row under a header that names the metric is the whole, not a segment',
    () => {
      const { claims } = extract(['比亚迪分部数据\n\n分部  2023年第三季度营业收入  2022年第三季度营业收入  同比增减\n汽车 1320.5亿元 950.2亿元 39.0%\n合计 1580.5亿元 1120.9亿元 41.0%'], { date: '2023-10-30', title: '比亚迪分部数据' });
      assert.ok(claimOf(claims, '1320.5').aspects.some((a) => a.startsWith('segment:')), 'the 汽车 row is a segment');
      const total = claimOf(claims, '1580.5');
      assert.equal(total.metric, 'revenue');
      assert.ok(!total.aspects.some((a) => a.startsWith('segment:')), JSON.stringify(total.aspects));
    },
  );
  test('a row label that is itself a metric (under a "Metric" header) is not a segment', () => {
    assert.ok(!claimOf(yoy(), '9.44').aspects.some((a) => a.startsWith('segment:')));
  });
  test(
    'a sequential change column is on the later quarter when both quarters share a year (Fiscal Q1 2024, Fiscal Q2 2024, Change QOQ)',
    () => {
      const { claims } = extract(['Nvidia quarter on quarter\n\nMetric  Fiscal Q1 2024  Fiscal Q2 2024  Change QOQ\nRevenue $7.19 billion $12.6 billion 75%'], { date: '2023-08-24', title: 'Nvidia quarter on quarter' });
      assert.equal(claimOf(claims, '7.19').period, 'FY2024-Q1');
      assert.equal(claimOf(claims, '12.6').period, 'FY2024-Q2');
      const ch = claimOf(claims, '75%');
      assert.equal(ch.measure, 'qoq');
      assert.equal(ch.period, 'FY2024-Q2');
    },
  );
});
