// Text built in pieces, for exports too large to be one string: the streaming forms of
// Array.prototype.join and of the trim a renderer does at the end of its text.

/** `xs.map(f)`, made one at a time as they are read (Node 20 has no iterator helpers). */
export function* mapped<T>(xs: Iterable<T>, f: (x: T, i: number) => string): Generator<string> {
  let i = 0;
  for (const x of xs) yield f(x, i++);
}

/** `[...items].join(sep)`, one item at a time. */
export function* joined(items: Iterable<string>, sep: string): Generator<string> {
  let first = true;
  for (const item of items) {
    yield first ? item : sep + item;
    first = false;
  }
}

/** The pieces with the text's trailing newlines made one: `text.replace(/\n+$/, '\n')`. */
export function* endingInOneNewline(pieces: Iterable<string>): Generator<string> {
  // Newlines at the end of what came so far are held back until text follows them or it ends.
  let held = '';
  for (const piece of pieces) {
    const text = held + piece;
    const body = text.replace(/\n+$/, '');
    held = text.slice(body.length);
    if (body) yield body;
  }
  if (held) yield '\n';
}
