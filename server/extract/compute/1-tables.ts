// Pass 1 (layout): markdown tables and bulleted lists. In a table, a figure's column header
// can name its period or metric ("| 指标 | 2023Q3 | 2022Q3 |"); a list's lead-in line ("Key
// figures, 4Q23 (reported):") sets the period and subject for the items under it.
import type { Sentence } from './1-sentences.js';
import type { PeriodMention } from './6-periods.js';
import { findAll, metricOf, metricRe } from '../model/lexicon.js';

// A row is bordered (| a | b |), or, as pages copied from HTML print them, unbordered on the left
// with three or more bars and a bar at the end (revenue | $ | 13,507 | $ | 7,192 |).
export const isTableRow = (text: string) => {
  const t = text.trim();
  return /^\|.*\|\s*$/.test(t) || (/\|\s*$/.test(t) && (t.match(/\|/g) ?? []).length >= 3 && !/https?:\/\//.test(t));
};
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
  // An unbordered row's first cell runs from the line's start to its first bar.
  if (bars.length && !/^\s*\|/.test(text)) cells.push({ start: 0, end: bars[0]! });
  for (let k = 0; k + 1 < bars.length; k++) cells.push({ start: bars[k]! + 1, end: bars[k + 1]! });
  return cells;
}

/** A cell that holds a figure: "13,507", "$2.48", "70.1", "up 88%", "(24%)", "-5.5 pts". */
const FIGURE_CELL = /^(?:up|down)?\s*[(（+\-−]?\s*(?:US\$|\$|€|£|¥)?\s*\d[\d,.]*\s*(?:%|％|pts?|bps?)?\s*[)）]?$/i;

/** A cell that holds only a currency sign or a percent sign, split off its figure by the page. */
const SYMBOL_CELL = /^(?:US\$|HK\$|C\$|A\$|\$|€|£|¥|%|％)$/;
export const hasSymbolCells = (text: string) => cellsOf(text).some((c) => SYMBOL_CELL.test(text.slice(c.start, c.end).trim()));

/**
 * The cells that hold something, with a sign split into a cell of its own given back to its figure
 * ($ | 13,507 → 13,507 in dollars; 70.1 | % → 70.1%): what the reader sees as one column each.
 */
export function logicalCells(text: string): Array<TableCell & { sign?: string }> {
  const raw = cellsOf(text).map((c) => ({ ...c, t: text.slice(c.start, c.end).trim() }));
  const out: Array<TableCell & { sign?: string }> = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    if (!c.t || SYMBOL_CELL.test(c.t)) continue;
    const before = raw[k - 1]?.t, after = raw[k + 1]?.t;
    const sign = before && SYMBOL_CELL.test(before) && !/%|％/.test(before) ? before : after && /^[%％]$/.test(after) ? '%' : undefined;
    out.push({ start: c.start, end: c.end, ...(sign ? { sign } : {}) });
  }
  return out;
}

/** "($ in millions, except earnings per share)": the unit a table's caption gives its money cells. */
export function captionUnit(text: string): string | undefined {
  const m = /[（(]\s*(US\$|\$|€|£|RMB|CNY|USD)?\s*in\s+(thousands|millions|billions)\b/i.exec(text);
  return m ? `${m[1] ?? '$'} ${m[2]!.toLowerCase().replace(/s$/, '')}` : undefined;
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
    if (!/^\s*\|/.test(t)) {
      // Unbordered rows copied from a page: a caption (one cell: "GAAP") is skipped, a row of names
      // with no figure is the header of the rows under it, however many tables follow in turn.
      const filled = cellsOf(t).map((c) => t.slice(c.start, c.end).trim()).filter(Boolean);
      if (filled.length <= 1) continue;
      if (!filled.slice(1).some((c) => FIGURE_CELL.test(c))) header = i;
      else if (header >= 0) out.set(i, header);
      continue;
    }
    const next = sentences[i + 1]?.text ?? '';
    if (header < 0 || isSeparator(next)) header = i;
    else out.set(i, header);
  }
  return out;
}

/**
 * For each unbordered table row, the caption above its header ("GAAP", "Non-GAAP"): pages copied
 * from HTML print two tables of the same rows one after the other, told apart only by it.
 */
export function tableCaptions(sentences: Sentence[]): Map<number, string> {
  const out = new Map<number, string>();
  let caption: string | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const t = sentences[i]!.text;
    if (!isTableRow(t) || /^\s*\|/.test(t)) {
      caption = undefined;
      continue;
    }
    const filled = cellsOf(t).map((c) => t.slice(c.start, c.end).trim()).filter(Boolean);
    if (filled.length === 1) caption = filled[0];
    else if (caption) out.set(i, caption);
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
  // Where the page split signs into cells of their own, columns are counted as the reader sees them.
  const cells = hasSymbolCells(row) ? logicalCells : cellsOf;
  const col = cells(row).findIndex((c) => at >= c.start && at < c.end);
  const cell = cells(headerText)[col];
  if (col < 0 || !cell) return undefined;
  const text = headerText.slice(cell.start, cell.end).trim();
  const metric = findAll(metricRe, text).map((m) => metricOf(m.text)!)[0];
  const period = headerPeriods.find((p) => p.start >= cell.start && p.end <= cell.end && !p.isBase);
  // "本年比上年增减", "同比", "% change", "YoY": the column holds changes on a year earlier.
  const change = /增减|增长|变动|同比|环比|change|yoy|y\/y|qoq|q\/q|growth/i.test(text);
  // A change column without a period of its own is about the table's first (current) period.
  const current = headerPeriods.find((p) => !p.isBase && p.raw.year !== undefined);
  return { text, metric, period: change ? current ?? period : period, change, sequential: change && SEQUENTIAL.test(text) };
}


