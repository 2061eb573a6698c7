// Bulk decisions over HTTP: ticked findings, or every rounding finding of a filter; one history
// entry per finding, one undo for the lot, and other reviewers' decisions skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startApp, type TestApp } from './helpers.js';

let app: TestApp;
before(async () => {
  app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer']] });
});
after(() => app.close());

const statusOf = (id: string) => app.store.read().reviews.find((r) => r.findingId === id)?.status ?? 'open';
const rounding = () => app.store.read().findings.filter((f) => f.verdict === 'rounding');

test('ticked findings are confirmed at once, each in the history, and one undo reverses them', async () => {
  const c = new Client(app.url);
  await c.signIn('alice');
  const q = await c.get('/queue');
  assert.match(q.text, /<form id="bulk"/);
  assert.match(q.text, /Apply to all 4 rounding findings of this filter/);
  const [a, b] = rounding();
  const body = new URLSearchParams({ _csrf: await c.token('/queue'), action: 'confirm', reason: 'rounding', scope: 'selected', back: '/queue' });
  body.append('ids', a!.id);
  body.append('ids', b!.id);
  const r = await fetch(`${app.url}/bulk`, { method: 'POST', body, headers: { cookie: c.cookie }, redirect: 'manual' });
  assert.equal(r.status, 303);
  assert.deepEqual([statusOf(a!.id), statusOf(b!.id)], ['confirmed', 'confirmed']);
  const events = app.store.read().reviewEvents!;
  assert.equal(events.length, 2);
  assert.ok(events.every((e) => e.by === 'alice' && e.action === 'bulk confirm' && e.batch === events[0]!.batch));
  assert.match((await c.get('/queue')).text, /Undo bulk confirm ×2/);
  await c.post('/undo', { _csrf: await c.token('/queue') });
  assert.deepEqual([statusOf(a!.id), statusOf(b!.id)], ['open', 'open']);
});

test('all rounding findings of a filter: the filter is honoured, the discrepancy untouched, others’ decisions skipped', async () => {
  const bob = new Client(app.url);
  await bob.signIn('bob');
  const first = rounding().find((f) => f.fact.metric === 'net_profit');
  await bob.post(`/findings/${first!.id}/review`, { action: 'dismiss', reason: 'rounding', _csrf: await bob.token('/queue') });
  const alice = new Client(app.url);
  await alice.signIn('alice');
  const token = await alice.token('/queue');
  // The filter: net profit only (three flagged findings, all rounding).
  const r = await alice.post('/bulk', { _csrf: token, action: 'confirm', scope: 'rounding', status: 'all', verdict: 'flagged', metric: 'net_profit', back: '/queue' });
  assert.equal(r.status, 303);
  const netProfit = rounding().filter((f) => f.fact.metric === 'net_profit');
  for (const f of netProfit) assert.equal(statusOf(f.id), f.id === first!.id ? 'dismissed' : 'confirmed', f.key);
  assert.equal(statusOf(app.store.read().findings.find((f) => f.verdict === 'discrepancy')!.id), 'open');
  const revenue = rounding().find((f) => f.fact.metric === 'revenue')!;
  assert.equal(statusOf(revenue.id), 'open', 'outside the filter');
  const page = await alice.get('/queue');
  assert.match(page.text, /Skipped 1: decided by another reviewer/);
});

test('a bulk form without ticks or with an unknown id changes nothing', async () => {
  const c = new Client(app.url);
  await c.signIn('alice');
  const before = JSON.stringify(app.store.read().reviews);
  const token = await c.token('/queue');
  assert.equal((await c.post('/bulk', { _csrf: token, action: 'confirm', scope: 'selected' })).status, 400);
  assert.equal((await c.post('/bulk', { _csrf: token, action: 'confirm', scope: 'selected', ids: 'fnope' })).status, 404);
  assert.equal((await c.post('/bulk', { action: 'confirm', scope: 'rounding' })).status, 403, 'CSRF');
  assert.equal(JSON.stringify(app.store.read().reviews), before);
});
