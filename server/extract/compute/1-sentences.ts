// Pass 1: paragraphs, sentences and clauses, with offsets into the article text.
// Sentences end at 。！？；, at . ! ? followed by a capital, and at a bullet dash run into the line; abbreviations such as
// "Dec." and decimals such as "5.33" do not end one. Clauses split a sentence at
// commas: the unit within which a metric, period or subject is most likely to hold.

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface Sentence extends Span {
  paragraph: number;
  clauses: Span[];
}

// Titles before a name (Sen., Gov., Capt.) and signs before a figure (Rs. 91, Fig. 3) never end a sentence.
const ABBREV = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Inc|Co|Corp|Ltd|St|No|Nos|vs|etc|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|Rs|Rp|Fig|Vol|pp|Dept)\.$/;

const URL_RE = /https?:\/\/\S+|www\.\S+/g;
// The characters at which a sentence may end: the rest of a line is skipped in one regex step
// rather than looked at character by character.
const ENDING = /[?\-•。！？；!;.]/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\r\n]+/g;
  let line: RegExpExecArray | null;
  let lastEnd = 0;
  while ((line = lineRe.exec(text))) {
    // A blank line, or any line break, starts a new paragraph: news text puts one per line.
    if (text.slice(lastEnd, line.index).length > 0 || out.length) paragraph++;
    lastEnd = line.index + line[0].length;
    splitLine(line[0], line.index, paragraph, out);
  }
  return out;
}

function splitLine(line: string, offset: number, paragraph: number, out: Sentence[]) {
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const s = offset + start + lead;
      out.push({ start: s, end: s + body.length, text: body, paragraph, clauses: splitClauses(body, s) });
    }
    start = end;
  };
  // A URL is one word: its ? and ; end no sentence (and its digits are masked later).
  const urls = [...line.matchAll(URL_RE)].map((u) => [u.index!, u.index! + u[0].length] as const);
  let u = 0;
  ENDING.lastIndex = 0;
  for (let m; (m = ENDING.exec(line)); ) {
    const i = m.index;
    const c = line[i]!;
    while (u < urls.length && urls[u]![1] <= i) u++;
    if (u < urls.length && i >= urls[u]![0]) continue;
    // A short English question with no figure ("Net income? $14.1 billion.") runs on into its answer.
    if (c === '?' && i - start < 30 && !/\d/.test(line.slice(start, i))) continue;
    // Bullets run into one line ("… [1] - Revenue: …", "Core Views - The company …") end a sentence.
    if ((c === '-' || c === '•') && /\s/.test(line[i - 1] ?? '') && (/^\s+[A-Z]/.test(line.slice(i + 1, i + 3)) || (/^\s+\d/.test(line.slice(i + 1, i + 3)) && /[^\d\s]\s*$/.test(line.slice(0, i))))) {
      push(i);
      start = i + 1;
    } else if ('。！？；!?;'.includes(c)) {
      let j = i + 1;
      while (j < line.length && '”’"」』）)*'.includes(line[j]!)) j++;
      push(j);
      ENDING.lastIndex = j;
    } else if (c === '.') {
      // Closing quotes, brackets and markdown emphasis stay with the sentence they close.
      let j = i + 1;
      while (j < line.length && '*"”’)'.includes(line[j]!)) j++;
      if (!/\s/.test(line[j] ?? ' ')) continue;
      if (ABBREV.test(line.slice(Math.max(0, i - 6), i + 1))) continue;
      let k = j;
      while (k < line.length && /\s/.test(line[k]!)) k++;
      const next = line[k] ?? '';
      if (/[A-Z0-9"“(*\u4e00-\u9fff]/.test(next)) {
        push(j);
        ENDING.lastIndex = j;
      }
    }
  }
  push(line.length);
}

export function splitClauses(sentence: string, offset: number): Span[] {
  const out: Span[] = [];
  // "，" always; "," unless it separates thousands (67,317); "、" joins list items, not clauses.
  const re = /，|,(?!\d{3}(?!\d))/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) {
    out.push({ start: offset + start, end: offset + m.index, text: sentence.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start: offset + start, end: offset + sentence.length, text: sentence.slice(start) });
  return out;
}
