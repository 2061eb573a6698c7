// The command line: ingest, check, report, export, serve. Thin: parses arguments, calls the
// pipeline, prints. Errors name the file and exit non-zero; the rest of a folder still goes through.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { readingArticles } from '../ingest/index.js';
import { statSync } from 'node:fs';
import { memoryStore, openStore, storeTarget, type Store } from '../store/index.js';
import { buildReport, ingestArticles, recheck } from '../check/index.js';
import { writeJson } from '../store/json-stream.js';
import type { Story } from '../types.js';
import { extractionPool } from '../extract/pool.js';
import { progressPrinter } from './progress.js';

const HELP = `crosscheck: numeric claims from news articles, aligned and compared across sources

usage: npm run -s crosscheck -- <command> [options]

  ingest <paths…> [--db FILE]              read .txt/.md files or folders (recursive), extract claims, re-check
  check [--db FILE]                        re-align and re-compare everything in the store
  report --articles DIR [--db FILE] --format json
                                           ingest DIR, check, print the whole report to stdout
                                           (ingest and report read a library of 1 MB or more on every core;
                                           CROSSCHECK_WORKERS=N sets the number of threads)
  export --format csv|md|html|json|annotations|claimreview [--status open|confirmed|dismissed|reviewed|all] [--db FILE] [--out FILE]
         [--base-url URL]                  where the review app is published (ClaimReview url; or CROSSCHECK_BASE_URL)
  serve [--articles DIR] [--db FILE] [--port N] [--host H] [--no-auth]
                                           the review web app (npm start); sign-in is required once
                                           an account exists; --no-auth (one user) only on loopback;
                                           added articles are read in a worker thread, at most
                                           CROSSCHECK_EXTRACT_TIMEOUT seconds each (default 10)
  user add NAME --role reviewer|editor [--password P] [--db FILE]
                                           create an account (or set a new password); without
                                           --password the password is read from stdin
  user list [--db FILE]                    the accounts

  migrate --from FILE|URL --to URL|FILE    copy a whole store (claims.json → PostgreSQL, or back) into an
                                           empty one, then check the copy entry by entry

--db is a claims.json path or a postgres:// URL; it defaults to DATABASE_URL if set, else
claims.json in the current folder. With npm, use \`npm run -s crosscheck -- …\`
so that npm's own banner does not end up in redirected output.`;

