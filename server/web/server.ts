// `crosscheck serve`: open claims.json, ingest the library folder, serve the review app,
// and keep watching the folder for new or changed files.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ingestArticles, removeArticles } from '../check/index.js';
import { articleIdFor, readArticles } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { createApp } from './app.js';
import { versioned, type VersionedStore } from './versioned.js';
import { watchFolder } from './watch.js';
import { resolve } from 'node:path';
import { allowedHosts, authModeFor } from '../auth/mode.js';
import { usersOf } from '../auth/users.js';
import { sharedExtractor } from '../extract/pool.js';

export interface ServerOptions {
  articlesDir: string;
  dbFile: string;
  port: number;
  /** Defaults to HOST or 127.0.0.1: on the network only when asked, and then only with accounts. */
  host?: string;
  quiet?: boolean;
  /** Single-user mode without sign-in; refused unless the host is loopback. */
  noAuth?: boolean;
}

export interface RunningServer {
  url: string;
  store: VersionedStore;
  close(): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const log = o.quiet ? () => {} : (m: string) => console.error(m);
  const store = versioned(await openStore(o.dbFile));
  const host = o.host ?? process.env.HOST ?? '127.0.0.1';
  // Decided before anything is served: no accounts on a network address is refused outright.
  const auth = authModeFor({ users: usersOf(store.read()).length, host, noAuth: o.noAuth });
  mkdirSync(o.articlesDir, { recursive: true });
  // Files dropped into the library while the server runs are read in the worker, with the same
  // time limit as uploads. The library is read at start in this thread: nobody waits on it yet,
  // and a worker's round trip would add milliseconds per article.
  const extractor = sharedExtractor();
  extractor.warm();
  let serving = false;
  // What each file looked like when last read: a run re-reads only files that changed (and any
  // whose article is no longer in the store), not the whole library, so adding one file to ten
  // thousand costs one read.
  const stamps = new Map<string, string>();
  const ingest = async () => {
    const stored = new Set(store.read().articles.map((a) => a.id));
    const out = readArticles([o.articlesDir], { known: (f) => stamps.get(f.abs) === f.stamp && stored.has(f.id), onRead: (abs, stamp) => stamps.set(abs, stamp) });
    for (const e of out.errors) log(`error ${e.path}: ${e.reason}`);
    for (const n of out.notes) log(`note ${n.path}: ${n.reason}`);
    const s = await ingestArticles(store, out.articles, undefined, serving ? (a) => extractor.extract(a) : undefined);
    for (const r of s.refused ?? []) log(`error ${r.path}: not added: ${r.reason}`);
    if (s.added || s.changed) log(`${o.articlesDir}: ${s.added} added, ${s.changed} changed; ${store.read().findings.length} findings`);
    // Files deleted from the library: drop their articles (a file that failed to read is not gone).
    const seen = new Set([...out.articles.map((a) => a.id), ...out.unchanged, ...out.errors.map((e) => articleIdFor(e.path))]);
    const root = resolve(o.articlesDir);
    const gone = store.read().articles.filter((a) => a.source === 'file' && a.library === root && !seen.has(a.id)).map((a) => a.id);
    const removed = await removeArticles(store, gone);
    if (removed) log(`${o.articlesDir}: ${removed} removed (file deleted)`);
  };
  await ingest();
  serving = true;
  const app = createApp({ store, articlesDir: o.articlesDir, extractor, auth: auth.mode, hosts: allowedHosts([host, ...(process.env.CROSSCHECK_HOSTS ?? '').split(',').map((h) => h.trim())]) });
  const plain = (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? new Error(`port ${o.port} is already in use; choose another with --port or PORT`) : e);
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(o.port, host, (err?: Error) => (err ? reject(plain(err)) : resolve(s)));
    s.once('error', (e: NodeJS.ErrnoException) => reject(plain(e)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
  const watcher = watchFolder(o.articlesDir, ingest);
  if (!o.quiet) console.log(`Crosscheck review app: ${url}  (library ${o.articlesDir}, data ${store.location})\n  ${auth.message}`);
  return {
    url,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        watcher.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
