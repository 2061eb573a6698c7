// Accounts over HTTP: the login page for anyone without a session, sign-in with bcrypt hashes,
// sessions in the store, roles, stale forms, who is recorded, and a foreign Host refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { idA, Client, PASSWORD, startApp, type TestApp } from './helpers.js';

const discrepancy = (app: TestApp) => app.store.read().findings.find((f) => f.verdict === 'discrepancy')!;
const reviewOf = (app: TestApp, id: string) => app.store.read().reviews.find((r) => r.findingId === id);

/** A raw request with a chosen Host header (fetch will not forge one). */
function withHost(url: string, path: string, host: string, method = 'GET', body = ''): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('accounts', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer'], ['ed', 'editor']] });
  });
  after(() => app.close());

  test('without a session every page is the login page, and a POST changes nothing', async () => {
    const c = new Client(app.url);
    for (const p of ['/', '/queue', `/articles/${idA}`, '/export?format=json']) {
      const r = await c.get(p);
      assert.equal(r.status, 401, p);
      assert.match(r.text, /<form method="post" action="\/login"/, p);
      assert.doesNotMatch(r.text, /0\.37%/, `${p} shows no data`);
    }
    const token = await c.token('/login');
    const f = discrepancy(app);
    const r = await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: token });
    assert.equal(r.status, 401);
    assert.equal(reviewOf(app, f.id), undefined);
    const n = await c.post(`/articles/${idA}/annotations`, { comment: 'x', quote: '0.27%', _csrf: token });
    assert.equal(n.status, 401);
    assert.equal(app.store.read().annotations.length, 0);
  });

  test('a wrong password is refused; the right one opens a session kept in the store, hashed', async () => {
    const c = new Client(app.url);
    const bad = await c.signIn('alice', 'wrong password');
    assert.equal(bad.status, 401);
    assert.match(bad.text, /do not match/);
    const ok = await c.signIn('alice');
    assert.equal(ok.status, 303);
    const db = app.store.read();
    assert.ok(db.users!.every((u) => u.passwordHash.startsWith('$2') && !JSON.stringify(db).includes(PASSWORD)), 'bcrypt hashes only');
    assert.equal(db.sessions!.filter((s) => s.user === 'alice').length, 1);
    assert.ok(!c.cookie.includes(db.sessions![0]!.tokenHash), 'the cookie is not what the store keeps');
    const q = await c.get('/queue');
    assert.equal(q.status, 200);
    assert.match(q.text, /alice · reviewer/);
  });

  test('decisions record who; a reviewer cannot overturn another reviewer, an editor can; a stale form is refused', async () => {
    const alice = new Client(app.url);
    const bob = new Client(app.url);
    const ed = new Client(app.url);
    await alice.signIn('alice');
    await bob.signIn('bob');
    await ed.signIn('ed');
    const f = discrepancy(app);
    const bobToken = await bob.token('/queue');
    const bobSeen = reviewOf(app, f.id)?.updatedAt ?? '';
    assert.equal((await alice.post(`/findings/${f.id}/review`, { action: 'confirm', seen: '', _csrf: await alice.token('/queue') })).status, 303);
    assert.equal(reviewOf(app, f.id)!.by, 'alice');
    // Bob's page was made before Alice decided.
    const stale = await bob.post(`/findings/${f.id}/review`, { action: 'dismiss', reason: 'rounding', seen: bobSeen, note: 'my reasoning', _csrf: bobToken });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /alice changed this finding \(now confirmed/);
    assert.match(stale.text, /my reasoning/, 'what he typed is given back');
    const overturn = await bob.post(`/findings/${f.id}/review`, { action: 'dismiss', reason: 'rounding', seen: reviewOf(app, f.id)!.updatedAt, _csrf: bobToken });
    assert.equal(overturn.status, 403);
    assert.match(overturn.text, /only an editor/);
    assert.equal(reviewOf(app, f.id)!.status, 'confirmed');
    const note = await bob.post(`/findings/${f.id}/review`, { action: 'note', note: 'I think this is rounding', _csrf: bobToken });
    assert.equal(note.status, 303, 'anyone may add a note');
    const edit = await ed.post(`/findings/${f.id}/review`, { action: 'reopen', _csrf: await ed.token('/queue') });
    assert.equal(edit.status, 303);
    const events = app.store.read().reviewEvents!.filter((e) => e.findingId === f.id);
    assert.deepEqual(events.map((e) => `${e.by}:${e.action}`), ['alice:confirm', 'bob:note', 'ed:reopen']);
    const page = await alice.get(`/findings/${f.id}`);
    assert.match(page.text, /<strong class="who">ed<\/strong> <span class="action">reopen<\/span>/);
  });

  test('comments, corrections and manual claims record who made them', async () => {
    const c = new Client(app.url);
    await c.signIn('bob');
    const token = await c.token(`/articles/${idA}`);
    assert.equal((await c.post(`/articles/${idA}/annotations`, { comment: 'check the filing', quote: '0.27%', _csrf: token })).status, 303);
    assert.equal(app.store.read().annotations.at(-1)!.by, 'bob');
  });

  test('signing out ends the session', async () => {
    const c = new Client(app.url);
    await c.signIn('alice');
    const cookie = c.cookie;
    assert.equal((await c.post('/logout', { _csrf: await c.token('/queue') })).status, 303);
    const again = await fetch(`${app.url}/queue`, { headers: { cookie }, redirect: 'manual' });
    assert.equal(again.status, 401, 'the old cookie opens nothing');
  });

  test('a foreign Host header gets nothing and changes nothing', async () => {
    const r = await withHost(app.url, '/queue', 'evil.example:3000');
    assert.equal(r.status, 421);
    assert.doesNotMatch(r.text, /0\.37%|_csrf/);
    const f = discrepancy(app);
    const before = JSON.stringify(reviewOf(app, f.id));
    const p = await withHost(app.url, `/findings/${f.id}/review`, 'rebound.example', 'POST', 'action=confirm');
    assert.equal(p.status, 421);
    assert.equal(JSON.stringify(reviewOf(app, f.id)), before);
    assert.equal((await withHost(app.url, '/login', `localhost:${new URL(app.url).port}`)).status, 200, 'localhost is allowed');
  });
});

