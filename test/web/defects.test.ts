// Defects from issue 9, each pinned by a test that failed before its fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findLeadSource } from '../../server/ingest/article.js';
import { Client, idA, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let c: Client;
let token: string;
before(async () => {
  app = await startApp({ fixture: true });
  c = new Client(app.url);
  token = await c.token('/add');
});
after(() => app.close());

const pastes = () => app.store.read().articles.filter((a) => a.source === 'paste');

test('a second paste with the same title is another article, not a replacement; the same text again is unchanged', async () => {
  const one = await c.post('/add/paste', { _csrf: token, title: '讯飞三季报', text: '科大讯飞前三季度营业收入126亿元。' });
  assert.equal(one.status, 303);
  const two = await c.post('/add/paste', { _csrf: token, title: '讯飞三季报', text: '科大讯飞前三季度营业收入128亿元。' });
  assert.equal(two.status, 303);
  assert.equal(pastes().length, 2);
  assert.match((await c.get(two.headers.get('location')!)).text, /1 added/);
  await c.post('/add/paste', { _csrf: token, title: '讯飞三季报', text: '科大讯飞前三季度营业收入128亿元。' });
  assert.equal(pastes().length, 2, 'identical text: no twin');
  // With a URL, the URL names the article: a corrected version updates it.
  await c.post('/add/paste', { _csrf: token, title: 'Wire', url: 'https://example.com/w', text: 'Revenue was 12.6 billion yuan.' });
  const upd = await c.post('/add/paste', { _csrf: token, title: 'Wire', url: 'https://example.com/w', text: 'Revenue was 12.61 billion yuan.' });
  assert.equal(pastes().length, 3);
  assert.match((await c.get(upd.headers.get('location')!)).text, /1 updated/);
});

test('with no publisher given, a short first sentence does not become the publisher', async () => {
  assert.equal(findLeadSource('科大讯飞三季报出炉\n业绩承压 利润下滑\n前三季度营业收入126亿元').publisher, undefined);
  assert.equal(findLeadSource('标题\n**连线Insight**\n正文').publisher, '连线Insight', 'a bold byline still counts');
  const r = await c.post('/add/paste', { _csrf: token, title: '讯飞', text: '科大讯飞发布三季报\n公司表示将加大投入\n前三季度营业收入126亿元。' });
  const a = app.store.read().articles.find((x) => `/articles/${x.id}` === r.headers.get('location'))!;
  assert.equal(a.publisher, undefined);
});

test('a saved web page (.html) is accepted on the web, as on the command line', async () => {
  const form = new FormData();
  form.set('_csrf', token);
  const page = '<!doctype html><html><head><title>讯飞快讯</title><meta property="og:site_name" content="某网"></head><body><script>evil()</script><article><p>科大讯飞前三季度营业收入126.14亿元，同比下滑0.37%。</p></article></body></html>';
  form.append('files', new Blob([page], { type: 'text/html' }), 'page.html');
  const r = await c.post('/add/upload', form);
  assert.equal(r.status, 303);
  const a = app.store.read().articles.find((x) => x.path === 'upload/page.html')!;
  assert.ok(a);
  assert.doesNotMatch(a.text, /evil/);
  assert.match(a.text, /126\.14亿元/);
});

test('an upload error names the file and offers the way back; a refused batch names each file', async () => {
  const form = new FormData();
  form.set('_csrf', token);
  form.append('files', new Blob(['x']), 'notes.docx');
  const r = await c.post('/add/upload', form);
  assert.equal(r.status, 400);
  assert.match(r.text, /notes\.docx: not a \.txt, \.md or \.html file/);
  assert.match(r.text, /href="\/add">← Back to Add articles/);
});

test('a no-JS comment whose words are not found gives back the comment; words found many times are not guessed', async () => {
  const t = await c.token(`/articles/${idA}`);
  const missing = await c.post(`/articles/${idA}/annotations`, { _csrf: t, quote: 'not in the text', comment: 'My long careful comment' });
  assert.equal(missing.status, 400);
  assert.match(missing.text, /<textarea readonly rows="6" class="kept">My long careful comment/);
  assert.match(missing.text, /Back to the article/);
  const text = app.store.read().articles.find((a) => a.id === idA)!.text;
  const times = text.split('科大讯飞').length - 1;
  assert.ok(times > 1);
  const many = await c.post(`/articles/${idA}/annotations`, { _csrf: t, quote: '科大讯飞', comment: 'which one?' });
  assert.equal(many.status, 400);
  assert.match(many.text, new RegExp(`occurs ${times} times`));
  assert.equal(app.store.read().annotations.filter((n) => n.comment === 'which one?').length, 0, 'not attached to the first');
});

test('the per-source table does not count the source marked right as confirmed wrong', async () => {
  const f = app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
  const t = await c.token('/queue');
  await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: t });
  await c.post(`/findings/${f.id}/review`, { action: 'correct', claimId: 'x6', _csrf: t });
  const page = (await c.get('/')).text;
  const row = (pub: string) => new RegExp(`>${pub}</a></td>(?:<td>[^<]*</td>){5}<td>(\\d+)</td>`).exec(page)?.[1];
  assert.match(page, /Confirmed wrong/);
  assert.equal(row('新火种'), '1');
  assert.equal(row('连线Insight'), '0', 'its 0.37% was marked right');
});

