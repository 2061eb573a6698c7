// Bad input on the web: an article too slow to read is refused while other requests are
// served, an article whose figures would not fit the store is refused, a malformed upload is
// a 400 with a reason, and an upload's security token is checked before its body is read.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { extractionPool, type Extractor } from '../../server/extract/pool.js';
import { adversarialText } from '../../bench/adversarial.js';
import { Client, startApp, type TestApp } from './helpers.js';

/** Sends raw bytes, and resolves with what the server answered first and when (ms after the last write). */
function raw(url: string, head: string, body: string, opts: { endBody?: boolean } = {}): Promise<{ status: number; ms: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let sent = 0;
    let got = '';
    socket.on('connect', () => {
      socket.write(head + body);
      sent = performance.now();
      if (opts.endBody) socket.end();
    });
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m && /\r\n\r\n/.test(got)) {
        socket.destroy();
        resolve({ status: Number(m[1]), ms: performance.now() - sent, text: got });
      }
    });
    socket.on('error', reject);
    socket.setTimeout(8000, () => {
      socket.destroy();
      reject(new Error('no answer within 8 s'));
    });
  });
}

describe('extraction in a worker, with a time limit', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  let extractor: Extractor;
  before(async () => {
    extractor = extractionPool({ timeoutMs: 1000, workers: 1 });
    app = await startApp({ fixture: true, extractor });
    c = new Client(app.url);
    token = await c.token('/add');
    // A first article starts the worker, so that its start-up is not part of what is timed below.
    const warm = await c.post('/add/paste', { _csrf: token, title: 'warm', text: '科大讯飞前三季度营业收入126亿元。' });
    assert.equal(warm.status, 303);
  });
  after(async () => {
    await app.close();
    await extractor.close();
  });

  test('a paste that takes longer than the limit is refused with the reason, nothing is stored, and other pages are served meanwhile', async () => {
    const articles = app.store.read().articles.length;
    const claims = app.store.read().claims.length;
    // About 1.5 MB of comma-separated figures: seconds of work, far over 1 s.
    const text = adversarialText('en comma-only run', 1_500_000);
    let pasteDone = 0;
    const paste = c.post('/add/paste', { _csrf: token, title: 'Run-on', text }).then((r) => ((pasteDone = performance.now()), r));
    await new Promise((r) => setTimeout(r, 150));
    const t0 = performance.now();
    const page = await c.get('/queue');
    const pageDone = performance.now();
    assert.equal(page.status, 200);
    const r = await paste;
    assert.ok(pageDone < pasteDone, 'the queue was served while the paste was being read');
    assert.ok(pageDone - t0 < 2000, `the queue took ${(pageDone - t0).toFixed(0)} ms`);
    assert.equal(r.status, 422);
    assert.match(r.text, /No article was added\. The text: reading its figures took longer than the 1 s limit for one article/);
    assert.match(r.text, /Split the text into smaller articles/);
    assert.match(r.text, /href="\/add">← Back to Add articles/);
    assert.equal(app.store.read().articles.length, articles, 'no article stored');
    assert.equal(app.store.read().claims.length, claims, 'no claim stored');
    // The worker was replaced: the next article is read as usual.
    const next = await c.post('/add/paste', { _csrf: token, title: 'after', text: '科大讯飞前三季度营业收入126.1亿元。' });
    assert.equal(next.status, 303);
  });

  test('claims read in the worker are those read in this thread', async () => {
    const r = await c.post('/add/paste', { _csrf: token, title: '讯飞', text: '科大讯飞前三季度营业收入126.14亿元，同比下滑0.37%；净利润9936.21万元，同比下滑76.36%。' });
    assert.equal(r.status, 303);
    const id = r.headers.get('location')!.split('/').pop()!;
    const { extractClaims } = await import('../../server/extract/index.js');
    const article = app.store.read().articles.find((a) => a.id === id)!;
    assert.deepEqual(app.store.read().claims.filter((x) => x.articleId === id), extractClaims(article));
  });
});

describe('what the store could not hold', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
    token = await c.token('/add');
  });
  after(() => app.close());

  test('a run-on sentence of thousands of figures is refused, since every figure would store the whole sentence', async () => {
    const before = app.store.read().articles.length;
    const r = await c.post('/add/paste', { _csrf: token, title: '各业务', text: adversarialText('zh 分别 run', 16 * 1024) });
    assert.equal(r.status, 422);
    assert.match(r.text, /its 2,071 figures stand in sentences of [\d,]+ characters or less, and each figure is stored with its sentence/);
    assert.match(r.text, /Break the text into sentences/);
    assert.equal(app.store.read().articles.length, before);
  });
});

