// The review app over HTTP: pages, review actions, annotations, uploads, and the safety rails
// (CSRF, size limits, clear 4xx pages, no stack traces, no data lost on a failed write).
// Claims come from fixtureClaims, so these tests do not depend on the extractor.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../server/store/index.js';
import { ingestArticles, recheck } from '../../server/check/index.js';
import { readArticles } from '../../server/ingest/index.js';
import { Client, fixtureClaims, idA, idB, SEED_A, startApp, type TestApp } from './helpers.js';

const noStack = (html: string) => assert.doesNotMatch(html, /\n\s+at [\w.<>]+ \(|node:internal|\.ts:\d+:\d+/);
const discrepancyOf = (app: TestApp) => app.store.read().findings.find((f) => f.verdict === 'discrepancy')!;
const reviewOf = (app: TestApp, id: string) => app.store.read().reviews.find((r) => r.findingId === id);

describe('pages', () => {
  let app: TestApp;
  let c: Client;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
  });
  after(() => app.close());

  test('overview shows counts, the verdict chart, the top discrepancy and the publisher table', async () => {
    const r = await c.get('/');
    assert.equal(r.status, 200);
    assert.match(r.text, /<svg class="chart"/);
    assert.match(r.text, /Findings by verdict and severity/);
    assert.match(r.text, /Most severe open discrepancies/);
    assert.match(r.text, /0\.37%/);
    assert.match(r.text, /Which sources stand apart/);
    // Two-source discrepancy: both articles' publishers count as "in a discrepancy".
    const rows = [...r.text.matchAll(/<tr><td><a href="\/queue[^"]*">[^<]+<\/a><\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g)];
    assert.equal(rows.length, 2);
    for (const m of rows) assert.deepEqual(m.slice(1, 5), ['1', '1', '1', '0']);
  });

  test('queue lists flagged findings most severe first, with sources side by side', async () => {
    const r = await c.get('/queue');
    assert.equal(r.status, 200);
    const ids = [...r.text.matchAll(/data-finding="(f\w+)"/g)].map((m) => m[1]);
    assert.equal(ids.length, 5, 'one discrepancy and four roundings; the consistent fact is not in the queue');
    assert.equal(ids[0], discrepancyOf(app).id);
    const first = r.text.slice(r.text.indexOf('data-finding'), r.text.indexOf('data-finding', r.text.indexOf('data-finding') + 1));
    assert.match(first, /<mark>0\.37%<\/mark>/);
    assert.match(first, /<mark>0\.27%<\/mark>/);
    assert.match(first, /2023-10-26/);
    assert.match(first, /2023-10-28/);
    assert.match(first, /-0\.37%/);
    assert.match(first, /neither can round to the other/);
  });

  test('queue filters are GET params and bad values get a 400 page', async () => {
    assert.equal([...(await c.get('/queue?verdict=discrepancy')).text.matchAll(/data-finding=/g)].length, 1);
    assert.equal([...(await c.get('/queue?verdict=all&status=all')).text.matchAll(/data-finding=/g)].length, 6);
    assert.equal([...(await c.get('/queue?q=0.27%25')).text.matchAll(/data-finding=/g)].length, 1);
    assert.equal([...(await c.get('/queue?metric=net_profit')).text.matchAll(/data-finding=/g)].length, 3);
    assert.equal([...(await c.get(`/queue?article=${idA}&severity=high`)).text.matchAll(/data-finding=/g)].length, 1);
    const bad = await c.get('/queue?severity=extreme');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Unknown severity/);
  });

  test('facts view lists every aligned fact, agreeing ones too, and single-source claims on request', async () => {
    const r = await c.get('/facts');
    assert.equal(r.status, 200);
    assert.match(r.text, /6 facts/);
    assert.match(r.text, /verdict-consistent/);
    const single = await c.get('/facts?scope=single');
    assert.match(single.text, /47\.72亿元/);
  });

  test('article view highlights each claim in place, with its state as class and label', async () => {
    const r = await c.get(`/articles/${idA}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<a class="claim st-discrepancy" href="\?claim=x0#c-x0" id="c-x0" data-start="\d+" data-claim="x0" title="[^"]*" data-state="discrepancy">0\.27%<\/a>/);
    assert.match(r.text, /class="claim st-rounding"[^>]*>126亿元</);
    assert.match(r.text, /class="claim st-consistent"[^>]*>76%</);
    // The highlighted text reassembles to the article exactly.
    const text = app.store.read().articles.find((a) => a.id === idA)!.text;
    const body = r.text.slice(r.text.indexOf('data-article-text'), r.text.indexOf('</div>', r.text.indexOf('data-article-text')));
    const plain = body.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&#13;/g, '\r').replace(/&amp;/g, '&');
    assert.equal(plain, text);
  });

  test('selecting a claim shows its value, unit, metric, period, subject and the other source', async () => {
    const r = await c.get(`/articles/${idA}?claim=x0`);
    assert.match(r.text, /<dt>Value<\/dt><dd><strong>-0\.27%<\/strong>/);
    assert.match(r.text, /<dt>Metric<\/dt><dd>revenue/);
    assert.match(r.text, /<dt>Period<\/dt><dd>2023-Q1\.\.Q3/);
    assert.match(r.text, /<dt>Subject<\/dt><dd>iFlytek/);
    assert.match(r.text, /Same fact in other sources/);
    assert.match(r.text, new RegExp(`/articles/${idB}\\?claim=x6`));
  });

  test('unknown pages and ids are a clear 404, malformed URLs a 400, never a stack trace', async () => {
    for (const p of ['/nope', '/articles/nope', '/findings/fnope']) {
      const r = await c.get(p);
      assert.equal(r.status, 404, p);
      noStack(r.text);
    }
    const bad = await c.get('/articles/%E0%A4%A');
    assert.equal(bad.status, 400);
    noStack(bad.text);
    const exp = await c.get('/export?format=exe');
    assert.equal(exp.status, 400);
    assert.match(exp.text, /Choose a download format/);
  });

  test('pages send a strict Content-Security-Policy', async () => {
    const r = await c.get('/');
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('review actions', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
    token = await c.token('/queue');
  });
  after(() => app.close());

  test('a POST without the CSRF token, with another visitor’s token, or from another origin is refused', async () => {
    const f = discrepancyOf(app);
    const none = await c.post(`/findings/${f.id}/review`, { action: 'confirm' });
    assert.equal(none.status, 403);
    const other = new Client(app.url);
    const otherToken = await other.token('/queue');
    const wrong = await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: otherToken });
    assert.equal(wrong.status, 403);
    const cross = await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: token }, { origin: 'https://evil.example' });
    assert.equal(cross.status, 403);
    assert.equal(reviewOf(app, f.id), undefined);
    noStack(none.text);
  });

  test('confirm is saved to claims.json under the finding id and redirects back', async () => {
    const f = discrepancyOf(app);
    const r = await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: token, back: '/queue?status=open' });
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location')!, /^\/queue\?status=open#f-/);
    const onDisk = JSON.parse(readFileSync(app.dbFile, 'utf8'));
    assert.equal(onDisk.reviews.find((x: { findingId: string }) => x.findingId === f.id).status, 'confirmed');
    const page = await c.get(`/findings/${f.id}`);
    assert.match(page.text, /data-status="confirmed"/);
    assert.match(page.text, /Confirmed: iFlytek · revenue/, 'a one-time message says what happened');
  });

  test('a redirect target on another host is ignored', async () => {
    const f = discrepancyOf(app);
    const r = await c.post(`/findings/${f.id}/review`, { action: 'note', note: 'x', _csrf: token, back: '//evil.example/' });
    assert.equal(r.headers.get('location'), `/findings/${f.id}#f-${f.id}`);
  });

  test('note, correct value and reference source are kept together on one review', async () => {
    const f = discrepancyOf(app);
    const claimB = f.claimIds.find((id) => app.store.read().claims.find((x) => x.id === id)!.articleId === idB)!;
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'note', note: 'The Q3 filing says -0.37%.', _csrf: token })).status, 303);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'correct', claimId: claimB, _csrf: token })).status, 303);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'reference', articleId: idB, _csrf: token })).status, 303);
    const r = reviewOf(app, f.id)!;
    assert.equal(r.note, 'The Q3 filing says -0.37%.');
    assert.equal(r.correctClaimId, claimB);
    assert.equal(r.referenceArticleId, idB);
    const page = await c.get(`/findings/${f.id}`);
    assert.match(page.text, /marked right/);
    assert.match(page.text, /reference source/);
    assert.match(page.text, /The Q3 filing says -0\.37%\./);
  });

  test('dismiss needs a known reason; bad claim or article ids are refused', async () => {
    const f = app.store.read().findings.find((x) => x.verdict === 'rounding')!;
    const noReason = await c.post(`/findings/${f.id}/review`, { action: 'dismiss', _csrf: token });
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Choose a reason for dismissing/);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'dismiss', reason: 'bored', _csrf: token })).status, 400);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'correct', claimId: 'x0', _csrf: token })).status, 400);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'reference', articleId: 'nope', _csrf: token })).status, 400);
    assert.equal((await c.post(`/findings/${f.id}/review`, { action: 'explode', _csrf: token })).status, 400);
    assert.equal((await c.post('/findings/fmissing/review', { action: 'confirm', _csrf: token })).status, 404);
    assert.equal(reviewOf(app, f.id), undefined);
    const ok = await c.post(`/findings/${f.id}/review`, { action: 'dismiss', reason: 'rounding', _csrf: token });
    assert.equal(ok.status, 303);
    assert.equal(reviewOf(app, f.id)!.status, 'dismissed');
    assert.equal(reviewOf(app, f.id)!.reason, 'rounding');
    const dismissed = await c.get('/queue?status=dismissed');
    assert.match(dismissed.text, new RegExp(`data-finding="${f.id}"`));
    assert.match(dismissed.text, /dismissed · Rounding/);
  });

  test('reviews survive a re-check, a re-ingest of the same article and an edit elsewhere in it', async () => {
    const f = discrepancyOf(app);
    await recheck(app.store);
    await ingestArticles(app.store, readArticles([app.articlesDir]).articles);
    // Edit article A far from the claims; its id and the finding's fact key do not change.
    const file = join(app.articlesDir, SEED_A);
    writeFileSync(file, readFileSync(file, 'utf8') + '\n\n（编者补充了一段与数字无关的说明。）\n');
    const summary = await ingestArticles(app.store, readArticles([app.articlesDir]).articles);
    assert.equal(summary.changed, 1);
    // Re-ingest re-extracts article A; stand in for the extractor reading the same figures again.
    await app.store.update((db) => void (db.claims = fixtureClaims(db)));
    await recheck(app.store);
    assert.equal(discrepancyOf(app).id, f.id, 'the finding id comes from the fact, not from positions');
    assert.equal(reviewOf(app, f.id)?.status, 'confirmed');
    assert.match((await c.get(`/findings/${f.id}`)).text, /data-status="confirmed"/);
  });

  test('a form over the size limit gets a 413 page that says so', async () => {
    const f = discrepancyOf(app);
    const r = await c.post(`/findings/${f.id}/review`, { action: 'note', note: 'x'.repeat(100_000), _csrf: token });
    assert.equal(r.status, 413);
    assert.match(r.text, /larger than this server accepts/);
    noStack(r.text);
  });
});

