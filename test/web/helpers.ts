// Test helpers: a temp copy of the seed library, a temp claims.json, the app on an
// ephemeral port, and a tiny HTTP client that keeps cookies and reads CSRF tokens.
import { after, before } from 'node:test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Claim, Db, Measure } from '../../server/types.js';
import { ingestArticles, recheck } from '../../server/check/index.js';
import { readArticles, articleIdFor } from '../../server/ingest/index.js';
import { openJsonStore, type Store } from '../../server/store/index.js';
import { createApp, type AppOptions } from '../../server/web/app.js';
import { sentenceAround } from '../../server/web/model/manual-claim.js';
import { makeUser, putUser } from '../../server/auth/users.js';
import type { AuthMode } from '../../server/auth/mode.js';
import type { Role } from '../../server/types.js';
import type { Extractor } from '../../server/extract/pool.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_A = '000_002cd4d0ee89d5a5.txt'; // 新火种: revenue fell 0.27%
export const SEED_B = '003_25a1a5ad593a7a4c.txt'; // 连线Insight: revenue fell 0.37%
export const idA = articleIdFor(SEED_A);
export const idB = articleIdFor(SEED_B);

export function tempDir(prefix = 'crosscheck-web-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temp copy of the seed articles folder. */
export function tempLibrary(): string {
  const dir = join(tempDir(), 'articles');
  cpSync(join(ROOT, 'articles'), dir, { recursive: true });
  return dir;
}

type Spec = [articleId: string, context: string, quote: string, value: number, unit: string, precision: number, metric: string, period: string, measure: Measure];

/**
 * Claims as the extractor should read the iFlytek figures in the two seed articles, placed at
 * their real offsets. UI tests use them so they test the web app, not the extractor.
 */
export function fixtureClaims(db: Db): Claim[] {
  const specs: Spec[] = [
    [idA, '同比略微下滑0.27%', '0.27%', -0.27, '%', 0.01, 'revenue', '2023-Q1..Q3', 'yoy'],
    [idA, '实现营业收入126亿元', '126亿元', 12.6e9, 'CNY', 1e8, 'revenue', '2023-Q1..Q3', 'level'],
    [idA, '净利润9936万元', '9936万元', 99.36e6, 'CNY', 1e4, 'net_profit', '2023-Q1..Q3', 'level'],
    [idA, '9936万元,同比下滑76%', '76%', -76, '%', 1, 'net_profit', '2023-Q1..Q3', 'yoy'],
    [idA, '净利润仅为2579万元', '2579万元', 25.79e6, 'CNY', 1e4, 'net_profit', '2023-Q3', 'level'],
    [idA, '同比下滑82%', '82%', -82, '%', 1, 'net_profit', '2023-Q3', 'yoy'],
    [idB, '同比略微下滑0.37%', '0.37%', -0.37, '%', 0.01, 'revenue', '2023-Q1..Q3', 'yoy'],
    [idB, '营业收入126.14亿元', '126.14亿元', 12.614e9, 'CNY', 1e6, 'revenue', '2023-Q1..Q3', 'level'],
    [idB, '净利润9936.21万元', '9936.21万元', 99.3621e6, 'CNY', 100, 'net_profit', '2023-Q1..Q3', 'level'],
    [idB, '9936.21万元，同比下滑76%', '76%', -76, '%', 1, 'net_profit', '2023-Q1..Q3', 'yoy'],
    [idB, '归母净利润为2579.01万元', '2579.01万元', 25.7901e6, 'CNY', 100, 'net_profit', '2023-Q3', 'level'],
    [idB, '同比下滑81.86%', '81.86%', -81.86, '%', 0.01, 'net_profit', '2023-Q3', 'yoy'],
    [idB, '营业收入47.72亿元', '47.72亿元', 4.772e9, 'CNY', 1e6, 'revenue', '2023-Q3', 'level'],
  ];
  return specs.map(([articleId, context, quote, value, unit, precision, metric, period, measure], i) => {
    const text = db.articles.find((a) => a.id === articleId)!.text;
    const at = text.indexOf(context);
    if (at < 0) throw new Error(`fixture: "${context}" not in ${articleId}`);
    const start = at + context.indexOf(quote);
    const end = start + quote.length;
    return { id: `x${i}`, articleId, quote, start, end, ...sentenceAround(text, start, end), value, unit, precision, qualifier: 'exact', measure, subject: 'iflytek', metric, period, aspects: [], why: { metric: 'test fixture' }, origin: 'extracted' };
  });
}

export interface TestApp {
  url: string;
  store: Store;
  dbFile: string;
  articlesDir: string;
  close(): Promise<void>;
}

/**
 * The app on the seed library. fixture: replace extracted claims with fixtureClaims, so the
 * test does not depend on the extractor; otherwise the real pipeline's claims are used.
 */
export const PASSWORD = 'correct horse battery';

export async function startApp(opts: { fixture?: boolean; wrap?: (s: Store) => Store; users?: Array<[string, Role]>; auth?: AuthMode; loginLimits?: AppOptions['loginLimits']; extractor?: Extractor } = {}): Promise<TestApp> {
  const articlesDir = tempLibrary();
  const dbFile = join(dirname(articlesDir), 'claims.json');
  const real = await openJsonStore(dbFile);
  await ingestArticles(real, readArticles([articlesDir]).articles);
  if (opts.fixture) {
    await real.update((db) => void (db.claims = fixtureClaims(db)));
    await recheck(real);
  }
  for (const [name, role] of opts.users ?? []) {
    const u = await makeUser(name, role, PASSWORD);
    await real.update((db) => void putUser(db, u));
  }
  const store = opts.wrap ? opts.wrap(real) : real;
  const app = createApp({ store, articlesDir, auth: opts.auth, loginLimits: opts.loginLimits, extractor: opts.extractor });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dbFile,
    articlesDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dirname(articlesDir), { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/** The app and a client for it, started before the tests of the enclosing suite (or file) and closed after them. */
export function appForTests(opts: Parameters<typeof startApp>[0] = { fixture: true }): { readonly app: TestApp; readonly c: Client } {
  const s = {} as { app: TestApp; c: Client };
  before(async () => {
    s.app = await startApp(opts);
    s.c = new Client(s.app.url);
  });
  after(() => s.app.close());
  return s;
}

export interface Res {
  status: number;
  text: string;
  headers: Headers;
}

/** fetch with a cookie jar; POSTs do not follow redirects so tests can check them. */
export class Client {
  private jar = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(r: Response) {
    for (const c of r.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const [k, v] = [pair!.slice(0, i).trim(), pair!.slice(i + 1).trim()];
      if (!v || attrs.some((a) => /max-age=0\b/i.test(a.trim()))) this.jar.delete(k);
      else this.jar.set(k, v);
    }
  }

  /** Signs in through the login form. */
  async signIn(name: string, password = PASSWORD): Promise<Res> {
    return this.post('/login', { name, password, _csrf: await this.token('/login') });
  }

  async get(path: string): Promise<Res> {
    const r = await fetch(this.base + path, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
    this.keep(r);
    return { status: r.status, text: await r.text(), headers: r.headers };
  }

  /** The CSRF token printed in a page's forms. */
  async token(path = '/'): Promise<string> {
    const page = await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`no CSRF token on ${path}`);
    return m[1]!;
  }

  async post(path: string, fields: Record<string, string> | FormData, headers: Record<string, string> = {}): Promise<Res> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const r = await fetch(this.base + path, { method: 'POST', body, headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers }, redirect: 'manual' });
    this.keep(r);
    return { status: r.status, text: await r.text(), headers: r.headers };
  }
}
