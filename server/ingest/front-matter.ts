// Optional YAML front matter at the top of a .md/.txt file. The body after it is kept
// byte for byte; `bodyOffset` says where it starts in the file text.
import { parse } from 'yaml';

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
  let raw: unknown;
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
