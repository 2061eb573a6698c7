// Pages keep what they derive from claims across review clicks (web/model/index.ts derived()):
// what reviews change must still show at once, and what claims change must be rebuilt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Article, Claim, Db, Finding, Review } from '../../server/types.js';
import { emptyDb } from '../../server/store/store.js';
import { indexCache, statusOf } from '../../server/web/model/index.js';
import { applyFilters, parseFilters } from '../../server/web/model/filters.js';
import { recheck } from '../../server/check/index.js';
import { memoryStore } from '../../server/store/index.js';
import { createApp } from '../../server/web/app.js';
import { appForTests, Client } from './helpers.js';

/** The overview's publisher table: per publisher, its last column (confirmed wrong). */
const confirmedColumn = (html: string) =>
  [...html.matchAll(/<tr><td><a href="\/queue[^"]*">([^<]+)<\/a><\/td>(?:<td>[^<]*<\/td>){5}<td>(\d+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);

describe('cached page data follows reviews', () => {
  const s = appForTests();

  test('a confirmed discrepancy shows on the overview and leaves the open queue at once', async () => {
    const { app, c } = s;
    const f = app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
    const before = await c.get('/');
    assert.deepEqual(confirmedColumn(before.text).map(([, n]) => n), ['0', '0']);
    assert.match((await c.get('/queue')).text, new RegExp(`data-finding="${f.id}"`));
    const r = await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: await c.token('/queue') });
    assert.equal(r.status, 303);
    const after = await c.get('/');
    // Both publishers of a two-source discrepancy count as confirmed wrong when no figure is marked right.
    assert.deepEqual(confirmedColumn(after.text).map(([, n]) => n), ['1', '1']);
    assert.doesNotMatch((await c.get('/queue')).text, new RegExp(`data-finding="${f.id}"`));
    assert.match((await c.get('/queue?status=confirmed')).text, new RegExp(`data-finding="${f.id}"`));
    await c.post(`/findings/${f.id}/review`, { action: 'reopen', _csrf: await c.token('/queue') });
    assert.deepEqual(confirmedColumn((await c.get('/')).text).map(([, n]) => n), ['0', '0']);
  });
});

describe('a fact of many sources', () => {
  const n = 9;
  const articles: Article[] = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    path: `a${i}.txt`,
    title: `Report ${i}`,
    publisher: `Outlet ${i}`,
    date: '2024-02-01',
    language: 'en',
    text: `Acme revenue was $5 billion in 2023.`,
    hash: `h${i}`,
    ingestedAt: '2024-02-01T00:00:00.000Z',
    source: 'file',
  }));
  const claims: Claim[] = articles.map((a) => ({
    id: `${a.id}:18-28`, articleId: a.id, quote: '$5 billion', start: 18, end: 28, sentence: a.text, sentenceStart: 0,
    value: 5e9, unit: 'USD', precision: 1e9, qualifier: 'exact', measure: 'level', subject: 'acme', metric: 'revenue', period: '2023',
    aspects: [], why: {}, origin: 'extracted',
  }));
  let url = '';
  let close = () => {};
  before(async () => {
    const store = memoryStore();
    await store.update((db) => {
      db.articles = articles;
      db.claims = claims;
    });
    await recheck(store);
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = createApp({ store, auth: 'single' }).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => (server.closeAllConnections(), server.close());
  });
  after(() => close());

  test('the facts page lists six of its sources and links to the rest', async () => {
    const r = await new Client(url).get('/facts');
    assert.equal(r.status, 200);
    const row = r.text.slice(r.text.indexOf('<tbody>'), r.text.indexOf('</tbody>'));
    assert.equal([...row.matchAll(/«\$5 billion»/g)].length, 6);
    assert.match(row, /and 3 more sources/);
  });
});

test('the queue by status reads reviews, and gives what a status check of every finding gives', () => {
  let seed = 11;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const verdicts = ['discrepancy', 'rounding', 'consistent'] as const;
  const findings: Finding[] = Array.from({ length: 400 }, (_, i) => ({
    id: `f${i}`, key: `k${i}`, verdict: verdicts[rnd(3)]!, severity: (['high', 'medium', 'low', 'none'] as const)[rnd(4)]!, claimIds: [], explanation: '',
    fact: { subject: 'acme', metric: rnd(2) ? 'revenue' : null, period: '2023', measure: 'level', unitFamily: 'USD', aspects: [] },
  }));
  const db: Db = { ...emptyDb(), findings };
  let version = 0;
  const index = indexCache(() => db, () => version);
  const naive = (status: string, verdict: string) => {
    const ix = index();
    return ix.ordered.filter((f) => (verdict === 'all' || (verdict === 'flagged' ? f.verdict !== 'consistent' : f.verdict === verdict)) && (status === 'all' || (status === 'reviewed' ? statusOf(ix, f.id) !== 'open' : statusOf(ix, f.id) === status)));
  };
  for (let round = 0; round < 6; round++) {
    // Reviews come and go, reopened ones too, and some of findings no longer there.
    for (let k = 0; k < 40; k++) {
      const r: Review = { findingId: `f${rnd(450)}`, status: (['open', 'confirmed', 'dismissed'] as const)[rnd(3)]!, updatedAt: 'x' };
      db.reviews = [...db.reviews.filter((x) => x.findingId !== r.findingId), r];
    }
    version++;
    for (const status of ['open', 'confirmed', 'dismissed', 'reviewed', 'all'])
      for (const verdict of ['flagged', 'all', 'rounding']) {
        const got = applyFilters(index(), parseFilters({ status, verdict }, { status: 'open', verdict: 'flagged' }));
        assert.deepEqual(got.map((f) => f.id), naive(status, verdict).map((f) => f.id), `${status} ${verdict} round ${round}`);
      }
  }
});
