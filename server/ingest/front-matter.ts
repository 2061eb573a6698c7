// Optional YAML front matter at the top of a .md/.txt file. The body after it is kept
// byte for byte; `bodyOffset` says where it starts in the file text.
import { createRequire } from 'node:module';
import type { parse as parseType } from 'yaml';

// The YAML parser, loaded on first use: most front matter is plain `key: value` lines, read
// without it (plainMapping), and loading it costs start-up time that a small library feels.
let yamlParse: typeof parseType | undefined;
const parse = (src: string): unknown => (yamlParse ??= (createRequire(import.meta.url)('yaml') as { parse: typeof parseType }).parse)(src);

export interface FrontMatter {
  title?: string;
  url?: string;
  publisher?: string;
  date?: string;
  language?: string;
}

export interface Split {
  meta: FrontMatter;
  body: string;
  /** A problem with the front matter that did not stop ingest. */
  warning?: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(text: string): Split {
  const m = FENCE.exec(text);
  if (!m) return { meta: {}, body: text };
  const body = text.slice(m[0].length);
  let raw: unknown = plainMapping(m[1]!);
  if (raw === undefined)
    try {
      raw = parse(m[1]!);
    } catch (e) {
      return { meta: {}, body, warning: `front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored` };
    }
  if (!raw || typeof raw !== 'object') return { meta: {}, body };
  const meta: FrontMatter = {};
  const r = raw as Record<string, unknown>;
  for (const k of ['title', 'url', 'publisher', 'date', 'language'] as const) {
    const v = r[k];
    if (v instanceof Date) meta[k] = v.toISOString().slice(0, 10);
    else if (typeof v === 'string' || typeof v === 'number') meta[k] = String(v).trim();
  }
  return { meta, body };
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*): (.*)$/;
/** A value YAML would read as something other than a string: a number, boolean or null. */
const NOT_A_STRING = /^(?:[-+]?(?:0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9_]*\.?[0-9_]+(?:e[-+]?[0-9]+)?|[0-9_]+\.|\.inf|\.nan)|true|false|yes|no|on|off|y|n|null|~)$/i;
/** Characters that start YAML syntax (flow collections, anchors, tags, block scalars, quotes…). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const ODD_CHAR = /[\t\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/;

/**
 * The front matter as YAML reads it, when every line is `key: value` with a plain or simply
 * quoted string value and no key repeats; undefined for anything else, which the YAML parser
 * then reads. Only what is certain is taken here: a number, a boolean, an escape, a comment or
 * a line that continues another all go to the parser, so both give the same result.
 */
export function plainMapping(src: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of src.split(/\r?\n/)) {
    const m = KEY_LINE.exec(line);
    if (!m || ODD_CHAR.test(line) || Object.hasOwn(out, m[1]!)) return undefined;
    const v = plainValue(m[2]!);
    if (v === undefined) return undefined;
    out[m[1]!] = v;
  }
  return out;
}

function plainValue(raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  // "…" with no escapes and ' … ' with no doubled quotes are the text between the quotes.
  const dq = /^"([^"\\]*)"$/.exec(v);
  if (dq) return dq[1];
  const sq = /^'([^']*)'$/.exec(v);
  if (sq) return sq[1];
  if (INDICATOR.test(v) || NOT_A_STRING.test(v) || /: |:$| #/.test(v)) return undefined;
  return v;
}
