// Builds a reviewer's manual claim from the form: the printed number gives the precision
// (126.14 with scale 亿 → step 1e6), the selection gives quote and sentence.
import { randomBytes } from 'node:crypto';
import type { Article, Claim, Measure } from '../../types.js';
import { HttpError } from '../errors.js';
import { msg } from '../i18n.js';

export interface ManualInput {
  start: number;
  end: number;
  value: string;
  scale: number;
  unit: string;
  metric: string;
  period: string;
  subject: string;
  measure: Measure;
}

const METRIC = /^[a-z0-9_]{1,60}$/;
const PERIOD = /^[0-9A-Za-z.:_-]{1,40}$/;
const UNIT = /^[A-Za-z%/]{1,16}$/;

/** Checks the free-text fields shared by manual claims and corrections. */
export function checkFact(metric: string, period: string, subject: string) {
  if (metric && metric !== '(none)' && !METRIC.test(metric)) throw new HttpError(400, msg('err.metricId'));
  if (period && !PERIOD.test(period)) throw new HttpError(400, msg('err.period'));
  if (!subject.trim()) throw new HttpError(400, msg('err.subject'));
  if (subject.length > 100) throw new HttpError(400, msg('err.subjectLong'));
}

/** The sentence around a span: from the last sentence end before it to the next one after it. */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; sentenceStart: number } {
  let s = start;
  while (s > 0 && start - s < 400) {
    const ch = text[s - 1]!;
    if (/[。！？!?\n]/.test(ch) || (/\s/.test(ch) && text[s - 2] === '.')) break;
    s--;
  }
  let e = end;
  while (e < text.length && e - end < 400 && !/[。！？!?\n]/.test(text[e]!) && !(text[e] === '.' && /\s/.test(text[e + 1] ?? ' '))) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return { sentence: text.slice(s, e), sentenceStart: s };
}

export function parsePrinted(raw: string): { value: number; decimals: number } {
  const t = raw.trim().replace(/[,，\s]/g, '').replace(/^[−–]/, '-');
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) throw new HttpError(400, msg('err.notNumber', { value: raw.slice(0, 40) }));
  return { value: Number(t), decimals: t.split('.')[1]?.length ?? 0 };
}

export function checkUnit(unit: string) {
  if (!UNIT.test(unit)) throw new HttpError(400, msg('err.unit'));
}

/** A number as printed times its scale: the normalised value and the step of its last digit. */
export function scaledValue(printed: string, scale: number): { value: number; precision: number } {
  const { value, decimals } = parsePrinted(printed);
  // Round away float noise from the scaling (0.1 × 1e8).
  return { value: Number((value * scale).toPrecision(15)), precision: Number((10 ** -decimals * scale).toPrecision(12)) };
}

export function manualClaim(article: Article, input: ManualInput): Claim {
  checkFact(input.metric, input.period, input.subject);
  checkUnit(input.unit);
  const { value, precision } = scaledValue(input.value, input.scale);
  const { sentence, sentenceStart } = sentenceAround(article.text, input.start, input.end);
  return {
    id: 'm' + randomBytes(6).toString('hex'),
    articleId: article.id,
    quote: article.text.slice(input.start, input.end),
    start: input.start,
    end: input.end,
    sentence,
    sentenceStart,
    value,
    unit: input.unit,
    precision,
    qualifier: 'exact',
    measure: input.measure,
    subject: input.subject.trim(),
    metric: input.metric && input.metric !== '(none)' ? input.metric : null,
    period: input.period || null,
    aspects: [],
    why: {},
    origin: 'manual',
  };
}
