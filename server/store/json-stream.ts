// JSON written in pieces. A report or a store is an object of a few big arrays; built as one
// string it hits V8's string limit (about 512 MB, reached by `report` on ~110 MB of articles)
// and holds the whole text in memory at once. Here each array entry is serialised on its own
// and the text goes out in chunks of about a megabyte, one entry per line, so the output is
// still plain JSON (and readable with grep or a line reader), and its size is bounded only by
// the disk. prettyJsonChunks does the same for exports, whose text must stay what
// JSON.stringify(x, null, 2) prints.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Top-level fields: an array (or any iterable) is written entry by entry; anything else whole. */
export type StreamableObject = Record<string, unknown>;

const CHUNK = 1 << 20;

/** The JSON text of `obj` in chunks: `{"k":[\n{…},\n{…}\n],\n"k2":…}` followed by a newline. */
export const jsonChunks = (obj: StreamableObject): Generator<string> => batched(jsonPieces(obj));

function* jsonPieces(obj: StreamableObject): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    yield `${first ? '' : ','}\n${JSON.stringify(key)}:`;
    first = false;
    if (!isIterableArrayLike(value)) {
      yield JSON.stringify(value) ?? 'null';
      continue;
    }
    yield '[';
    let n = 0;
    // JSON.stringify never puts a raw newline inside an entry, so each entry is one line.
    for (const entry of value) yield `${n++ ? ',' : ''}\n${JSON.stringify(entry) ?? 'null'}`;
    yield n ? '\n]' : ']';
  }
  yield '\n}\n';
}

/** Small pieces joined into chunks of about a megabyte: one write per chunk, not per entry. */
export function* batched(pieces: Iterable<string>, size = CHUNK): Generator<string> {
  let buf = '';
  for (const piece of pieces) {
    buf += piece;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

// A plain object or array is opened (its members written one by one); anything else, a Date
// or a Map included, is left to JSON.stringify, so toJSON and the rest behave as it says.
const isOpenable = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) ||
  (typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v)) && typeof (v as { toJSON?: unknown }).toJSON !== 'function');

/** One value as JSON.stringify(v, null, 2) prints it at `indent`; undefined where it prints nothing. */
const prettyLeaf = (v: unknown, indent: string) => JSON.stringify(v, null, 2)?.replaceAll('\n', `\n${indent}`);

/** An array's entries by index, as JSON.stringify reads them (a hole is undefined), or an object's own fields. */
function* membersOf(v: Record<string, unknown> | unknown[]): Generator<readonly [string | number, unknown]> {
  if (!Array.isArray(v)) return yield* Object.entries(v);
  for (let i = 0; i < v.length; i++) yield [i, v[i]];
}

/**
 * Exactly the text of JSON.stringify(value, null, 2), in pieces. Objects are opened down to the
 * arrays; each array entry is printed whole (a string literal holds no raw newline, so
 * re-indenting its lines is safe). Feed it to batched() for writes of a useful size.
 */
export function* prettyJsonChunks(value: unknown, indent = ''): Generator<string> {
  if (!isOpenable(value)) {
    yield prettyLeaf(value, indent) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  const array = Array.isArray(value);
  let n = 0;
  for (const [key, v] of membersOf(value)) {
    const head = `${n ? ',' : array ? '[' : '{'}\n${inner}${array ? '' : `${JSON.stringify(key)}: `}`;
    if (!array && isOpenable(v)) {
      yield head;
      yield* prettyJsonChunks(v, inner);
    } else {
      const text = prettyLeaf(v, inner);
      // Undefined, a function or a symbol: left out of an object, null in an array.
      if (text === undefined && !array) continue;
      yield head + (text ?? 'null');
    }
    n++;
  }
  yield n ? `\n${indent}${array ? ']' : '}'}` : array ? '[]' : '{}';
}

const isIterableArrayLike = (v: unknown): v is Iterable<unknown> =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && !(v instanceof Map));

/** Anything with write(chunk) → boolean and 'drain', 'error' and 'close' events: process.stdout, a file stream, an HTTP response. */
export interface Sink {
  write(chunk: string): boolean;
  on(event: 'drain' | 'error' | 'close', listener: (e?: unknown) => void): unknown;
  once(event: 'drain' | 'error' | 'close', listener: (e?: unknown) => void): unknown;
  off(event: 'drain' | 'error' | 'close', listener: (e?: unknown) => void): unknown;
}

/**
 * Writes the chunks to a stream, waiting for it to drain, so memory holds one chunk, not the
 * whole text. Rejects on the stream's error, or when it closes first (a download cancelled),
 * so that a writer never waits for a drain that cannot come.
 */
export async function writeChunks(sink: Sink, chunks: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  let wake = () => {};
  const fail = (e?: unknown) => {
    failure ??= e instanceof Error ? e : new Error(String(e));
    wake();
  };
  const closed = () => fail(new Error('the stream closed before the end'));
  sink.on('error', fail);
  sink.on('close', closed);
  try {
    for (const chunk of chunks) {
      if (!sink.write(chunk))
        await new Promise<void>((resolve) => {
          wake = () => {
            sink.off('drain', wake);
            resolve();
          };
          sink.once('drain', wake);
        });
      // Checked before the next chunk is made: after a failure nothing more is rendered.
      if (failure) break;
    }
  } finally {
    sink.off('error', fail);
    sink.off('close', closed);
  }
  if (failure) throw failure;
}

export const writeJson = (sink: Sink, obj: StreamableObject): Promise<void> => writeChunks(sink, jsonChunks(obj));

/**
 * Reads back what jsonChunks wrote, line by line, so that a file larger than one string can be
 * is never one string. Returns undefined when the text is not in that layout (a file written by
 * hand or by an older version): the caller then parses it whole.
 */
export async function parseJsonLines(lines: AsyncIterable<string> | Iterable<string>): Promise<Record<string, unknown> | undefined> {
  const out: Record<string, unknown> = {};
  let array: unknown[] | undefined;
  let state: 'start' | 'fields' | 'end' = 'start';
  try {
    for await (const raw of lines) {
      const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
      if (state === 'start') {
        if (line !== '{') return undefined;
        state = 'fields';
      } else if (state === 'end') {
        if (line !== '') return undefined;
      } else if (array) {
        if (line === ']') array = undefined;
        else array.push(JSON.parse(line));
      } else if (line === '}') state = 'end';
      else {
        const m = /^("(?:[^"\\]|\\.)*"):(.*)$/.exec(line);
        if (!m) return undefined;
        const key = JSON.parse(m[1]!) as string;
        if (m[2] === '[') out[key] = array = [];
        else out[key] = JSON.parse(m[2]!);
      }
    }
  } catch {
    return undefined;
  }
  return state === 'end' && !array ? out : undefined;
}

/** A file's lines, read a megabyte at a time (UTF-8, split at \n only). */
export async function* linesOf(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  const last = rest + decoder.end();
  if (last) yield last;
}
