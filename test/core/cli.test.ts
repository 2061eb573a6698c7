// The command line, run as a user runs it. Bad input gives a clear message naming the file and
// a non-zero exit, and the rest still goes through; the JSON report has the fields the scorer
// reads; piped stdout holds only the report. The processes start together to keep this fast.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../server/types.js';
import { readArticles } from '../../server/ingest/index.js';
import { openJsonStore } from '../../server/store/index.js';
import { ingestArticles } from '../../server/check/index.js';
import { ROOT } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// A few at a time: each process starts tsx, and more would only fight over the cores.
let running = 0;
const waiting: Array<() => void> = [];
async function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  if (running >= 3) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await spawnCli(args, extraEnv);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnCli(args: string[], extraEnv: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...extraEnv };
    delete env.NODE_TEST_CONTEXT; // the child is a program, not a test
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/main.ts'), ...args], { cwd: ROOT, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
let lib: string;
const runs: Record<string, Promise<Run>> = {};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  lib = join(dir, 'lib');
  mkdirSync(join(lib, 'sub'), { recursive: true });
  cpSync(join(ROOT, 'articles/000_002cd4d0ee89d5a5.txt'), join(lib, 'sub/000.txt'));
  cpSync(join(ROOT, 'articles/003_25a1a5ad593a7a4c.txt'), join(lib, '003.txt'));
  writeFileSync(join(lib, 'README.md'), '# My library\n');
  writeFileSync(join(lib, 'empty.txt'), '');
  writeFileSync(join(lib, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  // Latin-1, not UTF-8, and no Chinese in any encoding: refused.
  writeFileSync(join(lib, 'latin1.txt'), Buffer.from('Caf\xe9 au lait: 5 %', 'latin1'));
  // A library saved in GBK (营业收入同比下滑0.37%): read, and the encoding said.
  const gbkLib = join(dir, 'gbk');
  mkdirSync(gbkLib);
  writeFileSync(join(gbkLib, 'gbk.txt'), Buffer.concat([Buffer.from([0xd3, 0xaa, 0xd2, 0xb5, 0xca, 0xd5, 0xc8, 0xeb, 0xcd, 0xac, 0xb1, 0xc8, 0xcf, 0xc2, 0xbb, 0xac]), Buffer.from('0.37%\n')]));
  runs.gbk = cli(['ingest', gbkLib, '--db', join(dir, 'gbk.json')]);
  const corrupt = join(dir, 'corrupt.json');
  writeFileSync(corrupt, '{"version":1,"articles":[');

  runs.report = cli(['report', '--articles', lib, '--format', 'json']);
  runs.threads = cli(['report', '--articles', lib, '--format', 'json'], { CROSSCHECK_WORKERS: '2' });
  runs.missing = cli(['report', '--articles', join(dir, 'no-such-folder'), '--format', 'json']);
  runs.ingest = cli(['ingest', lib, join(dir, 'missing.txt'), '--db', join(dir, 'db.json')]);
  runs.check = (async () => {
    // A store built in process, so that check need not wait for the ingest above.
    const store = await openJsonStore(join(dir, 'checked.json'));
    await ingestArticles(store, readArticles([lib]).articles);
    return cli(['check', '--db', join(dir, 'checked.json')]);
  })();
  runs.corrupt = cli(['check', '--db', corrupt]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('report --format json', () => {
  test('prints only the report on stdout; bad files are named on stderr, exit 1, the rest goes through', async () => {
    const r = await runs.report!;
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stdout.trimStart().startsWith('{'));
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.articles.map((a) => a.path).sort(), ['003.txt', 'sub/000.txt'], 'paths relative to the folder, with /');
    assert.match(r.stderr, /skipped README\.md: .*README/);
    assert.match(r.stderr, /error empty\.txt: .*empty/);
    assert.match(r.stderr, /error image\.md: .*binary/);
    assert.match(r.stderr, /error latin1\.txt: .*not valid UTF-8, and it does not read as GB18030\/GBK or Big5/);
    assert.doesNotMatch(r.stderr, /MB\/s|\r/, 'no progress when stderr is not a terminal');
  });

  test('has the fields the scorer reads', async () => {
    const report = JSON.parse((await runs.report!).stdout) as Report;
    assert.equal(typeof report.generatedAt, 'string');
    for (const a of report.articles) {
      assert.equal(typeof a.id, 'string');
      assert.ok(!('text' in a), 'the report does not repeat article text');
      assert.ok(a.chars > 0);
    }
    assert.ok(report.claims.length > 20);
    const fields = ['id', 'articleId', 'quote', 'value', 'unit', 'precision', 'qualifier', 'measure', 'subject', 'metric', 'period', 'sentence', 'start', 'end'];
    for (const c of report.claims) {
      for (const k of fields) assert.ok(k in c, `claim ${c.id} lacks ${k}`);
      assert.equal(typeof c.value, 'number');
      assert.ok(Number.isFinite(c.value));
    }
    assert.ok(report.findings.length > 0);
    assert.equal(report.findings.filter((f) => f.verdict === 'discrepancy').length, 1);
    const claimIds = new Set(report.claims.map((c) => c.id));
    for (const f of report.findings) {
      for (const k of ['id', 'verdict', 'key', 'fact', 'claimIds', 'severity', 'explanation']) assert.ok(k in f, `finding ${f.id} lacks ${k}`);
      assert.ok(['consistent', 'rounding', 'discrepancy'].includes(f.verdict));
      assert.ok(f.claimIds.length >= 2);
      for (const id of f.claimIds) assert.ok(claimIds.has(id), `finding ${f.id} names unknown claim ${id}`);
    }
  });

  test('quotes, sentences and offsets point into the article files', async () => {
    const report = JSON.parse((await runs.report!).stdout) as Report;
    const texts = new Map(report.articles.map((a) => [a.id, readFileSync(join(lib, a.path), 'utf8')]));
    for (const c of report.claims) {
      const text = texts.get(c.articleId)!;
      assert.equal(text.slice(c.start, c.end), c.quote, c.id);
      assert.equal(text.slice(c.sentenceStart, c.sentenceStart + c.sentence.length), c.sentence, c.id);
    }
  });

  test('read by two worker threads, the library gives the same report, bad files and exit code included', async () => {
    const [one, two] = [await runs.report!, await runs.threads!];
    assert.equal(two.code, one.code);
    assert.equal(two.stderr, one.stderr);
    const strip = (stdout: string) => {
      const r = JSON.parse(stdout) as Report;
      return { ...r, generatedAt: '', articles: r.articles.map((a) => ({ ...a, ingestedAt: '' })) };
    };
    assert.ok(strip(one.stdout).claims.length > 20);
    assert.deepEqual(strip(two.stdout), strip(one.stdout));
  });

  test('a missing folder: a clear message naming it, a non-zero exit, and still a (empty) report', async () => {
    const r = await runs.missing!;
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /no-such-folder: no such file or folder/);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.articles, []);
  });
});

