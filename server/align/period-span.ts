// Periods as spans of months. Outlets name one quarter many ways: its fiscal name (FY2024-Q2),
// "the quarter ended July 30", its calendar months. Each label becomes the months it covers,
// through the subject's fiscal calendar (entities.json: fiscalYearEnd), so that they align.
// Days, holidays and labels without a year stay labels: they align only with the same label.
import { entityById } from '../extract/model/lexicon.js';
import { monthSpanLabel } from '../extract/compute/6-periods.js';

/** Month index: year × 12 + month − 1. */
type Span = [number, number];

/** The fiscal year end month of a subject: the lexicon's, December for other known companies, unknown otherwise. */
export function fiscalYearEndOf(subject: string): number | undefined {
  const e = entityById.get(subject);
  if (!e) return undefined;
  return e.fiscalYearEnd ?? 12;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const FISCAL_QUARTER = /^FY(\d{4})-Q([1-4])$/;
const FISCAL_YEAR = /^FY(\d{4})$/;
const YEAR = /^(\d{4})$/;
const TO_DATE = /^(\d{4})-(?:H1|Q1\.\.Q3|M1\.\.M(\d{1,2}))$/;
const SECOND_HALF = /^(\d{4})-H2$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MONTHS = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;

/** The months a period label covers, or null when it is not a span of months we can place. */
export function spanOf(period: string, fiscalYearEnd?: number): Span | null {
  let m: RegExpExecArray | null;
  if ((m = QUARTER.exec(period))) {
    const s = +m[1]! * 12 + 3 * (+m[2]! - 1);
    return [s, s + 2];
  }
  if ((m = FISCAL_QUARTER.exec(period)) || (m = FISCAL_YEAR.exec(period))) {
    // A fiscal year is named by the year it ends in. Without the company's calendar it stays a label.
    if (fiscalYearEnd === undefined) return null;
    const end = +m[1]! * 12 + fiscalYearEnd - 1;
    if (m[2] === undefined) return [end - 11, end];
    const qEnd = end - 3 * (4 - +m[2]);
    return [qEnd - 2, qEnd];
  }
  if ((m = YEAR.exec(period))) return [+m[1]! * 12, +m[1]! * 12 + 11];
  if ((m = TO_DATE.exec(period))) {
    const months = period.endsWith('H1') ? 6 : period.endsWith('Q1..Q3') ? 9 : +m[2]!;
    return [+m[1]! * 12, +m[1]! * 12 + months - 1];
  }
  if ((m = SECOND_HALF.exec(period))) return [+m[1]! * 12 + 6, +m[1]! * 12 + 11];
  if ((m = MONTH.exec(period))) return [+m[1]! * 12 + +m[2]! - 1, +m[1]! * 12 + +m[2]! - 1];
  if ((m = MONTHS.exec(period))) return [+m[1]! * 12 + +m[2]! - 1, +m[3]! * 12 + +m[4]! - 1];
  return null;
}

/** The period as alignment sees it: its span of months when it has one, else its label. */
export function periodKey(period: string | null, subject: string): string | null {
  if (period === null) return null;
  const span = spanOf(period, fiscalYearEndOf(subject));
  return span ? monthSpanLabel(span[0], span[1]) : period;
}

/** A period label without a year (Q3, Q1..Q3, H2, FQ2, FY for a full year, a holiday such as spring-festival): the story may know the year. */
export const YEARLESS = /^(?:Q[1-4]|Q1\.\.Q3|H1|H2|M1\.\.M\d{1,2}|FQ[1-4]|FY|[a-z]+(?:-[a-z]+)*)$/;

/** The label with a year put in: Q3 + 2023 → 2023-Q3; FQ2 + 2024 → FY2024-Q2. */
export function withYear(period: string, year: number): string {
  if (period === 'FY') return `${year}`;
  return period.startsWith('FQ') ? `FY${year}-Q${period.slice(2)}` : `${year}-${period}`;
}

/** The year a period is in, for labels that carry one (the fiscal year for FY labels). */
export function yearOf(period: string | null): number | undefined {
  const m = period ? /(?:^|FY)(\d{4})/.exec(period) : null;
  return m ? +m[1]! : undefined;
}

/**
 * News reports the recent past: a period more than two years before the year of its report, or
 * after the next one (自2000年以来), is history it recalls, not what it reports. A period with no
 * year, or a report with no date, passes.
 */
export function isRecentTo(period: string | null, reportYear: number | undefined): boolean {
  const y = yearOf(period);
  return !reportYear || y === undefined || (y >= reportYear - 2 && y <= reportYear + 1);
}

/** The year of a date written YYYY-…, if it is one. */
export const yearOfDate = (date: string | undefined): number | undefined => (/^(?:19|20)\d{2}/.test(date ?? '') ? +date!.slice(0, 4) : undefined);
