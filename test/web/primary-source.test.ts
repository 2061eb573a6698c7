// Evidence for a verdict over HTTP: on a finding page a reviewer records the primary source (a
// filing's address and the figure it prints); the finding then names the articles that are wrong
// against it, rounding-aware, on its page and its queue card; the record is history, undoable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/types.js';
import { Client, idA, idB, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let alice: Client;
const FILING = 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218090163.PDF';
before(async () => {
  app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer']] });
  alice = new Client(app.url);
  await alice.signIn('alice');
});
after(() => app.close());

const finding = (pred: (f: Finding) => boolean) => app.store.read().findings.find(pred)!;
const yoy = () => finding((f) => f.verdict === 'discrepancy' && f.fact.metric === 'revenue');
const level = () => finding((f) => f.fact.metric === 'revenue' && f.fact.measure === 'level' && f.fact.period === '2023-Q1..Q3');
const reviewOf = (id: string) => app.store.read().reviews.find((r) => r.findingId === id);

async function record(c: Client, f: Finding, fields: Record<string, string>) {
  const page = await c.get(`/findings/${f.id}`);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const seen = /name="seen" value="([^"]*)"/.exec(page.text)![1]!;
  return c.post(`/findings/${f.id}/review`, { _csrf: token, seen, action: 'source', back: `/findings/${f.id}`, sourceUrl: FILING, sourceScale: '1', ...fields });
}

test('the finding page offers the form, with the units its figures allow', async () => {
  const page = (await alice.get(`/findings/${yoy().id}`)).text;
  assert.match(page, /<summary>Record the primary source<\/summary>/);
  assert.match(page, /<select name="sourceUnit"><option value="%" selected>%<\/option><option value="‰">‰<\/option><option value="pp">pp<\/option><\/select>/);
  assert.doesNotMatch((await alice.get('/queue')).text, /name="sourceUrl"/, 'the queue shows the result, the finding page takes the record');
});

test('recording the filing’s -0.37% names 新火种 as wrong, on the finding page, the queue card and in the flash', async () => {
  const f = yoy();
  const r = await record(alice, f, { sourceTitle: '科大讯飞：2023年三季度报告', sourceValue: '-0.37', sourceUnit: '%', sourcePrinted: '下降0.37%' });
  assert.equal(r.status, 303);
  const ps = reviewOf(f.id)!.primarySource!;
  assert.deepEqual({ ...ps, at: 'x' }, { url: FILING, title: '科大讯飞：2023年三季度报告', printed: '下降0.37%', value: -0.37, unit: '%', precision: 0.01, by: 'alice', at: 'x' });
  assert.equal(reviewOf(f.id)!.status, 'open', 'evidence is not a decision');
  const page = (await alice.get(r.headers.get('location')!)).text;
  assert.match(page, /<p class="flash ok" role="status">Primary source recorded for iFlytek · revenue · 2023-Q1\.\.Q3 · year-on-year change: 下降0\.37%\. Wrong against it: 新火种<\/p>/);
  assert.match(page, new RegExp(`data-primary-source data-wrong="${idA}"`));
  assert.match(page, /<strong>Wrong against it: 新火种 \(«0\.27%»\)<\/strong>/);
  assert.match(page, /Agree with it: 连线Insight \(«0\.37%»\)/);
  assert.match(page, /<a href="https:\/\/static\.cninfo\.com\.cn[^"]+" rel="noopener noreferrer nofollow" target="_blank">科大讯飞：2023年三季度报告<\/a> prints <strong class="figure">下降0\.37%<\/strong>/);
  assert.match(page, /<span class="tag against against-wrong">wrong per the primary source<\/span>/);
  assert.match(page, /<span class="tag against against-exact">matches the primary source<\/span>/);
  assert.match(page, /alice<\/strong> <span class="action">record source<\/span>: primary source recorded \(下降0\.37%\)/, 'in the history');
  const card = (await alice.get('/queue')).text;
  assert.match(card, /<strong>Wrong against it: 新火种 \(«0\.27%»\)<\/strong>/, 'the queue card names it too');
});

