// Shared helpers for the core pipeline tests: build articles and claims by hand, scan a
// sentence and read each token with its quote, extract claims from a small article.
import assert from 'node:assert/strict';
import type { Article, Claim, Language } from '../../server/types.js';
import { extractClaims, scanNumbers } from '../../server/extract/index.js';
import type { NumberToken } from '../../server/extract/compute/2-numbers.js';
import { articleIdFor, sha256 } from '../../server/ingest/index.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** A token with the text it spans, for readable assertions. */
export type Scanned = NumberToken & { quote: string };

export function scan(sentence: string, lang: 'zh' | 'en'): Scanned[] {
  return scanNumbers(sentence, lang).map((t) => ({ ...t, quote: sentence.slice(t.start, t.end) }));
}

/** The one token of a sentence (fails if there is not exactly one). */
export function one(sentence: string, lang: 'zh' | 'en'): Scanned {
  const toks = scan(sentence, lang);
  assert.equal(toks.length, 1, `expected one number in «${sentence}», got ${JSON.stringify(toks.map((t) => t.quote))}`);
  return toks[0]!;
}

/** The token whose quote contains the given text. */
export function tokenOf(sentence: string, lang: 'zh' | 'en', quotePart: string): Scanned {
  const t = scan(sentence, lang).find((x) => x.quote.includes(quotePart));
  assert.ok(t, `no number «${quotePart}» found in «${sentence}»`);
  return t;
}

/** Floating point equality with a relative tolerance. */
export function close(actual: number, expected: number, message?: string) {
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, message ?? `expected ${expected}, got ${actual}`);
}

export interface ArticleOptions {
  path?: string;
  title?: string;
  date?: string;
  language?: Language;
  publisher?: string;
}

let counter = 0;
export function makeArticle(text: string, o: ArticleOptions = {}): Article {
  const path = o.path ?? `t/${++counter}.txt`;
  return {
    id: articleIdFor(path),
    path,
    title: o.title ?? text.split('\n')[0]!.slice(0, 60),
    date: o.date,
    publisher: o.publisher,
    language: o.language ?? (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en'),
    text,
    hash: sha256(text),
    ingestedAt: '2023-11-01T00:00:00.000Z',
    source: 'file',
  };
}

/** Extracts the claims of a small article given as paragraphs. */
export function extract(paragraphs: string | string[], o: ArticleOptions = {}): { article: Article; claims: Claim[] } {
  const text = Array.isArray(paragraphs) ? paragraphs.join('\n\n') : paragraphs;
  const article = makeArticle(text, o);
  return { article, claims: extractClaims(article) };
}

/** The claim whose quote contains the text (the n-th such, from 0). */
export function claimOf(claims: Claim[], quotePart: string, nth = 0): Claim {
  const c = claims.filter((x) => x.quote.includes(quotePart))[nth];
  assert.ok(c, `no claim «${quotePart}» (#${nth}) among ${JSON.stringify(claims.map((x) => x.quote))}`);
  return c;
}

/** A claim built by hand, for align and compare tests. */
let claimCounter = 0;
export function makeClaim(articleId: string, value: number, precision: number, extra: Partial<Claim> = {}): Claim {
  const id = `${articleId}:c${++claimCounter}`;
  return {
    id,
    articleId,
    quote: String(value),
    start: 0,
    end: String(value).length,
    sentence: String(value),
    sentenceStart: 0,
    value,
    unit: '%',
    precision,
    qualifier: 'exact',
    measure: 'yoy',
    subject: 'iflytek',
    metric: 'revenue',
    period: '2023-Q1..Q3',
    aspects: [],
    why: {},
    origin: 'extracted',
    ...extra,
  };
}