describe('annotations, manual claims and corrections', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
    token = await c.token(`/articles/${idA}`);
  });
  after(() => app.close());

  test('without JavaScript a comment can anchor by typing the exact words; unknown words are a 400', async () => {
    const ok = await c.post(`/articles/${idB}/annotations`, { _csrf: token, quote: '126.14亿元', comment: 'check the filing' });
    assert.equal(ok.status, 303);
    const missing = await c.post(`/articles/${idB}/annotations`, { _csrf: token, quote: 'not in the text', comment: 'x' });
    assert.equal(missing.status, 400);
    assert.match(missing.text, /are not in this article/);
  });

  test('manual claims are stored, re-aligned at once, and removable', async () => {
    const textA = app.store.read().articles.find((a) => a.id === idA)!.text;
    const textB = app.store.read().articles.find((a) => a.id === idB)!.text;
    const sA = textA.indexOf('10亿元');
    const sB = textB.indexOf('24.98亿');
    const common = { _csrf: token, scale: '100000000', unit: 'CNY', metric: 'rd_expense', period: '2023-Q1..Q3', subject: 'iflytek', measure: 'level' };
    const r1 = await c.post(`/articles/${idA}/manual-claims`, { ...common, start: String(sA), end: String(sA + 5), quote: '10亿元', value: '10' });
    assert.equal(r1.status, 303);
    const r2 = await c.post(`/articles/${idB}/manual-claims`, { ...common, start: String(sB), end: String(sB + 6), quote: '24.98亿', value: '24.98' });
    assert.equal(r2.status, 303);
    const [m1, m2] = app.store.read().manualClaims;
    assert.ok(m1 && m2);
    assert.match(m1.id, /^m[0-9a-f]+$/);
    assert.equal(m2.value, 2498000000);
    assert.equal(m2.precision, 1e6);
    assert.equal(m2.origin, 'manual');
    assert.equal(m2.quote, '24.98亿');
    assert.ok(m2.sentence.includes('24.98亿') && textB.slice(m2.sentenceStart).startsWith(m2.sentence));
    const f = app.store.read().findings.find((x) => x.claimIds.includes(m1.id))!;
    assert.equal(f.verdict, 'discrepancy');
    assert.deepEqual(f.claimIds.sort(), [m1.id, m2.id].sort());
    const facts = await c.get('/facts');
    assert.match(facts.text, /rd expense/);
    assert.match(facts.text, /«24\.98亿» = <strong>2\.498 billion CNY<\/strong> <span class="tag manual">manual<\/span>/);

    const bad = await c.post(`/articles/${idA}/manual-claims`, { ...common, start: String(sA), end: String(sA + 5), quote: '10亿元', value: 'ten' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /is not a number/);

    assert.equal((await c.post(`/articles/${idB}/manual-claims/${m2.id}/delete`, { _csrf: token })).status, 303);
    assert.equal(app.store.read().findings.some((x) => x.claimIds.includes(m1.id)), false);
  });

  test('correcting an extracted claim re-compares at once; "not a claim" removes it; undo restores', async () => {
    const disc = () => app.store.read().findings.filter((f) => f.verdict === 'discrepancy' && f.fact.metric === 'revenue');
    assert.equal(disc().length, 1);
    const moved = await c.post(`/articles/${idA}/claims/x0/correct`, { _csrf: token, metric: 'revenue', period: '2023-Q3', subject: 'iflytek' });
    assert.equal(moved.status, 303);
    const k = app.store.read().corrections[0]!;
    assert.equal(k.period, '2023-Q3');
    assert.equal(k.metric, undefined, 'only what differs from the extractor is stored');
    assert.equal(k.anchor.exact, '0.27%');
    assert.equal(disc().length, 0, 'the two figures are no longer the same fact');
    let page = await c.get(`/articles/${idA}?claim=x0`);
    assert.match(page.text, /corrected by a reviewer/);

    await c.post(`/articles/${idA}/claims/x0/correct`, { _csrf: token, metric: 'revenue', period: '2023-Q1..Q3', subject: 'iflytek', notAClaim: 'on' });
    assert.equal(app.store.read().corrections.length, 1, 'one correction per claim, replaced');
    assert.equal(disc().length, 0);
    page = await c.get(`/articles/${idA}`);
    assert.match(page.text, /class="claim st-rejected"[^>]*data-state="not a claim">0\.27%</);

    const kid = app.store.read().corrections[0]!.id;
    await c.post(`/articles/${idA}/corrections/${kid}/delete`, { _csrf: token });
    assert.equal(disc().length, 1);
  });
  // Last: it rewrites article A, which re-extracts it.
  test('a comment anchors to the selection and is orphaned, not moved, when its text is gone', async () => {
    const text = app.store.read().articles.find((a) => a.id === idA)!.text;
    const phrase = '大模型太“烧钱”了';
    const start = text.indexOf(phrase);
    const r = await c.post(`/articles/${idA}/annotations`, { _csrf: token, start: String(start), end: String(start + phrase.length), quote: phrase, comment: 'Quote from whom?' });
    assert.equal(r.status, 303);
    const n = app.store.read().annotations.find((x) => x.comment === 'Quote from whom?')!;
    assert.equal(n.anchor.exact, phrase);
    assert.equal(n.anchor.start, start);
    let page = await c.get(`/articles/${idA}`);
    assert.match(page.text, /class="noted"[^>]*title="Quote from whom\?"/);

    writeFileSync(join(app.articlesDir, SEED_A), text.replace(phrase, '投入很大'));
    await ingestArticles(app.store, readArticles([app.articlesDir]).articles);
    assert.equal(app.store.read().annotations.find((x) => x.id === n.id)!.orphaned, true);
    assert.equal(app.store.read().annotations.find((x) => x.articleId === idB)!.orphaned, undefined, 'the other article’s comment is untouched');
    page = await c.get(`/articles/${idA}`);
    assert.match(page.text, /<span class="tag orphaned">orphaned<\/span>/);
    assert.doesNotMatch(page.text, /class="noted"[^>]*title="Quote from whom\?"/);
    assert.match((await c.get('/orphans')).text, /Quote from whom\?/);
  });
});

