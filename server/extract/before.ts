// Regex matches in the text before a figure, for regexes that every figure of a clause asks
// about the same clause. Scanning the clause prefix anew for each figure is quadratic in a
// run-on clause of figures (各业务收入分别1.1%、2.2%、…); here each clause is scanned once, and
// each figure re-reads only the last `width` characters before it.
//
// Exact for a regex that reads at most `width` characters from where a match attempt starts
// (match plus look-ahead) and looks behind at most as far as the start of the clause: an
// attempt that starts `width` or more characters before the figure sees the same characters
// in the prefix as in the whole clause, so it succeeds or fails alike.

interface Scan {
  text: string;
  byClause: Map<number, RegExpExecArray[]>;
}
const scans = new WeakMap<RegExp, Scan>();
const globals = new WeakMap<RegExp, RegExp>();

const globalOf = (re: RegExp) => {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  return g;
};

/** Every match in s from `at`, left to right, as findAll reads them. */
function matchAll(g: RegExp, s: string, at: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  g.lastIndex = at;
  let m: RegExpExecArray | null;
  while ((m = g.exec(s))) {
    out.push(m);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/**
 * The first and last of the matches of `re` in text.slice(from, to), as a left-to-right scan of
 * that slice finds them (indices relative to `from`), where [from, limit) is the clause and
 * to ≤ limit.
 */
export function matchesBefore(re: RegExp, width: number, text: string, from: number, limit: number, to: number): { first?: RegExpExecArray; last?: RegExpExecArray } {
  const g = globalOf(re);
  const rel = to - from;
  if (to > limit || rel < 2 * width) {
    const all = matchAll(g, text.slice(from, to), 0);
    return { first: all[0], last: all[all.length - 1] };
  }
  let scan = scans.get(re);
  if (!scan || scan.text !== text) scans.set(re, (scan = { text, byClause: new Map() }));
  const key = from * 2 ** 26 + limit;
  let clause = scan.byClause.get(key);
  if (!clause) scan.byClause.set(key, (clause = matchAll(g, text.slice(from, limit), 0)));
  // Matches that start at least `width` before the figure are the prefix's own.
  let lo = 0;
  let hi = clause.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clause[mid]!.index + width <= rel) lo = mid + 1;
    else hi = mid;
  }
  const safeEnd = lo > 0 ? clause[lo - 1]!.index + clause[lo - 1]![0].length : 0;
  // After them the clause has no match until past rel - width, so the prefix has none either.
  const tail = matchAll(g, text.slice(from, to), Math.max(safeEnd, rel - width + 1));
  return { first: lo > 0 ? clause[0] : tail[0], last: tail[tail.length - 1] ?? (lo > 0 ? clause[lo - 1] : undefined) };
}

/** How many of the spans end by `pos` (spans in order that do not overlap): the index of the first that ends after it. */
export function endingBy(spans: readonly { end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many of the spans start before `pos` (spans sorted by start): the index of the first that starts at or after it. */
export function startingBefore(spans: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