// Tables flattened to lines of text, as saved pages often print them: a header line of period
// and change column names ("Item  Q3 2022  Q3 2023  % change"), then rows of a
// label and one figure per column ("Sales $2.10 billion $2.52 billion 20%"). With no cell
// borders, the k-th figure of a row belongs to the k-th column the header names.

export interface Column {
  text: string;
  metric?: string;
  period?: PeriodMention;
  change: boolean;
  /** The change column is on the previous period (QOQ, 环比), not a year earlier. */
  sequential?: boolean;
}

const CHANGE_WORDS = /(?:%\s*)?change(?:\s+(?:yoy|qoq|y\/y|q\/q))?|\b(?:yoy|qoq|y\/y|q\/q|growth)\b|同比(?:增减|增长|变动)?|环比(?:增减|增长|变动)?|增减(?:幅度)?|变动(?:幅度)?/gi;
const SEQUENTIAL = /qoq|q\/q|环比|sequential/i;

/** The columns a flattened header line names, in order; none when it names fewer than two. */
export function headerColumns(text: string, periods: PeriodMention[]): Column[] {
  const cols: Array<Column & { start: number; end: number }> = [];
  for (const p of periods) if (!p.isBase) cols.push({ text: p.text, period: p, change: false, start: p.start, end: p.end });
  CHANGE_WORDS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHANGE_WORDS.exec(text))) {
    if (cols.some((c) => m!.index < c.end && m!.index + m![0].length > c.start)) continue;
    cols.push({ text: m[0], change: true, sequential: SEQUENTIAL.test(m[0]), start: m.index, end: m.index + m[0].length });
  }
  cols.sort((a, b) => a.start - b.start);
  // "Q3 2023 sales": a metric named right after a column's period names that column's metric.
  for (const [k, c] of cols.entries()) {
    const tail = text.slice(c.end, cols[k + 1]?.start ?? text.length);
    const metric = findAll(metricRe, tail).map((x) => metricOf(x.text)!)[0];
    if (metric && !c.change) c.metric = metric;
  }
  // A change column measures the figure of the column before it ("Revenue  Change YOY").
  for (const [k, c] of cols.entries()) if (c.change && !c.metric) c.metric = cols.slice(0, k).reverse().find((p) => !p.change)?.metric;
  // A change column is about the table's current period: the latest one its header names.
  const order = (p: PeriodMention) => (p.raw.year ?? 0) * 100 + (p.raw.n ?? 0);
  const current = cols.filter((c) => c.period && c.period.raw.year !== undefined).map((c) => c.period!).sort((a, b) => order(b) - order(a))[0];
  for (const c of cols) if (c.change && current) c.period = current;
  return cols.length >= 2 ? cols.map(({ start: _s, end: _e, ...c }) => c) : [];
}

/** Whether a line reads as a flattened row: a label, then figures with only spaces, signs and brackets between them. */
function rowFigures(text: string, tokens: Array<{ start: number; end: number }>): boolean {
  if (tokens.length < 2) return false;
  const label = text.slice(0, tokens[0]!.start);
  if (!/[A-Za-z\u4e00-\u9fff]/.test(label) || label.length > 60 || /[.。,，;；:：]\s*$/.test(label.trim()) && label.trim().length > 30) return false;
  for (let k = 1; k < tokens.length; k++) if (!/^[\s()（）+\-−–—|]*(?:up|down)?[\s()（）+\-−–—|]*$/i.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
  return /^[\s()（）%|]*$/.test(text.slice(tokens[tokens.length - 1]!.end));
}

/**
 * For each row line of a flattened table, its header line and the column of each figure. A
 * header is a line that names two or more columns and holds no figures of its own; its rows are
 * the lines right after it with one figure per column.
 */
export function flatTableColumns(lines: Array<{ text: string; periods: PeriodMention[]; tokens: Array<{ start: number; end: number }>; table: boolean }>): Map<number, Column[]> {
  const out = new Map<number, Column[]>();
  for (let i = 0; i < lines.length; i++) {
    const h = lines[i]!;
    if (h.table || h.tokens.length) continue;
    const cols = headerColumns(h.text, h.periods);
    if (!cols.length) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const r = lines[j]!;
      if (r.table || r.tokens.length !== cols.length || !rowFigures(r.text, r.tokens)) break;
      out.set(j, cols);
    }
  }
  return out;
}

/** The label of a flattened row: its text before the first figure ("Data center", "GAAP net income"). */
export const rowLabel = (text: string, firstFigure: number) => text.slice(0, firstFigure).replace(/[\s|:：]+$/, '').trim();
/** Total rows (Total, 合计) are the table's whole, not a part. */
export const isTotalLabel = (label: string) => /^(?:(?:total|totals|overall)\b|合计|总计|总额|全部)/i.test(label);
