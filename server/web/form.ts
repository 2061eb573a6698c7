// Reading form fields: strings with length limits, enums, offsets and a safe "back" URL.
import type { Request } from 'express';
import { HttpError } from './errors.js';
import { msg, type I18n } from './i18n.js';

/** A field's name in the reader's language (field.* in the locale files), for messages. */
const labelOf = (label: string) => (i: I18n) => i.maybe(`field.${label}`, label);

export function field(req: Request, name: string, max: number, label = name): string {
  const v = (req.body ?? {})[name];
  if (v === undefined) return '';
  if (typeof v !== 'string') throw new HttpError(400, msg('err.fieldShape', { label: labelOf(label) }));
  if (v.length > max) throw new HttpError(413, msg('err.fieldLong', { label: labelOf(label), length: v.length, max }), v);
  return v;
}

export function oneOf<T extends string>(req: Request, name: string, allowed: readonly T[], label = name): T {
  const v = field(req, name, 100, label);
  if (!(allowed as readonly string[]).includes(v)) throw new HttpError(400, msg('err.choose', { label: labelOf(label), allowed: allowed.join(', ') }));
  return v as T;
}

/** A redirect target from the form: only a path on this site, never another host. */
export function backTo(req: Request, fallback: string): string {
  const v = typeof req.body?.back === 'string' ? req.body.back : '';
  return /^\/(?![/\\])[^\s]*$/.test(v) && v.length < 2000 ? v : fallback;
}

/** Offsets of a selection in the article text, checked against its length. */
export function offsets(req: Request, textLength: number): { start: number; end: number } | null {
  const s = field(req, 'start', 12);
  const e = field(req, 'end', 12);
  if (s === '' && e === '') return null;
  const start = Number(s);
  const end = Number(e);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > textLength || start >= end)
    throw new HttpError(400, msg('err.selection'));
  return { start, end };
}
