// The review web app for one Store: pages, form posts and their safety rails.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Store } from '../store/index.js';
import { cookiesOf, csrf } from './csrf.js';
import { errorPage, notFound } from './errors.js';
import { indexCache, openCountOf } from './model/index.js';
import { helpers, helpersFor, useEjs } from './render.js';
import { i18nFor, i18nOf, LANG_COOKIE, negotiate } from './i18n.js';
import { langRoutes } from './routes/lang.js';
import { versioned } from './versioned.js';
import { takeFlash } from './flash.js';
import type { Ctx } from './context.js';
import { overviewRoutes } from './routes/overview.js';
import { queueRoutes } from './routes/queue.js';
import { factsRoutes } from './routes/facts.js';
import { articleRoutes } from './routes/articles.js';
import { annotateRoutes } from './routes/annotate.js';
import { addRoutes } from './routes/add.js';
import { exportRoutes } from './routes/export.js';
import { orphanRoutes } from './routes/orphans.js';
import { historyRoutes } from './routes/history.js';
import { bulkRoutes } from './routes/bulk.js';
import { lastUndoable } from '../review/history.js';
import { whoOf } from './who.js';
import { allowedHosts, type AuthMode } from '../auth/mode.js';
import { usersOf } from '../auth/users.js';
import { authenticate, hostGuard, loginRoutes } from './auth.js';
import type { ThrottleOptions } from '../auth/throttle.js';
import { sharedExtractor, type Extractor } from '../extract/pool.js';
import { PROJECT_ROOT } from '../root.js';

const root = PROJECT_ROOT;

export interface AppOptions {
  store: Store;
  /** The library folder, shown on the add page. */
  articlesDir?: string;
  /** HMAC key for CSRF tokens; a fresh one per process by default. */
  secret?: Buffer;
  /** 'accounts' asks for a sign-in; 'single' is one person on loopback. Default: accounts if any exist. */
  auth?: AuthMode;
  /** Host names the Host header may carry; loopback names by default. */
  hosts?: Set<string>;
  /** Failed sign-ins allowed per name and per address, and the window (tests set a clock). */
  loginLimits?: ThrottleOptions & { now?: () => number };
  /** Where added articles are read: a worker pool with a time limit (CROSSCHECK_EXTRACT_TIMEOUT, 10 s) by default. */
  extractor?: Extractor;
}

export function createApp(opts: AppOptions) {
  const app = express();
  const store = versioned(opts.store);
  const security = csrf(opts.secret ?? randomBytes(32));
  const ctx: Ctx = {
    store,
    index: indexCache(() => store.read(), () => store.version()),
    verify: security.verify,
    csrf: security,
    form: express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }),
    articlesDir: opts.articlesDir,
    extract: (a) => (opts.extractor ?? sharedExtractor()).extract(a),
  };
  app.locals.store = store;
  app.locals.h = helpers;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Templates are compiled once (a queue page includes its card template twenty times); only
  // NODE_ENV=development re-reads them on every request, for editing them with the server running.
  useEjs(app, join(root, 'views'), process.env.NODE_ENV !== 'development');

  const mode: AuthMode = opts.auth ?? (usersOf(store.read()).length ? 'accounts' : 'single');
  app.use(serverTiming);
  // The reader's language, for everything after this, the Host check's refusal included.
  app.use((req, res, next) => {
    const i = i18nFor(negotiate(cookiesOf(req)[LANG_COOKIE], req.get('accept-language')));
    Object.assign(res.locals, { i18n: i, lang: i.lang, t: i.t, n: i.n, th: i.html, h: helpersFor(i), path: req.path, url: req.originalUrl, langBack: pageOf(req), flash: [], openCount: 0 });
    res.vary('Accept-Language');
    next();
  });
  app.use(hostGuard(opts.hosts ?? allowedHosts([])));
  app.use((_req, res, next) => {
    // Article text is untrusted: no inline script can run even if something slipped through.
    res.set({
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    next();
  });
  app.use('/static', express.static(join(root, 'public'), { index: false, fallthrough: false }));
  app.use(security.issue);
  app.use(authenticate(ctx, mode));
  loginRoutes(app, ctx, mode, opts.loginLimits);
  langRoutes(app, ctx);
  app.use((req, res, next) => {
    res.locals.flash = req.method === 'GET' ? takeFlash(res.locals.sid, i18nOf(res)) : [];
    const ix = ctx.index();
    res.locals.viewer = res.locals.user;
    res.locals.authMode = mode;
    res.locals.undoable = lastUndoable(ix.db, whoOf(res));
    res.locals.openCount = openCountOf(ix);
    next();
  });

  overviewRoutes(app, ctx);
  queueRoutes(app, ctx);
  factsRoutes(app, ctx);
  articleRoutes(app, ctx);
  annotateRoutes(app, ctx);
  addRoutes(app, ctx);
  exportRoutes(app, ctx);
  orphanRoutes(app, ctx);
  historyRoutes(app, ctx);
  bulkRoutes(app, ctx);

  app.use(notFound);
  app.use(errorPage);
  return app;
}

/** Server-Timing header, so the bench and the browser's dev tools see the server's own time. */
const serverTiming: express.RequestHandler = (_req, res, next) => {
  const t0 = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader('Server-Timing', `app;dur=${(performance.now() - t0).toFixed(1)}`);
    return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
  } as typeof res.writeHead;
  next();
};

/**
 * The page the language switch returns to: this one for a GET; after a form was posted (an error
 * page, a refused sign-in), the page the form was on, since the POST's address is no page.
 */
function pageOf(req: express.Request): string {
  if (req.method === 'GET' || req.method === 'HEAD') return req.originalUrl;
  try {
    const from = new URL(req.get('referer') ?? '');
    if (from.host === req.get('host')) return from.pathname + from.search;
  } catch {}
  return req.path === '/login' ? '/login' : '/';
}
