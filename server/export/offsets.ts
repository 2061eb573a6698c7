// Web Annotation selectors count Unicode code points; JavaScript strings (and our Claim and
// Anchor offsets) count UTF-16 units. They differ after every character outside the BMP
// (emoji, rare CJK such as 𠮷), so offsets are converted here before they leave the app.

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * A converter from UTF-16 offsets to code-point offsets for one text. It indexes the
 * surrogate pairs once, so converting every claim of a long article stays cheap.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  const lows: number[] = []; // index of the second unit of each surrogate pair, ascending
  for (let i = 0; i + 1 < text.length; i++)
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) lows.push(++i);
  return (utf16) => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo; // every pair wholly before the offset counts one code point, not two
  };
}

/** Up to n code points before start and after end, never cutting a surrogate pair in half. */
export function contextAround(text: string, start: number, end: number, n = 32): { prefix: string; suffix: string } {
  let from = start;
  for (let k = 0; k < n && from > 0; k++) from -= from >= 2 && isLow(text.charCodeAt(from - 1)) && isHigh(text.charCodeAt(from - 2)) ? 2 : 1;
  let to = end;
  for (let k = 0; k < n && to < text.length; k++) to += isHigh(text.charCodeAt(to)) && isLow(text.charCodeAt(to + 1)) ? 2 : 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Drops unpaired surrogates at the edges of stored context, which older anchors may hold. */
export const wellFormed = (s: string) => s.replace(/^[\udc00-\udfff]|[\ud800-\udbff]$/g, '');