describe('single-user mode', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ fixture: true });
  });
  after(() => app.close());

  test('with no accounts there is no sign-in, and decisions are recorded as local', async () => {
    const c = new Client(app.url);
    const q = await c.get('/queue');
    assert.equal(q.status, 200);
    const f = discrepancy(app);
    await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: await c.token('/queue') });
    assert.equal(reviewOf(app, f.id)!.by, 'local');
  });

  test('the Host header is checked here too', async () => {
    assert.equal((await withHost(app.url, '/', 'attacker.example')).status, 421);
  });
});

describe('failed sign-ins are limited', () => {
  let app: TestApp;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  before(async () => {
    app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer']], loginLimits: { perName: 5, perAddress: 8, windowMs: 15 * 60_000, now: () => clock } });
  });
  after(() => app.close());

  test('after 5 wrong passwords for a name, even the right one is refused for the window; other names still sign in; then it works again', async () => {
    const c = new Client(app.url);
    for (let i = 0; i < 5; i++) assert.equal((await c.signIn('alice', `wrong guess ${i}`)).status, 401);
    const blocked = await c.signIn('alice');
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Too many failed sign-ins for this name or from this address\. Nothing was checked; try again in 15 minutes\./);
    assert.equal(blocked.headers.get('retry-after'), '900');
    assert.equal(app.store.read().sessions!.filter((s) => s.user === 'alice').length, 0, 'no session');
    assert.equal((await c.signIn('ALICE')).status, 429, 'the name is counted whatever its case');
    assert.equal((await new Client(app.url).signIn('bob')).status, 303, 'another account is not locked out');
    clock += 10 * 60_000;
    assert.match((await c.signIn('alice')).text, /try again in 5 minutes/);
    clock += 5 * 60_000 + 1;
    assert.equal((await c.signIn('alice')).status, 303, 'the window has passed');
  });

  test('one address guessing many names is stopped too', async () => {
    const c = new Client(app.url);
    clock += 60 * 60_000;
    for (let i = 0; i < 8; i++) assert.equal((await c.signIn(`nobody${i}`, 'wrong password')).status, 401);
    assert.equal((await c.signIn('bob')).status, 429, 'from this address, for the window');
    clock += 15 * 60_000 + 1;
    assert.equal((await c.signIn('bob')).status, 303);
  });
});
