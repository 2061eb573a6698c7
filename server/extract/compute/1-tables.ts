// Pass 1 (layout): markdown tables and bulleted lists. In a table, a figure's column header
// can name its period or metric ("| 指标 | 2023Q3 | 2022Q3 |"); a list's lead-in line ("Key
// figures, 4Q23 (reported):") sets the period and subject for the items under it.
import type { Sentence } from './1-sentences.js';
import type { PeriodMention } from './6-periods.js';
import { findAll, metricOf, metricRe } from '../model/lexicon.js';

export const isTableRow = (text: string) => /^\|.*\|\s*$/.test(text.trim());
const isSeparator = (text: string) => /^\|(?:\s*:?-{2,}:?\s*\|)+\s*$/.test(text.trim());
export const isListItem = (text: string) => /^\s*(?:[-*•·]|\d{1,2}[.)、])\s+/.test(text);
export const isLeadIn = (text: string) => /[:：]\s*(?:\*\*|__)?\s*$/.test(text);

export interface TableCell {
  start: number;
  end: number;
}

/** Cell spans of a table row, relative to the row text. */
export function cellsOf(text: string): TableCell[] {
  const bars: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '|') bars.push(i);
  const cells: TableCell[] = [];
  for (let k = 0; k + 1 < bars.length; k++) cells.push({ start: bars[k]! + 1, end: bars[k + 1]! });
  return cells;
}

/** For each table row sentence, the header row it belongs to (by sentence index). */
export function tableHeaders(sentences: Sentence[]): Map<number, number> {
  const out = new Map<number, number>();
  let header = -1;
  for (let i = 0; i < sentences.length; i++) {
    const t = sentences[i]!.text;
    if (!isTableRow(t)) {
      header = -1;
      continue;
    }
    if (isSeparator(t)) continue;
    const next = sentences[i + 1]?.text ?? '';
    if (header < 0 || isSeparator(next)) header = i;
    else out.set(i, header);
  }
  return out;
}

/** A unit named in brackets in a row label or column header: 基本每股收益（元）, Revenue ($ bn), （亿元）. */
export function unitInCell(text: string): string | undefined {
  const m = /[（(]\s*([^（）()]{1,8}?)\s*[）)]/.exec(text);
  if (!m) return undefined;
  const u = m[1]!.trim();
  return /^(?:%|％|‰|元|万元|亿元|百万元|千元|美元|亿美元|百万美元|万美元|万辆|辆|万人|人|US\$\s*(?:m|bn|million|billion)?|\$\s*(?:m|bn|million|billion)?|RMB\s*(?:m|bn)?|(?:USD|CNY)\s*(?:m|bn|million|billion)?)$/i.test(u) ? u : undefined;
}

/** The metric and period a table's column header names for the cell that holds a figure. */
export function headerCell(row: string, at: number, headerText: string, headerPeriods: PeriodMention[]) {
  const col = cellsOf(row).findIndex((c) => at >= c.start && at < c.end);
  const cell = cellsOf(headerText)[col];
  if (col < 0 || !cell) return undefined;
  const text = headerText.slice(cell.start, cell.end).trim();
  const metric = findAll(metricRe, text).map((m) => metricOf(m.text)!)[0];
  const period = headerPeriods.find((p) => p.start >= cell.start && p.end <= cell.end && !p.isBase);
  // "本年比上年增减", "同比", "% change", "YoY": the column holds changes on a year earlier.
  const change = /增减|增长|变动|同比|change|yoy|y\/y|growth/i.test(text);
  // A change column without a period of its own is about the table's first (current) period.
  const current = headerPeriods.find((p) => !p.isBase && p.raw.year !== undefined);
  return { text, metric, period: change ? current ?? period : period, change };
}

