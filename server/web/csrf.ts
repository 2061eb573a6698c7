// CSRF protection without sessions: a random id in an HttpOnly cookie, and a token that is
// the HMAC of that id under a per-process secret. Every form carries the token; a POST is
// accepted only if the token matches the cookie it came with, so another site cannot forge
// one (it can neither read our cookie nor compute the HMAC).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './errors.js';
import { msg } from './i18n.js';

const COOKIE = 'cc_sid';
const SID = /^[0-9a-f]{32}$/;

export function cookiesOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export function csrf(secret: Buffer = randomBytes(32)) {
  const tokenFor = (sid: string) => createHmac('sha256', secret).update(sid).digest('base64url');

  /** Gives every visitor an id and every page a token (res.locals.csrf). */
  const issue: RequestHandler = (req, res, next) => {
    let sid = cookiesOf(req)[COOKIE];
    if (!sid || !SID.test(sid)) {
      sid = randomBytes(16).toString('hex');
      res.append('Set-Cookie', `${COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`);
    }
    res.locals.sid = sid;
    res.locals.csrf = tokenFor(sid);
    next();
  };

  const sameOrigin = (req: Request) => {
    const origin = req.get('origin');
    if (origin && origin !== 'null') {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {}
      if (host !== req.get('host')) throw new HttpError(403, msg('err.otherSite'));
    }
  };
  /** Whether the token is the one for the request's cookie. */
  const matches = (req: Request, given: unknown) => {
    const sid = cookiesOf(req)[COOKIE];
    return typeof given === 'string' && !!sid && SID.test(sid) && safeEqual(given, tokenFor(sid));
  };
  const refused = () => new HttpError(403, msg('err.csrf'));
  /** A token outside the body: the X-CSRF-Token header, or _csrf in the query string. */
  const outsideBody = (req: Request) => req.get('x-csrf-token') ?? (typeof req.query._csrf === 'string' ? req.query._csrf : undefined);

  /** Rejects a state-changing request whose token does not match its cookie. Run after body parsing. */
  const verify: RequestHandler = (req, res, next) => {
    sameOrigin(req);
    const given = (req.body && typeof req.body._csrf === 'string' ? req.body._csrf : undefined) ?? outsideBody(req) ?? '';
    if (!matches(req, given)) throw refused();
    next();
  };

  /**
   * For uploads, before the body is read: another site's form, a request without our cookie, or
   * a wrong token in the header or query string is refused at once. A token in the form itself
   * must then come before the first file (checkFirst), as the upload form sends it.
   */
  const verifyBeforeBody: RequestHandler = (req, res, next) => {
    sameOrigin(req);
    const sid = cookiesOf(req)[COOKIE];
    if (!sid || !SID.test(sid)) throw refused();
    const given = outsideBody(req);
    if (given !== undefined && !matches(req, given)) throw refused();
    if (given !== undefined) res.locals.csrfChecked = true;
    next();
  };

  return { issue, verify, verifyBeforeBody, matches, refused, tokenFor };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