test('the per-source table counts as confirmed wrong only the sources wrong against the primary source', async () => {
  const f = yoy();
  const token = await alice.token(`/findings/${f.id}`);
  const seen = reviewOf(f.id)!.updatedAt;
  assert.equal((await alice.post(`/findings/${f.id}/review`, { _csrf: token, seen, action: 'confirm' })).status, 303);
  const page = (await alice.get('/')).text;
  const row = (pub: string) => new RegExp(`>${pub}</a></td>(?:<td>[^<]*</td>){5}<td>(\\d+)</td>`).exec(page)?.[1];
  assert.equal(row('新火种'), '1');
  assert.equal(row('连线Insight'), '0', 'its 0.37% matches the filing');
});

test('rounding-aware: against 126.14亿 neither 126亿 nor 126.14亿 is wrong; against 126.2亿 only the precise 126.14亿 is', async () => {
  const f = level();
  await record(alice, f, { sourceValue: '126.14', sourceScale: '100000000', sourceUnit: 'CNY' });
  assert.equal(reviewOf(f.id)!.primarySource!.printed, '126.14亿 CNY');
  assert.equal(reviewOf(f.id)!.primarySource!.precision, 1e6);
  let page = (await alice.get(`/findings/${f.id}`)).text;
  assert.match(page, /data-wrong=""/);
  assert.match(page, /No source is wrong against it\./);
  assert.match(page, /agrees with the primary source within rounding/, '126亿 is 126.14亿 rounded');
  await record(alice, f, { sourceValue: '126.2', sourceScale: '100000000', sourceUnit: 'CNY' });
  page = (await alice.get(`/findings/${f.id}`)).text;
  assert.match(page, new RegExp(`data-wrong="${idB}"`), '126.14亿 cannot be a rounding of 126.2亿; 126亿 can');
  assert.match(page, /Wrong against it: 连线Insight \(«126\.14亿元»\)/);
});

test('undo takes back the last record; remove takes the source off; both are history', async () => {
  const f = level();
  const token = await alice.token(`/findings/${f.id}`);
  assert.equal((await alice.post('/undo', { _csrf: token, back: `/findings/${f.id}` })).status, 303);
  assert.equal(reviewOf(f.id)!.primarySource!.value, 126.14e8, 'back to the first record');
  const page = (await alice.get(`/findings/${f.id}`)).text;
  const seen = /name="seen" value="([^"]*)"/.exec(page)![1]!;
  assert.equal((await alice.post(`/findings/${f.id}/review`, { _csrf: token, seen, action: 'unsource' })).status, 303);
  assert.equal(reviewOf(f.id)!.primarySource, undefined);
  assert.deepEqual(app.store.read().reviewEvents!.filter((e) => e.findingId === f.id).map((e) => e.action), ['source', 'source', 'undo', 'unsource']);
});

test('what cannot be judged is refused and says why: no http(s) address, a unit the figures do not use, no number', async () => {
  const f = yoy();
  const before = JSON.stringify(reviewOf(f.id));
  const js = await record(alice, f, { sourceUrl: 'javascript:alert(1)', sourceValue: '-0.37', sourceUnit: '%' });
  assert.equal(js.status, 400);
  assert.match(js.text, /Give the document&#39;s address, starting with http:\/\/ or https:\/\//);
  const unit = await record(alice, f, { sourceValue: '-0.37', sourceUnit: 'USD' });
  assert.equal(unit.status, 400);
  assert.match(unit.text, /Give the figure in a unit this finding&#39;s sources use: %, ‰, pp/);
  const nan = await record(alice, f, { sourceValue: 'about 0.4', sourceUnit: '%' });
  assert.equal(nan.status, 400);
  assert.match(nan.text, /is not a number/);
  assert.equal(JSON.stringify(reviewOf(f.id)), before);
});

test('in Chinese, the finding names the wrong article under 原始来源', async () => {
  const c = new Client(app.url);
  await c.signIn('bob');
  const token = await c.token('/queue');
  await c.post('/lang', { lang: 'zh', _csrf: token });
  const page = (await c.get(`/findings/${yoy().id}`)).text;
  assert.match(page, /<h4>原始来源<\/h4>/);
  assert.match(page, /<strong>与之不符：新火种（「0\.27%」）<\/strong>/);
  assert.match(page, /据原始来源有误/);
});
