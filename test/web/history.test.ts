// The history of a finding's review over HTTP: every change is listed with who, when, from and
// to; the undo form (no JavaScript needed) reverses the last action, then the one before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appForTests } from './helpers.js';

const s = appForTests();

const statusOf = (id: string) => s.app.store.read().reviews.find((r) => r.findingId === id)?.status ?? 'open';

test('each change is kept and shown; undo walks back one action at a time', async () => {
  const f = s.app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
  const token = await s.c.token('/queue');
  assert.doesNotMatch((await s.c.get('/queue')).text, /action="\/undo"/, 'nothing to undo yet');
  assert.equal((await s.c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: token })).status, 303);
  assert.equal((await s.c.post(`/findings/${f.id}/review`, { action: 'dismiss', reason: 'rounding', note: 'see the <filing>', _csrf: token })).status, 303);
  const page = (await s.c.get(`/findings/${f.id}`)).text;
  assert.match(page, /History \(2\)/);
  assert.match(page, /<strong class="who">local<\/strong> <span class="action">dismiss<\/span>: confirmed → dismissed \(Rounding\); note changed — <q>see the &lt;filing&gt;<\/q>/);
  assert.match(page, /<span class="action">confirm<\/span>: open → confirmed/);
  assert.match(page, /<form method="post" action="\/undo"/, 'an undo form, for use without JavaScript');
  const events = s.app.store.read().reviewEvents!;
  assert.deepEqual(events.map((e) => [e.by, e.from.status, e.to.status]), [['local', 'open', 'confirmed'], ['local', 'confirmed', 'dismissed']]);

  const u1 = await s.c.post('/undo', { _csrf: token, back: `/findings/${f.id}` });
  assert.equal(u1.status, 303);
  assert.equal(statusOf(f.id), 'confirmed');
  await s.c.post('/undo', { _csrf: token });
  assert.equal(statusOf(f.id), 'open');
  const none = await s.c.post('/undo', { _csrf: token });
  assert.equal(none.status, 409);
  assert.match(none.text, /nothing of yours to undo/);
  assert.match((await s.c.get(`/findings/${f.id}`)).text, /History \(4\)/, 'undos are history too');
});

test('undo needs the CSRF token', async () => {
  const r = await s.c.post('/undo', {});
  assert.equal(r.status, 403);
});
