// The web app's gate: the Host header must name this server (so a page that rebinds its DNS
// name to 127.0.0.1 gets nothing), and in accounts mode every page but /login needs a session.
import type { Express, Request, RequestHandler, Response } from 'express';
import type { AuthMode } from '../auth/mode.js';
import { hostNameOf } from '../auth/mode.js';
import { endSession, SESSION_DAYS, sessionOf, startSession } from '../auth/sessions.js';
import { findUser, verifyPassword } from '../auth/users.js';
import { cookiesOf } from './csrf.js';
import { save, type Ctx } from './context.js';
import { field } from './form.js';
import { LOCAL_USER, type Viewer } from './who.js';
import { i18nOf, msg, type Text } from './i18n.js';
import { loginThrottle, type ThrottleOptions } from '../auth/throttle.js';

const COOKIE = 'cc_session';

export function hostGuard(allowed: Set<string>): RequestHandler {
  return (req, res, next) => {
    const host = hostNameOf(req.headers.host);
    if (allowed.has(host)) return next();
    res.status(421).type('text/plain').send(i18nOf(res).t('auth.foreignHost', { host: host.slice(0, 80), hosts: [...allowed].join(', ') }));
  };
}

/** Only a path on this site, so the login page cannot be used to send people elsewhere. */
const safeNext = (v: unknown) => (typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && v.length < 2000 && !v.startsWith('/login') ? v : '/');

function renderLogin(res: Response, status: number, o: { next: string; name?: string; message?: Text }) {
  const i = i18nOf(res);
  res.status(status).render('login', { title: i.t('title.signIn'), ...o, message: i.text(o.message) });
}

export function authenticate(ctx: Ctx, mode: AuthMode): RequestHandler {
  return (req, res, next) => {
    if (mode === 'single') {
      res.locals.user = LOCAL_USER;
      return next();
    }
    const db = ctx.store.read();
    const s = sessionOf(db, cookiesOf(req)[COOKIE]);
    const u = s && findUser(db, s.user);
    if (u) {
      res.locals.user = { name: u.name, role: u.role } satisfies Viewer;
      return next();
    }
    // Signing in, and choosing the language of the sign-in page, need no session.
    if (req.path === '/login' || req.path === '/lang') return next();
    // Nothing behind the gate runs: a POST without a session changes nothing.
    const message = req.method === 'GET' || req.method === 'HEAD' ? undefined : msg('auth.first');
    renderLogin(res, 401, { next: req.method === 'GET' ? req.originalUrl : '/', message });
  };
}

const cookie = (req: Request, value: string, maxAge: number) => `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${req.secure ? '; Secure' : ''}`;

export function loginRoutes(app: Express, ctx: Ctx, mode: AuthMode, limits: ThrottleOptions & { now?: () => number } = {}) {
  const throttle = loginThrottle(limits);
  const now = limits.now ?? Date.now;
  app.get('/login', (req, res) => {
    if (mode === 'single' || res.locals.user) return res.redirect(303, safeNext(req.query.next));
    renderLogin(res, 200, { next: safeNext(req.query.next) });
  });

  app.post('/login', ctx.form, ctx.verify, async (req, res) => {
    const next = safeNext(req.body?.next);
    if (mode === 'single') return res.redirect(303, next);
    const name = field(req, 'name', 100, 'name').trim();
    const address = req.socket.remoteAddress ?? '';
    // Too many failures for this name or from this address: refused before the password is looked at.
    const wait = throttle.wait(name, address, now());
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return renderLogin(res, 429, { next, name, message: msg('auth.tooMany', { minutes: Math.ceil(wait / 60_000) }) });
    }
    const user = await verifyPassword(ctx.store.read(), name, field(req, 'password', 1000, 'password'));
    if (!user) {
      throttle.failed(name, address, now());
      return renderLogin(res, 401, { next, name, message: msg('auth.noMatch') });
    }
    throttle.succeeded(name);
    let token = '';
    await save(ctx, (db) => void (token = startSession(db, user.name)));
    res.append('Set-Cookie', cookie(req, token, SESSION_DAYS * 86400));
    res.redirect(303, next);
  });

  app.post('/logout', ctx.form, ctx.verify, async (req, res) => {
    const token = cookiesOf(req)[COOKIE];
    if (token) await save(ctx, (db) => endSession(db, token));
    res.append('Set-Cookie', cookie(req, '', 0));
    res.redirect(303, '/login');
  });
}