describe('ingest', () => {
  test('bad files and a missing path are named, exit non-zero, and the rest is still ingested', async () => {
    const r = await runs.ingest!;
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error empty\.txt: .*empty/);
    assert.match(r.stderr, /missing\.txt: no such file or folder/);
    assert.match(r.stderr, /2 added/);
    const db = JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8'));
    assert.deepEqual(db.articles.map((a: { path: string }) => a.path).sort(), ['003.txt', 'sub/000.txt']);
    assert.ok(db.claims.length > 20);
    assert.ok(db.findings.length > 0);
  });

  test('a file in GBK is read, and the output says in which encoding', async () => {
    const r = await runs.gbk!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /note gbk\.txt: read as GB18030\/GBK, not UTF-8/);
    const db = JSON.parse(readFileSync(join(dir, 'gbk.json'), 'utf8'));
    assert.equal(db.articles[0].text, '营业收入同比下滑0.37%\n');
    assert.deepEqual(db.claims.map((c: { quote: string; value: number }) => [c.quote, c.value]), [['0.37%', -0.37]]);
  });

  test('check re-compares the store and prints a summary', async () => {
    const r = await runs.check!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\d+ findings: 1 discrepancies, \d+ rounding, \d+ consistent/);
  });
});

describe('errors', () => {
  test('a corrupt database: a clear message naming it, exit 1, the file untouched', async () => {
    const r = await runs.corrupt!;
    assert.equal(r.code, 1);
    assert.match(r.stderr, /corrupt\.json/);
    assert.match(r.stderr, /left untouched/);
    assert.equal(readFileSync(join(dir, 'corrupt.json'), 'utf8'), '{"version":1,"articles":[');
  });
});