describe('uploads', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
    token = await c.token('/add');
  });
  after(() => app.close());

  const multipart = (boundary: string, body: string, query = `?_csrf=${encodeURIComponent(token)}`) =>
    fetch(`${app.url}/add/upload${query}`, { method: 'POST', body, headers: { cookie: c.cookie, 'content-type': `multipart/form-data${boundary}` }, redirect: 'manual' }).then(async (r) => ({ status: r.status, text: await r.text() }));

  test('a malformed multipart body is a 400 that says the upload could not be read, never a 500', async () => {
    const noBoundary = await multipart('', 'hello');
    assert.equal(noBoundary.status, 400);
    assert.match(noBoundary.text, /The upload could not be read \(.*\)\. Nothing was added/);
    const cut = await multipart('; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n营业收入126亿元');
    assert.equal(cut.status, 400);
    assert.match(cut.text, /The upload could not be read/);
    const header = await multipart('; boundary=XyZ', '--XyZ\r\nthis is no header\r\n\r\nbody\r\n--XyZ--\r\n');
    assert.ok(header.status === 400, `status ${header.status}`);
    assert.doesNotMatch(header.text, /Something went wrong on the server/);
  });

  test('the token may come in the address, outside the body: the upload form sends it so', async () => {
    const form = new FormData();
    form.append('files', new Blob(['---\ntitle: Via query\n---\n前三季度营业收入126.14亿元。\n']), 'q.md');
    const r = await fetch(`${app.url}/add/upload?_csrf=${encodeURIComponent(token)}`, { method: 'POST', body: form, headers: { cookie: c.cookie }, redirect: 'manual' });
    assert.equal(r.status, 303);
    const page = await c.get('/add');
    assert.match(page.text, /action="\/add\/upload\?_csrf=[^"]+"/);
  });

  test('a wrong token is refused before the body is read: the answer comes while the upload is still being sent', async () => {
    const before = app.store.read().articles.length;
    const { host } = new URL(app.url);
    const head =
      `POST /add/upload?_csrf=forged HTTP/1.1\r\nHost: ${host}\r\nCookie: ${c.cookie}\r\n` +
      `Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`;
    // 50 MB announced, a few bytes sent: a server that read the body first would still be waiting.
    const r = await raw(app.url, head, '--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n营业收入');
    assert.equal(r.status, 403);
    assert.ok(r.ms < 5000);
    assert.equal(app.store.read().articles.length, before);
  });

  test('without our cookie, an upload is refused before its body is read', async () => {
    const { host } = new URL(app.url);
    const head = `POST /add/upload HTTP/1.1\r\nHost: ${host}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`;
    const r = await raw(app.url, head, '--XyZ\r\n');
    assert.equal(r.status, 403);
  });

  test('a file saved in GBK is read, and the page says in which encoding', async () => {
    // "# 讯飞快讯\n\n营业收入同比下滑0.37%" in GBK.
    const gbk = Buffer.concat([Buffer.from('# '), Buffer.from([0xd1, 0xb6, 0xb7, 0xc9, 0xbf, 0xec, 0xd1, 0xb6]), Buffer.from('\n\n'), Buffer.from([0xd3, 0xaa, 0xd2, 0xb5, 0xca, 0xd5, 0xc8, 0xeb, 0xcd, 0xac, 0xb1, 0xc8, 0xcf, 0xc2, 0xbb, 0xac]), Buffer.from('0.37%\n')]);
    const form = new FormData();
    form.set('_csrf', token);
    form.append('files', new Blob([gbk]), 'gbk.txt');
    const r = await c.post('/add/upload', form);
    assert.equal(r.status, 303);
    const a = app.store.read().articles.find((x) => x.path === 'upload/gbk.txt')!;
    assert.equal(a.text, '# 讯飞快讯\n\n营业收入同比下滑0.37%\n');
    const page = await c.get(r.headers.get('location')!);
    assert.match(page.text, /gbk\.txt: read as GB18030\/GBK, not UTF-8/);
  });

  test('a wrong token in the form, before the files, stops the upload before any file is read', async () => {
    const before = app.store.read().articles.length;
    const form = new FormData();
    form.set('_csrf', 'forged');
    form.append('files', new Blob(['x'.repeat(2 * 1024 * 1024)]), 'big.txt');
    const r = await c.post('/add/upload', form);
    assert.equal(r.status, 403);
    assert.match(r.text, /missing or wrong security token/);
    assert.equal(app.store.read().articles.length, before);
  });
});
