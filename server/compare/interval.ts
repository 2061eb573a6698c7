// The interval a printed value stands for (statcheck's rule): the value ± half its last
// printed step. Qualifiers reshape it: 约/about widens it to a full step each way;
// 超过/more than puts the truth anywhere above the value; 近/nearly between
// one step below and the value. Negative values (declines, losses) mirror the bounds.
import type { Claim } from '../types.js';

export type Interval = [number, number];

export function intervalOf(c: Pick<Claim, 'value' | 'precision' | 'qualifier'>, exact = false): Interval {
  const v = Math.abs(c.value);
  const p = c.precision;
  let lo: number, hi: number;
  switch (c.qualifier) {
    case 'approx':
      [lo, hi] = [v - p, v + p];
      break;
    case 'lower':
      // "More than 10亿" is true of 13.63亿: a lower bound says nothing about how far above it the truth is.
      [lo, hi] = [v, Infinity];
      break;
    case 'upper':
      [lo, hi] = [v - p, v];
      break;
    default:
      [lo, hi] = [v - p / 2, v + p / 2];
  }
  // A tiny epsilon so that 126.14 and 126.1 (exactly on the half step) agree despite binary floats.
  const eps = exact ? 0 : Math.max(Math.abs(v), 1) * 1e-9;
  return c.value < 0 ? [-hi - eps, -lo + eps] : [lo - eps, hi + eps];
}

/** The interval if the printed value was truncated rather than rounded: [v, v + step). */
export function truncationIntervalOf(c: Pick<Claim, 'value' | 'precision'>): Interval {
  const v = Math.abs(c.value);
  const eps = Math.max(v, 1) * 1e-9;
  return c.value < 0 ? [-(v + c.precision) - eps, -v + eps] : [v - eps, v + c.precision + eps];
}

/**
 * Rounding half up, v stands for [v − step/2, v + step/2): intervals that only meet at their
 * ends (2.48 and 2.49, or 26.37% and 26.38%, at the shared half step) do not agree. The margin
 * is far above float noise and far below any printed step.
 */
const meets = (lo: number, hi: number) => hi - lo > 1e-7 * Math.max(1, ...[lo, hi].filter(Number.isFinite).map(Math.abs));

/** A per-mille figure in percent (6.39‰ = 0.639%), so that it compares with percent figures. */
export function perMilleAsPercent<T extends Pick<Claim, 'value' | 'precision' | 'unit'>>(c: T): T {
  return c.unit === '‰' ? { ...c, value: c.value / 10, precision: c.precision / 10, unit: '%' } : c;
}

export const overlaps = (a: Interval, b: Interval) => meets(Math.max(a[0], b[0]), Math.min(a[1], b[1]));

/** Whether all intervals share more than an end point. */
export function commonPoint(intervals: Interval[]): boolean {
  let lo = -Infinity;
  let hi = Infinity;
  for (const [a, b] of intervals) {
    lo = Math.max(lo, a);
    hi = Math.min(hi, b);
  }
  return meets(lo, hi);
}

/**
 * For each source, whether all the others share one unit and more than a point: the outlier
 * test. Bounds of the sources before and after each one are carried along (prefix and suffix),
 * so this is linear in the sources, not quadratic; max and min are exact, so the answer is the
 * same as commonPoint over each "all but one" list.
 */
export function agreeWithoutEach(intervals: Interval[], units: string[]): boolean[] {
  const n = intervals.length;
  // Carried state: [lo, hi, unit] with unit '' for none yet and null for mixed.
  type Acc = [number, number, string | null];
  const step = ([lo, hi, u]: Acc, i: number): Acc => [Math.max(lo, intervals[i]![0]), Math.min(hi, intervals[i]![1]), u === '' ? units[i]! : u === units[i] ? u : null];
  const before: Acc[] = [[-Infinity, Infinity, '']];
  for (let i = 0; i < n - 1; i++) before.push(step(before[i]!, i));
  const out = new Array<boolean>(n);
  let after: Acc = [-Infinity, Infinity, ''];
  for (let i = n - 1; i >= 0; i--) {
    const [lo1, hi1, u1] = before[i]!;
    const [lo2, hi2, u2] = after;
    const unit = u1 === '' ? u2 : u2 === '' ? u1 : u1 === u2 ? u1 : null;
    out[i] = unit !== null && unit !== '' && meets(Math.max(lo1, lo2), Math.min(hi1, hi2));
    after = step(after, i);
  }
  return out;
}
