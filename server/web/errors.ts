// Errors a user can act on. Anything with a 4xx status says what was wrong in plain words;
// anything else is logged on the server and shown as a short apology, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Text the user typed, given back so nothing they wrote is lost. */
    readonly kept?: string,
    /** Where to go to try again, when that is not just the previous page. */
    readonly back?: { href: string; label: string },
  ) {
    super(message);
  }
}

const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [413, 'The form is larger than this server accepts. Shorten the text, or upload it as a file.'],
  'parameters.too.many': [413, 'The form has too many fields.'],
  'entity.parse.failed': [400, 'The form could not be read.'],
  'charset.unsupported': [415, 'The form uses a character set this server does not read; send UTF-8.'],
  'encoding.unsupported': [415, 'The form uses an encoding this server does not read.'],
  'request.aborted': [400, 'The request was cut off before it finished.'],
};

const MULTER_ERRORS: Record<string, [number, string]> = {
  LIMIT_FILE_SIZE: [413, 'A file is over the upload size limit'],
  LIMIT_FILE_COUNT: [413, 'Too many files in one upload'],
  LIMIT_FIELD_VALUE: [413, 'A form field is too long'],
  LIMIT_FIELD_COUNT: [413, 'The form has too many fields'],
  LIMIT_PART_COUNT: [413, 'The upload has too many parts'],
  LIMIT_FIELD_KEY: [400, 'A form field name is too long'],
  LIMIT_UNEXPECTED_FILE: [400, 'The upload has a file in an unexpected field; use the upload form'],
  MISSING_FIELD_NAME: [400, 'The upload has a part without a name'],
};

export function describeError(err: unknown): { status: number; message: string; kept?: string; back?: { href: string; label: string } } {
  const e = err as { status?: number; statusCode?: number; type?: string; code?: string; name?: string; message?: string; kept?: string };
  if (err instanceof HttpError) return { status: err.status, message: err.message, kept: err.kept, back: err.back };
  if (e?.type && BODY_ERRORS[e.type]) {
    const [status, message] = BODY_ERRORS[e.type]!;
    return { status, message };
  }
  if (e?.name === 'MulterError' && e.code && MULTER_ERRORS[e.code]) {
    const [status, message] = MULTER_ERRORS[e.code]!;
    return { status, message: `${message}.` };
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: status === 404 ? 'There is nothing at this address.' : 'The request could not be understood.' };
  return { status: 500, message: 'Something went wrong on the server. The error was logged; your saved data is untouched.' };
}

export const notFound: RequestHandler = () => {
  throw new HttpError(404, 'There is nothing at this address.');
};

export const errorPage: ErrorRequestHandler = (err, req, res, _next) => {
  const { status, message, kept, back } = describeError(err);
  if (status >= 500) console.error(`crosscheck web: ${req.method} ${req.originalUrl}:`, err);
  if (res.headersSent) return void res.end();
  res.status(status);
  res.render('error', { status, message, kept, back, title: status >= 500 ? 'Server error' : 'Request not accepted' }, (renderErr: Error | null, html?: string) => {
    if (renderErr) {
      console.error('crosscheck web: error page failed:', renderErr);
      res.type('text/plain').send(`${status}: ${message}`);
    } else res.type('html').send(html);
  });
};
