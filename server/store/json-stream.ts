// JSON written in pieces. A report or a store is an object of a few big arrays; built as one
// string it hits V8's string limit (about 512 MB, reached by `report` on ~110 MB of articles)
// and holds the whole text in memory at once. Here each array entry is serialised on its own
// and the text goes out in chunks of about a megabyte, one entry per line, so the output is
// still plain JSON (and readable with grep or a line reader), and its size is bounded only by
// the disk.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Top-level fields: an array (or any iterable) is written entry by entry; anything else whole. */
export type StreamableObject = Record<string, unknown>;

const CHUNK = 1 << 20;

/** The JSON text of `obj` in chunks: `{"k":[\n{…},\n{…}\n],\n"k2":…}` followed by a newline. */
export function* jsonChunks(obj: StreamableObject): Generator<string> {
  let buf = '{';
  let first = true;
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    buf += `${first ? '' : ','}\n${JSON.stringify(key)}:`;
    first = false;
    if (!isIterableArrayLike(value)) {
      buf += JSON.stringify(value) ?? 'null';
      continue;
    }
    buf += '[';
    let n = 0;
    for (const entry of value) {
      // JSON.stringify never puts a raw newline inside an entry, so each entry is one line.
      buf += `${n++ ? ',' : ''}\n${JSON.stringify(entry) ?? 'null'}`;
      if (buf.length >= CHUNK) {
        yield buf;
        buf = '';
      }
    }
    buf += n ? '\n]' : ']';
  }
  yield `${buf}\n}\n`;
}

const isIterableArrayLike = (v: unknown): v is Iterable<unknown> =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && !(v instanceof Map));

/** Anything with write(chunk) → boolean and a 'drain' event: process.stdout, a file stream. */
export interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error', listener: (e?: unknown) => void): unknown;
  off?(event: 'drain' | 'error', listener: (e?: unknown) => void): unknown;
}

/** Writes the chunks to a stream, waiting for it to drain, so memory holds one chunk, not the whole text. */
export async function writeJson(sink: Sink, obj: StreamableObject): Promise<void> {
  for (const chunk of jsonChunks(obj)) {
    if (sink.write(chunk)) continue;
    await new Promise<void>((resolve, reject) => {
      const onError = (e?: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
      sink.once('error', onError);
      sink.once('drain', () => {
        sink.off?.('error', onError);
        resolve();
      });
    });
  }
}

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
