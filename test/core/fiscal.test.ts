// Fiscal calendars in pass 6: a quarter named by its number for a company whose fiscal year does
// not end in December (entities.json fiscalYearEnd) is that company's fiscal quarter, labelled
// FY<year it ends in>-Q<n>; a quarter named by its months stays a calendar span of months.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { periodMentions, resolvePeriod } from '../../server/extract/index.js';
import { entityById } from '../../server/extract/model/lexicon.js';
import { claimOf, extract } from './helpers.js';

/** The one (non-base) period phrase of a text. */
function mention(text: string) {
  const ms = periodMentions(text).filter((m) => !m.isBase);
  assert.equal(ms.length, 1, `expected one period phrase in «${text}», got ${JSON.stringify(ms.map((m) => m.text))}`);
  return ms[0]!;
}

/** The canonical period of the one phrase in the text, for a company whose fiscal year ends in `fye`. */
function period(text: string, date: string | undefined, fiscalYearEnd?: number, forward = false): string | null {
  return resolvePeriod(mention(text).raw, { date, fiscalYearEnd, forward });
}

const FYE = { apple: 9, microsoft: 6, nvidia: 1 } as const;

describe('the lexicon knows each fiscal calendar', () => {
  test('Apple ends its year in September, Microsoft in June, NVIDIA in January; December companies name none', () => {
    for (const [id, month] of Object.entries(FYE)) assert.equal(entityById.get(id)?.fiscalYearEnd, month, id);
    assert.equal(entityById.get('tesla')?.fiscalYearEnd, undefined);
  });
});

describe('a quarter named by its number is the fiscal quarter of a non-December company', () => {
  test('NVIDIA (year ends January): "second quarter" and Q2 in late August 2023 are FY2024-Q2', () => {
    assert.equal(period('second quarter', '2023-08-24', FYE.nvidia), 'FY2024-Q2');
    assert.equal(period('Q2', '2023-08-24', FYE.nvidia), 'FY2024-Q2');
  });
  test('Apple (year ends September): "first quarter" reported in February 2024 is FY2024-Q1 (Oct–Dec 2023)', () => {
    assert.equal(period('first quarter', '2024-02-02', FYE.apple), 'FY2024-Q1');
    assert.equal(period('fourth quarter', '2023-11-03', FYE.apple), 'FY2023-Q4');
  });
  test('Microsoft (year ends June): "first quarter" reported in October 2023 is FY2024-Q1, named by the year it ends in', () => {
    assert.equal(period('first quarter', '2023-10-25', FYE.microsoft), 'FY2024-Q1');
    assert.equal(period('third quarter', '2024-04-26', FYE.microsoft), 'FY2024-Q3');
  });
  test('a year printed with the number is the fiscal year: Q1 2024 for Apple is FY2024-Q1', () => {
    assert.equal(period('Q1 2024', '2024-02-02', FYE.apple), 'FY2024-Q1');
  });
  test('the same words for a December company (or none given) stay calendar quarters', () => {
    assert.equal(period('first quarter', '2023-10-25', 12), '2023-Q1');
    assert.equal(period('first quarter', '2023-10-25'), '2023-Q1');
    assert.equal(period('second quarter', '2023-08-24'), '2023-Q2');
  });
});

describe('a quarter named by its months stays a calendar span', () => {
  test('"the quarter ended July 30, 2023" for NVIDIA is May–July 2023, not a fiscal label', () => {
    assert.equal(period('the quarter ended July 30, 2023', '2023-08-24', FYE.nvidia), '2023-05..2023-07');
    assert.equal(mention('the quarter ended July 30, 2023').raw.kind, 'QE');
  });
  test('without its year, "the quarter ended July 30" is the latest such span by the date', () => {
    assert.equal(period('the quarter ended July 30', '2023-08-24', FYE.nvidia), '2023-05..2023-07');
    assert.equal(period('the quarter ended July 30', '2023-06-10', FYE.nvidia), '2022-05..2022-07');
  });
  test('"three months ended Sept. 30" for Microsoft is calendar 2023-Q3', () => {
    assert.equal(period('three months ended Sept. 30', '2023-10-25', FYE.microsoft), '2023-Q3');
    assert.equal(period('three months ended Sept. 30, 2023', '2023-10-25', FYE.microsoft), '2023-Q3');
    assert.equal(mention('three months ended Sept. 30').raw.months, true);
  });
  test('the July-September quarter, the September quarter and the last three months of 2023 keep their months', () => {
    assert.equal(period('the July-September quarter', '2023-10-25', FYE.apple), '2023-Q3');
    assert.equal(period('the September quarter', '2023-10-25', FYE.microsoft), '2023-Q3');
    assert.equal(period('the last three months of 2023', '2024-02-02', FYE.apple), '2023-Q4');
  });
  test('a numbered quarter whose end month is off its calendar number is fiscal: "fourth quarter ended Jan. 28, 2024"', () => {
    const m = mention('fourth quarter ended Jan. 28, 2024');
    assert.equal(m.raw.kind, 'FQ');
    assert.equal(resolvePeriod(m.raw, { date: '2024-02-21', fiscalYearEnd: FYE.nvidia }), 'FY2024-Q4');
  });
});

