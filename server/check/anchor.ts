// Text anchors for reviews, notes, corrections and manual claims. Like the Hypothesis
// client: remember the quote with some context and its position; after an edit, look for
// the quote again, preferring the place whose context matches. If the quote is gone, the
// anchor is orphaned and says so: it is never moved to a guess.
import type { Anchor } from '../types.js';

const CONTEXT = 32;

export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** Where the anchor's quote is now, or null. Exact position first, then the best context match. */
export function locate(text: string, a: Anchor): { start: number; end: number } | null {
  if (!a.exact) return null;
  if (text.slice(a.start, a.end) === a.exact) return { start: a.start, end: a.end };
  let best: { start: number; score: number } | null = null;
  for (let i = text.indexOf(a.exact); i >= 0; i = text.indexOf(a.exact, i + 1)) {
    const pre = text.slice(Math.max(0, i - a.prefix.length), i);
    const suf = text.slice(i + a.exact.length, i + a.exact.length + a.suffix.length);
    const score = commonSuffix(pre, a.prefix) + commonPrefix(suf, a.suffix) - Math.abs(i - a.start) / 1e6;
    if (!best || score > best.score) best = { start: i, score };
  }
  // A short quote found with no matching context is not the same place.
  if (!best || (a.exact.length < 8 && best.score < 4)) return null;
  return { start: best.start, end: best.start + a.exact.length };
}

function commonSuffix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
