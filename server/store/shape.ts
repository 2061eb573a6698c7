// Checks a stored db entry by entry, so a hand-edited or foreign file is refused with a
// message naming the bad entry instead of breaking every page later. Types only, not enum
// values: an older file with a value we no longer use still opens.
import type { Db } from '../types.js';

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const obj: Check = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const strOrNull: Check = (v) => v === null || str(v);
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const anchor: Check = (v) => obj(v) && ['exact', 'prefix', 'suffix'].every((k) => str((v as Record<string, unknown>)[k])) && num((v as Record<string, unknown>).start) && num((v as Record<string, unknown>).end);
const source: Check = (v) => {
  const e = v as Record<string, unknown>;
  return obj(v) && ['url', 'printed', 'unit', 'by', 'at'].every((k) => str(e[k])) && num(e.value) && num(e.precision) && (e.title === undefined || str(e.title));
};

/** Field → check; a `?` suffix marks a field that may be absent. */
type Shape = Record<string, Check>;
const TEXT_OF: Record<string, string> = { str: 'a string', num: 'a finite number', bool: 'true or false', obj: 'an object', strOrNull: 'a string or null', strList: 'a list of strings', anchor: 'an anchor {exact, prefix, suffix, start, end}', source: 'a primary source {url, printed, value, unit, precision, by, at}' };
const NAMES = new Map<Check, string>([[str, 'str'], [num, 'num'], [bool, 'bool'], [obj, 'obj'], [strOrNull, 'strOrNull'], [strList, 'strList'], [anchor, 'anchor'], [source, 'source']]);

const claim: Shape = {
  id: str, articleId: str, quote: str, start: num, end: num, sentence: str, sentenceStart: num, value: num, unit: str,
  'countOf?': str, precision: num, qualifier: str, 'qualifierWord?': str, measure: str, subject: str, metric: strOrNull,
  period: strOrNull, aspects: strList, why: obj, 'origin?': str,
};

export const SHAPES: Record<Exclude<keyof Db, 'version'>, Shape> = {
  articles: {
    id: str, path: str, title: str, 'url?': str, 'publisher?': str, 'date?': str, language: str, text: str, hash: str,
    ingestedAt: str, source: str, 'library?': str,
  },
  claims: claim,
  findings: {
    id: str, key: str, fact: obj, verdict: str, claimIds: strList, severity: str, explanation: str, 'cause?': str, 'outlierArticleIds?': strList,
  },
  reviews: {
    findingId: str, status: str, 'reason?': str, 'note?': str, 'correctClaimId?': str, 'referenceArticleId?': str, updatedAt: str, 'primarySource?': source,
  },
  annotations: { id: str, articleId: str, anchor, comment: str, createdAt: str, 'orphaned?': bool },
  manualClaims: claim,
  corrections: {
    id: str, articleId: str, anchor, 'metric?': strOrNull, 'period?': strOrNull, 'subject?': str, 'value?': num, 'precision?': num, 'unit?': str, 'notAClaim?': bool, createdAt: str, 'orphaned?': bool,
  },
  reviewEvents: { id: str, findingId: str, at: str, by: str, action: str, from: obj, to: obj, 'note?': str, 'batch?': str, 'undone?': bool },
  users: { name: str, role: str, passwordHash: str, createdAt: str },
  sessions: { tokenHash: str, user: str, createdAt: str, expiresAt: str },
};

export const COLLECTIONS = Object.keys(SHAPES) as Array<keyof typeof SHAPES>;

/** What is wrong with one entry, or null when it fits the shape. */
export function entryProblem(entry: unknown, shape: Shape): string | null {
  if (!obj(entry)) return `should be an object, found ${describe(entry)}`;
  const e = entry as Record<string, unknown>;
  for (const [spec, check] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const key = optional ? spec.slice(0, -1) : spec;
    if (optional && e[key] === undefined) continue;
    if (!check(e[key])) return `"${key}" should be ${TEXT_OF[NAMES.get(check)!]}, found ${describe(e[key])}`;
  }
  return null;
}

/** The first bad entry of a collection, as "claims[3] (id c1): …", or null. */
export function collectionProblem(name: keyof typeof SHAPES, list: unknown[]): string | null {
  for (const [i, entry] of list.entries()) {
    const problem = entryProblem(entry, SHAPES[name]);
    if (problem) return `${name}[${i}]${idOf(entry)}: ${problem}`;
  }
  return null;
}

const idOf = (entry: unknown) => {
  const e = obj(entry) ? (entry as Record<string, unknown>) : {};
  const id = e.id ?? e.findingId;
  return typeof id === 'string' ? ` (id ${id})` : '';
};

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return `${typeof v === 'object' ? 'an' : 'a'} ${typeof v}`;
}