describe('fiscal quarter phrasings', () => {
  const cases: Array<[string, string, string]> = [
    ['first fiscal quarter of 2024', '2023-10-25', 'FY2024-Q1'],
    ['fiscal 2024 second quarter', '2023-08-24', 'FY2024-Q2'],
    ['Fiscal Q2 2024', '2023-08-24', 'FY2024-Q2'],
    ['Q1 fiscal 2024', '2024-02-02', 'FY2024-Q1'],
    ['second quarter of fiscal 2024', '2023-08-24', 'FY2024-Q2'],
    ['fiscal third quarter of 2024', '2023-11-21', 'FY2024-Q3'],
    ['Q3 FY24', '2023-11-21', 'FY2024-Q3'],
    ['FY2024 Q3', '2023-11-21', 'FY2024-Q3'],
    ['2024财年第二季度', '2023-08-24', 'FY2024-Q2'],
  ];
  for (const [text, date, want] of cases)
    test(`${text} → ${want}, the whole phrase read as one fiscal quarter`, () => {
      const m = mention(text);
      assert.equal(m.text, text, 'the year is part of the phrase');
      assert.equal(m.raw.kind, 'FQ');
      assert.equal(resolvePeriod(m.raw, { date, fiscalYearEnd: FYE.nvidia }), want);
    });
  test('a fiscal year printed in the phrase wins over the article date', () => {
    assert.equal(period('Fiscal Q2 2024', '2026-03-01', FYE.nvidia), 'FY2024-Q2');
    assert.equal(period('first fiscal quarter of 2024', '2021-01-05', FYE.microsoft), 'FY2024-Q1');
  });
});

describe('a fiscal quarter with no year is the latest one ended by the article date', () => {
  test('NVIDIA "fiscal second quarter": FY2024-Q2 (ended July 2023) once late August comes', () => {
    assert.equal(period('fiscal second quarter', '2023-08-24', FYE.nvidia), 'FY2024-Q2');
  });
  test('NVIDIA "fiscal second quarter" in June 2023: the last one ended is FY2023-Q2 (May–July 2022)', () => {
    assert.equal(period('fiscal second quarter', '2023-06-15', FYE.nvidia), 'FY2023-Q2');
  });
  test('a forecast looks to the nearest one: in June 2023 that is FY2024-Q2', () => {
    assert.equal(period('fiscal second quarter', '2023-06-15', FYE.nvidia, true), 'FY2024-Q2');
  });
  test('Apple "fiscal fourth quarter" in November 2023 is FY2023-Q4 (July–September 2023)', () => {
    assert.equal(period('fiscal fourth quarter', '2023-11-03', FYE.apple), 'FY2023-Q4');
  });
  test('Microsoft "fiscal first quarter": FY2024-Q1 in late October 2023, FY2023-Q1 in mid-August 2023', () => {
    assert.equal(period('fiscal first quarter', '2023-10-25', FYE.microsoft), 'FY2024-Q1');
    assert.equal(period('fiscal first quarter', '2023-08-15', FYE.microsoft), 'FY2023-Q1');
  });
  test('NVIDIA 第二财季 reported in August 2023 is FY2024-Q2', () => {
    assert.equal(period('第二财季', '2023-08-24', FYE.nvidia), 'FY2024-Q2');
  });
  test('without the company calendar, the fiscal year is that of the article date; without a date, no year', () => {
    assert.equal(period('fiscal second quarter', '2023-08-24'), 'FY2023-Q2');
    assert.equal(period('fiscal second quarter', undefined, FYE.nvidia), 'FQ2');
  });
});

describe('fiscal quarters in extracted claims', () => {
  test("an article about Apple reads its “first quarter” as FY2024-Q1", () => {
    const { claims } = extract(['Apple booked sales of $117.3 billion in the first quarter, the company said.'], { date: '2024-02-02', title: 'Apple quarterly sales' });
    const c = claimOf(claims, '117.3');
    assert.equal(c.subject, 'apple');
    assert.equal(c.period, 'FY2024-Q1');
  });
  test("Microsoft's figure for the three months ended Sept. 30, 2023 keeps its calendar months", () => {
    const { claims } = extract(['Microsoft posted revenue of $55.8 billion for the three months ended Sept. 30, 2023.'], { date: '2023-10-25', title: 'Microsoft results' });
    assert.equal(claimOf(claims, '55.8').period, '2023-Q3');
  });
  test('NVIDIA "fiscal second quarter" with no year takes FY2024 from the August 2023 date', () => {
    const { claims } = extract(['Nvidia said revenue climbed to $13.2 billion in its fiscal second quarter.'], { date: '2023-08-24', title: 'Nvidia earnings' });
    assert.equal(claimOf(claims, '13.2').period, 'FY2024-Q2');
  });
  test('a December company keeps calendar quarters: Tesla "second quarter" is 2024-Q2', () => {
    const { claims } = extract(['Tesla reported revenue of $24.7 billion for the second quarter.'], { date: '2024-07-24', title: 'Tesla results' });
    assert.equal(claimOf(claims, '24.7').period, '2024-Q2');
  });
});