async function main(argv: string[]): Promise<number> {
  // Options may come before the command (`crosscheck --help`): parse everything, then take the command.
  const { values, positionals: all } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      articles: { type: 'string' },
      format: { type: 'string' },
      status: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-auth': { type: 'boolean' },
      role: { type: 'string' },
      password: { type: 'string' },
      'base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const [command, ...positionals] = all;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (!command) {
    console.error(HELP);
    return 2;
  }
  const dbFile = storeTarget(values.db);
  switch (command) {
    case 'ingest': {
      if (!positionals.length) throw new UsageError('ingest needs at least one file or folder');
      const store = await openStore(dbFile);
      return closing(store, ingestCommand(store, positionals, false).then((r) => r.code));
    }
    case 'check': {
      const store = await openStore(dbFile);
      await closing(store, recheck(store));
      const f = store.read().findings;
      console.log(`${f.length} findings: ${count(f, 'discrepancy')} discrepancies, ${count(f, 'rounding')} rounding, ${count(f, 'consistent')} consistent`);
      return 0;
    }
    case 'report': {
      if (values.format && values.format !== 'json') throw new UsageError(`report prints json; for other formats use export --format ${values.format}`);
      const store = values.db ? await openStore(dbFile) : memoryStore();
      let ingested: { code: number; stories?: Story[] } = { code: 0 };
      if (values.articles) ingested = await ingestCommand(store, [values.articles], true);
      else if (!values.db) throw new UsageError('report needs --articles DIR or --db FILE');
      // In pieces: a report of a big library is larger than one string can be. The stories of the
      // check the ingest just ran are those of the store now: not grouped a second time.
      await writeJson(process.stdout, { ...buildReport(store.read(), ingested.stories) });
      return ingested.code;
    }
    case 'export': {
      const { runExport } = await import('../export/cli.js');
      const store = await openStore(dbFile);
      return closing(store, runExport(store, { format: values.format, status: values.status, out: values.out, baseUrl: values['base-url'] }));
    }
    case 'serve': {
      const { startServer } = await import('../web/server.js');
      await startServer({ articlesDir: resolve(values.articles ?? 'articles'), dbFile, port: Number(values.port ?? process.env.PORT ?? 3000), host: values.host, noAuth: values['no-auth'] });
      return -1; // keep running
    }
    case 'migrate': {
      if (!values.from || !values.to) throw new UsageError('migrate needs --from FILE|URL and --to URL|FILE');
      const { migrateCommand } = await import('./migrate.js');
      return migrateCommand(storeTarget(values.from), storeTarget(values.to));
    }
    case 'user': {
      const { userCommand, UserCommandError } = await import('./user.js');
      const store = await openStore(dbFile);
      try {
        return await closing(store, userCommand(store, positionals, { role: values.role, password: values.password }));
      } catch (e) {
        if (e instanceof UserCommandError) throw new UsageError(e.message);
        throw e;
      }
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

const PARALLEL_FROM_BYTES = 1 << 20;

/** The size of the files found, from their directory entries (nothing read). */
function bytesOf(files: Array<{ abs: string }>): number {
  let n = 0;
  for (const f of files)
    try {
      n += statSync(f.abs).size;
    } catch {
      // Gone or unreadable: reading it says so.
    }
  return n;
}

/** Waits for the command, then lets go of the store's connections, so the process can end. */
async function closing<T>(store: Store, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    await store.close?.();
  }
}
const count = (f: { verdict: string }[], v: string) => f.filter((x) => x.verdict === v).length;

/**
 * Ingests paths into the store. Messages go to stderr so that piped stdout stays clean. Returns
 * the exit code and the stories of the check it ran, if it ran one.
 */
async function ingestCommand(store: Store, paths: string[], quiet: boolean): Promise<{ code: number; stories?: Story[] }> {
  const started = performance.now();
  const progress = progressPrinter(process.stderr);
  // From a megabyte on, worker threads read the articles on every core (each article within the
  // time limit, CROSSCHECK_EXTRACT_TIMEOUT); below it, starting them costs more than they save.
  // CROSSCHECK_WORKERS=N says how many, whatever the size. Files are read one at a time as the
  // workers take them, so that reading and extracting overlap.
  const reading = readingArticles(paths);
  const asked = Math.floor(Number(process.env.CROSSCHECK_WORKERS));
  const workers = asked >= 1 ? asked : bytesOf(reading.files) >= PARALLEL_FROM_BYTES ? availableParallelism() : 1;
  const pool = workers > 1 ? extractionPool({ workers }) : undefined;
  pool?.warm();
  const outcome = reading.outcome;
  let summary;
  try {
    summary = await ingestArticles(
      store,
      reading.articles,
      (done, total, chars, claims) => progress.update('reading', done, total, chars, started, claims),
      pool ? (a) => pool.extract(a) : undefined,
      workers * 2,
      reading.files.length,
    );
  } finally {
    await pool?.close();
  }
  progress.done();
  for (const s of outcome.skipped) console.error(`skipped ${s.path}: ${s.reason}`);
  for (const w of outcome.warnings) console.error(`warning ${w.path}: ${w.reason}`);
  for (const n of outcome.notes) console.error(`note ${n.path}: ${n.reason}`);
  for (const e of outcome.errors) console.error(`error ${e.path}: ${e.reason}`);
  for (const r of summary.refused ?? []) console.error(`error ${r.path}: not added: ${r.reason}`);
  const secs = (performance.now() - started) / 1000;
  if (!quiet || process.stderr.isTTY)
    console.error(
      `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged; ${summary.claims} claims extracted; ` +
        `${store.read().findings.length} findings (${(outcome.bytes / 1048576 / Math.max(secs, 1e-3)).toFixed(1)} MB/s) → ${store.location}`,
    );
  return { code: outcome.errors.length || summary.refused?.length ? 1 : 0, stories: summary.stories };
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`crosscheck: ${err.message}\n\n${HELP}`);
      process.exitCode = 2;
    } else {
      console.error(`crosscheck: ${err.message}`);
      process.exitCode = 1;
    }
  },
);