describe('adding articles', () => {
  let app: TestApp;
  let c: Client;
  let token: string;
  before(async () => {
    app = await startApp({ fixture: true });
    c = new Client(app.url);
    token = await c.token('/add');
  });
  after(() => app.close());

  const upload = (name: string, body: Uint8Array<ArrayBuffer> | string, tok = token) => {
    const form = new FormData();
    form.set('_csrf', tok);
    form.append('files', new Blob([body]), name);
    return c.post('/add/upload', form);
  };

  test('uploading a .md file ingests it with its front matter and opens it', async () => {
    const r = await upload('讯飞快讯.md', '---\npublisher: Test Wire\ndate: 2023-10-27\n---\n# iFlytek results\n\n前三季度实现营业收入126.14亿元，同比下滑0.37%。\n');
    assert.equal(r.status, 303);
    const a = app.store.read().articles.find((x) => x.path === 'upload/讯飞快讯.md')!;
    assert.ok(a, 'stored under upload/<file name>');
    assert.equal(a.source, 'upload');
    assert.equal(a.publisher, 'Test Wire');
    assert.equal(r.headers.get('location'), `/articles/${a.id}`);
    const page = await c.get(`/articles/${a.id}`);
    assert.match(page.text, /Test Wire/);
    assert.match(page.text, /1 added/);
  });

  test('a file that is not UTF-8 text, or not .txt/.md, is refused with the reason', async () => {
    const bin = await upload('scan.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x00]));
    assert.equal(bin.status, 400);
    assert.match(bin.text, /binary|UTF-8/);
    const pdf = await upload('paper.pdf', 'hello');
    assert.equal(pdf.status, 400);
    assert.match(pdf.text, /paper\.pdf: not a \.txt, \.md or \.html file/);
    const big = await upload('big.txt', 'x'.repeat(5 * 1024 * 1024 + 10));
    assert.equal(big.status, 413);
    assert.match(big.text, /big\.txt is larger than the upload limit of 5 MB/);
    assert.match(big.text, /<a class="button" href="\/add">← Back to Add articles<\/a>/);
    noStack(big.text);
    assert.equal((await upload('ok.txt', 'text', 'forged')).status, 403);
  });

  test('pasting text with metadata adds an article; a bad URL is refused and the text given back', async () => {
    const r = await c.post('/add/paste', { _csrf: token, title: 'Paste test', publisher: 'Wire B', date: '2023-10-29', url: 'https://example.com/a', text: '前三季度营业收入126.14亿元。' });
    assert.equal(r.status, 303);
    const a = app.store.read().articles.find((x) => x.source === 'paste')!;
    assert.match(a.path, /^paste\/paste-test-[0-9a-f]{8}$/);
    assert.equal(a.publisher, 'Wire B');
    assert.equal(a.url, 'https://example.com/a');
    const bad = await c.post('/add/paste', { _csrf: token, title: 'x', url: 'javascript:alert(1)', text: 'my careful paste' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /should start with http/);
    assert.match(bad.text, /<textarea readonly rows="6" class="kept">my careful paste<\/textarea>/);
  });

  test('article text and metadata are escaped, and a javascript: URL never becomes a link', async () => {
    const evil = '<script>alert(1)</script> and <img src=x onerror="alert(2)"> 收入12亿元';
    const form = new FormData();
    form.set('_csrf', token);
    form.append('files', new Blob([`---\ntitle: "<img src=x onerror=alert(3)>"\nurl: "javascript:alert(4)"\n---\n${evil}\n`]), 'evil.txt');
    const r = await c.post('/add/upload', form);
    assert.equal(r.status, 303);
    const page = await c.get(r.headers.get('location')!);
    assert.doesNotMatch(page.text, /<script>alert/);
    assert.doesNotMatch(page.text, /<img src=x/);
    assert.doesNotMatch(page.text, /href="javascript:/);
    assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page.text, /&lt;img src=x onerror=alert\(3\)&gt;/);
  });
});

describe('a failed write', () => {
  let app: TestApp;
  before(async () => {
    // A store whose disk write fails after the change is applied, like lowdb on a full disk.
    app = await startApp({
      fixture: true,
      wrap: (s: Store): Store => ({
        location: s.location,
        read: () => s.read(),
        update: async (change) => {
          change(s.read());
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      }),
    });
  });
  after(() => app.close());

  test('is reported with a 503, gives the typed note back, and leaves claims.json untouched', async () => {
    const before = readFileSync(app.dbFile, 'utf8');
    const c = new Client(app.url);
    const token = await c.token('/queue');
    const f = discrepancyOf(app);
    const r = await c.post(`/findings/${f.id}/review`, { action: 'note', note: 'A long careful note about the filing.', _csrf: token });
    assert.equal(r.status, 503);
    assert.match(r.text, /could not be written/);
    assert.match(r.text, /ENOSPC/);
    assert.match(r.text, /A long careful note about the filing\./);
    noStack(r.text);
    assert.equal(readFileSync(app.dbFile, 'utf8'), before);
  });
});
