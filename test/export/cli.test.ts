// `crosscheck export`: output to a file or stdout, exit codes, and clear usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { runExport } from '../../server/export/cli.js';
import { renderExport } from '../../server/export/index.js';
import { emptyDb, memoryStore } from '../../server/store/index.js';
import { fixtureDb } from './fixtures.js';

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (d) => (text.out += d));
  err.on('data', (d) => (text.err += d));
  return { streams: { stdout: out, stderr: err }, text };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-export-'));

test('writes the export to stdout when there is no --out', async () => {
  const db = fixtureDb();
  const { streams, text } = io();
  assert.equal(await runExport(memoryStore(db), { format: 'csv' }, streams), 0);
  assert.equal(text.out, renderExport(db, 'csv').body);
  assert.equal(text.err, '');
});

test('writes to --out FILE, says where on stderr, and honours --status', async () => {
  const file = join(tmp(), 'confirmed.csv');
  const { streams, text } = io();
  assert.equal(await runExport(memoryStore(fixtureDb()), { format: 'csv', status: 'confirmed', out: file }, streams), 0);
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.status === 'confirmed'));
  assert.equal(text.out, '');
  assert.match(text.err, /wrote csv to .*confirmed\.csv/);
});

test('an unknown or missing format, or an unknown status, is a usage error (exit 2) naming the choices', async () => {
  const store = memoryStore(fixtureDb());
  for (const [opts, message] of [
    [{ format: 'pdf' }, /unknown format "pdf": choose csv, md, html, json, annotations, claimreview/],
    [{}, /--format is required: csv, md, html, json, annotations, claimreview/],
    [{ format: 'md', status: 'closed' }, /unknown status "closed": choose open, confirmed, dismissed, reviewed, all/],
  ] as const) {
    const { streams, text } = io();
    assert.equal(await runExport(store, opts, streams), 2);
    assert.match(text.err, message);
    assert.equal(text.out, '');
  }
});

test('a file that cannot be written exits 1 with the path; an empty store warns but exports', async () => {
  const bad = join(tmp(), 'no', 'such', 'dir', 'r.md');
  let { streams, text } = io();
  assert.equal(await runExport(memoryStore(fixtureDb()), { format: 'md', out: bad }, streams), 1);
  assert.match(text.err, /cannot write .*r\.md: ENOENT/);
  ({ streams, text } = io());
  assert.equal(await runExport(memoryStore(emptyDb()), { format: 'json' }, streams), 0);
  assert.match(text.err, /holds no articles; run ingest first/);
  assert.deepEqual(JSON.parse(text.out).findings, []);
});

test('end to end through the crosscheck command line with a claims.json', async () => {
  const dir = tmp();
  const dbFile = join(dir, 'claims.json');
  writeFileSync(dbFile, JSON.stringify(fixtureDb()));
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'export', '--db', dbFile, ...args], { cwd: root });
  const { stdout } = await run('--format', 'claimreview', '--status', 'confirmed');
  assert.equal(JSON.parse(stdout)['@graph'].length, 1);
  await assert.rejects(run('--format', 'xml'), (e: { code: number; stderr: string }) => e.code === 2 && /unknown format "xml"/.test(e.stderr));
});