test('a correction can fix a value or a unit: the finding is re-compared with the corrected figure', async () => {
  const t = await c.token(`/articles/${idA}`);
  const revenueYoy = () => app.store.read().findings.find((f) => f.claimIds.includes('x0'))!;
  assert.equal(revenueYoy().verdict, 'discrepancy');
  const form = (await c.get(`/articles/${idA}?claim=x0`)).text;
  assert.match(form, /<input name="value" inputmode="decimal" size="10" placeholder="-0\.27">/, 'the form offers the value, showing what was read');
  assert.match(form, /<input name="unit" list="dl-units" value="%" size="7" required>/);
  const r = await c.post(`/articles/${idA}/claims/x0/correct`, { _csrf: t, metric: 'revenue', period: '2023-Q1..Q3', subject: 'iflytek', value: '-0.37', scale: '1', unit: '%' });
  assert.equal(r.status, 303);
  const k = app.store.read().corrections.find((x) => x.anchor.exact === '0.27%')!;
  assert.deepEqual([k.value, k.precision, k.unit, k.metric], [-0.37, 0.01, undefined, undefined], 'only what differs is stored');
  assert.equal(revenueYoy().verdict, 'consistent', 'the corrected figure agrees with the other source');
  assert.match((await c.get(`/articles/${idA}?claim=x0`)).text, /<dt>Value<\/dt><dd><strong>-0\.37%<\/strong>/);
  // A unit: say the 2579万 figure was in US dollars, and it no longer meets the yuan figure.
  const level = () => app.store.read().findings.find((f) => f.claimIds.includes('x4'));
  assert.ok(level());
  await c.post(`/articles/${idA}/claims/x4/correct`, { _csrf: t, metric: 'net_profit', period: '2023-Q3', subject: 'iflytek', value: '', scale: '1', unit: 'USD' });
  assert.equal(app.store.read().corrections.find((x) => x.anchor.exact === '2579万元')!.unit, 'USD');
  assert.equal(level(), undefined, 'a USD figure is another fact than the CNY one');
  const md = (await c.get('/export?format=md')).text;
  assert.match(md, /\| correction \| 新火种 \| 0\.27% \| value → -0\.37 \|/);
  assert.match(md, /\| correction \| 新火种 \| 2579万元 \| unit → USD \|/);
  const bad = await c.post(`/articles/${idA}/claims/x0/correct`, { _csrf: t, metric: 'revenue', period: '2023-Q1..Q3', subject: 'iflytek', value: 'minus a bit', scale: '1', unit: '%' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /is not a number/);
});

test('comments are shown clearly: a numbered mark in the text links to the comment, listed in full with who wrote it', async () => {
  const t = await c.token(`/articles/${idA}`);
  const r = await c.post(`/articles/${idA}/annotations`, { _csrf: t, quote: '本报记者 陈佳岚', comment: '记者署名' });
  assert.equal(r.status, 303);
  const note = app.store.read().annotations.find((n) => n.comment === '记者署名')!;
  const page = (await c.get(`/articles/${idA}`)).text;
  const no = /<a class="note-mark" href="#note-([\w]+)" data-start="(\d+)" data-note="(\d+)" aria-label="comment \3"/.exec(page);
  assert.ok(no, 'a numbered mark after the commented words');
  assert.equal(no[1], note.id);
  assert.equal(Number(no[2]), note.anchor.end, 'the mark sits where the comment ends and holds no text, so offsets stay true');
  assert.match(page, new RegExp(`<li id="note-${note.id}" class=""><span class="note-no" aria-hidden="true">${no[3]}</span> \\s*<q class="note-quote">«本报记者 陈佳岚»</q> <span class="note-comment">记者署名</span> <span class="muted small">local, `));
  assert.match(page, /\.note-mark::after|class="note-mark"/);
  const css = (await c.get('/static/app.css')).text;
  assert.match(css, /\.noted \{ background: #efe6fa;/, 'a highlight, not a faint underline');
  assert.match(css, /\.note-mark::after \{ content: attr\(data-note\)/);
});
