// Errors a user can act on. Anything with a 4xx status says what was wrong in plain words, in
// the reader's language; anything else is logged on the server and shown as a short apology,
// never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { i18nFor, i18nOf, msg, type Text } from './i18n.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** What went wrong: a message key (put in the reader's language when shown) or plain text. */
    readonly text: Text,
    /** Text the user typed, given back so nothing they wrote is lost. */
    readonly kept?: string,
    /** Where to go to try again, when that is not just the previous page. */
    readonly back?: { href: string; label: Text },
  ) {
    // Logs and tests outside a request read English.
    super(i18nFor('en').text(text));
  }
}

const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [413, 'err.formTooLarge'],
  'parameters.too.many': [413, 'err.tooManyFields'],
  'entity.parse.failed': [400, 'err.formUnreadable'],
  'charset.unsupported': [415, 'err.charset'],
  'encoding.unsupported': [415, 'err.encoding'],
  'request.aborted': [400, 'err.aborted'],
};

const MULTER_ERRORS: Record<string, [number, string]> = {
  LIMIT_FILE_SIZE: [413, 'err.uploadLimit'],
  LIMIT_FILE_COUNT: [413, 'err.uploadCount'],
  LIMIT_FIELD_VALUE: [413, 'err.fieldTooLong'],
  LIMIT_FIELD_COUNT: [413, 'err.fieldCount'],
  LIMIT_PART_COUNT: [413, 'err.partCount'],
  LIMIT_FIELD_KEY: [400, 'err.fieldKey'],
  LIMIT_UNEXPECTED_FILE: [400, 'err.unexpectedFile'],
  MISSING_FIELD_NAME: [400, 'err.missingName'],
};

export function describeError(err: unknown): { status: number; message: Text; kept?: string; back?: { href: string; label: Text } } {
  const e = err as { status?: number; statusCode?: number; type?: string; code?: string; name?: string; message?: string; kept?: string };
  if (err instanceof HttpError) return { status: err.status, message: err.text, kept: err.kept, back: err.back };
  if (e?.type && BODY_ERRORS[e.type]) {
    const [status, key] = BODY_ERRORS[e.type]!;
    return { status, message: msg(key) };
  }
  if (e?.name === 'MulterError' && e.code && MULTER_ERRORS[e.code]) {
    const [status, key] = MULTER_ERRORS[e.code]!;
    return { status, message: msg(key) };
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: msg(status === 404 ? 'err.notFound' : 'err.notUnderstood') };
  return { status: 500, message: msg('err.server') };
}

export const notFound: RequestHandler = () => {
  throw new HttpError(404, msg('err.notFound'));
};

export const errorPage: ErrorRequestHandler = (err, req, res, _next) => {
  const { status, message, kept, back } = describeError(err);
  if (status >= 500) console.error(`crosscheck web: ${req.method} ${req.originalUrl}:`, err);
  if (res.headersSent) return void res.end();
  const i = i18nOf(res);
  const text = i.text(message);
  res.status(status);
  res.render(
    'error',
    { status, message: text, kept, back: back && { href: back.href, label: i.text(back.label) }, title: i.t(status >= 500 ? 'title.serverError' : 'title.notAccepted') },
    (renderErr: Error | null, html?: string) => {
      if (renderErr) {
        console.error('crosscheck web: error page failed:', renderErr);
        res.type('text/plain').send(`${status}: ${text}`);
      } else res.type('html').send(html);
    },
  );
};
