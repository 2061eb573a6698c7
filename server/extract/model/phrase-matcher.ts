// A character trie over a phrase table, built once at load. Reading a sentence with it is one
// pass with a map step per character, where the regex alternation it stands for
// ((?<![A-Za-z0-9])alias(?![A-Za-z0-9])|…, longest first) tries each alias with its
// look-arounds at every position. It finds exactly what that regex's exec loop finds: the
// leftmost match, the longest phrase there whose word boundaries hold, then on from its end.

export interface PhraseMatch {
  text: string;
  start: number;
  end: number;
}

export interface PhraseMatcher {
  /** All non-overlapping matches in s from `from` on, left to right (as a global regex's exec loop from lastIndex `from`). */
  findAll(s: string, from?: number): PhraseMatch[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** A phrase ends here. */
  end: boolean;
  /** That phrase ends on [A-Za-z0-9], so no [A-Za-z0-9] may follow it. */
  endWord: boolean;
}

const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const isWordUnit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * How a code unit compares under a regex's `i` flag without `u` (ECMA-262 Canonicalize): its
 * upper case when that is one code unit, except that nothing outside ASCII folds into ASCII
 * (ſ is not s, ı is not i). Typographic hyphens compare as '-', as phraseRegex's [-‐‑] does.
 */
const canonical = (c: number): number => {
  const u = String.fromCharCode(c).toUpperCase();
  if (u.length !== 1) return c;
  const cu = u.charCodeAt(0);
  return c >= 128 && cu < 128 ? c : cu;
};
let caseTable: Uint16Array | undefined;
const foldTable = (ignoreCase: boolean): Uint16Array => {
  if (ignoreCase && caseTable) return caseTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = ignoreCase ? canonical(c) : c;
  for (const h of HYPHENS) t[h] = 0x2d;
  if (ignoreCase) caseTable = t;
  return t;
};

const node = (): TrieNode => ({ next: new Map(), end: false, endWord: false });

export function phraseMatcher(phrases: Iterable<string>, ignoreCase: boolean): PhraseMatcher {
  const fold = foldTable(ignoreCase);
  const root = node();
  for (const p of phrases) {
    if (!p) continue;
    // In a phrase only '-' stands for any hyphen; a literal ‐ or ‑ would match only itself.
    if (/[\u2010\u2011]/.test(p)) throw new Error(`phrase "${p}": write hyphens as '-'`);
    let at = root;
    for (let k = 0; k < p.length; k++) {
      const c = fold[p.charCodeAt(k)]!;
      let n = at.next.get(c);
      if (!n) at.next.set(c, (n = node()));
      at = n;
    }
    at.end = true;
    at.endWord = isWordUnit(p.charCodeAt(p.length - 1));
  }
  // A phrase that starts on [A-Za-z0-9] may not follow one; that is a property of its first character.
  const startWord = new Set([...root.next.keys()].filter(isWordUnit));
  // Most positions start no phrase: a flag per code unit turns them away before any map lookup.
  const starts = new Uint8Array(0x10000);
  for (const c of root.next.keys()) starts[c] = 1;

  return {
    findAll(s: string, from = 0): PhraseMatch[] {
      const out: PhraseMatch[] = [];
      const n = s.length;
      let i = from;
      while (i < n) {
        const first = fold[s.charCodeAt(i)]!;
        if (!starts[first]) {
          i++;
          continue;
        }
        let at = root.next.get(first);
        let best = -1;
        if (at && !(i > 0 && startWord.has(first) && isWordUnit(s.charCodeAt(i - 1)))) {
          let j = i + 1;
          for (;;) {
            if (at.end && (!at.endWord || j >= n || !isWordUnit(s.charCodeAt(j)))) best = j;
            if (j >= n) break;
            const next: TrieNode | undefined = at.next.get(fold[s.charCodeAt(j)]!);
            if (!next) break;
            at = next;
            j++;
          }
        }
        if (best > 0) {
          out.push({ text: s.slice(i, best), start: i, end: best });
          i = best;
        } else i++;
      }
      return out;
    },
  };
}
