// The queue's downloads: all six formats, the queue's filters kept, its implicit "open" not,
// so a report downloaded after confirming a finding still holds it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startApp, type TestApp } from './helpers.js';
import { memoryStore } from '../../server/store/index.js';
import { renderExport } from '../../server/export/index.js';
import { bigDb } from '../export/fixtures.js';

let app: TestApp;
before(async () => {
  app = await startApp({ fixture: true });
});
after(() => app.close());

const links = (html: string): Record<string, string> => Object.fromEntries([...html.matchAll(/data-format="(\w+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]!.replace(/&amp;/g, '&')]));

test('six formats; the queue default status is not forced on downloads; chosen filters are kept', async () => {
  const c = new Client(app.url);
  const f = app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
  await c.post(`/findings/${f.id}/review`, { action: 'confirm', note: 'checked against the filing', _csrf: await c.token('/queue') });
  const l = links((await c.get('/queue')).text);
  assert.deepEqual(Object.keys(l).sort(), ['annotations', 'claimreview', 'csv', 'html', 'json', 'md']);
  for (const href of Object.values(l)) assert.doesNotMatch(href, /status=/);
  const md = await c.get(l.md!);
  assert.equal(md.status, 200);
  assert.match(md.text, /Confirmed by local/, 'the confirmed finding is in the report');
  assert.match(md.text, /checked against the filing/);
  const cr = JSON.parse((await c.get(l.claimreview!)).text);
  assert.equal(cr['@graph'].length, 1);
  assert.equal(cr['@graph'][0].url, `${app.url}/findings/${f.id}`, 'the url points at this app');

  const filtered = links((await c.get('/queue?status=confirmed&metric=revenue&q=0.37')).text);
  const u = new URLSearchParams(filtered.csv!.split('?')[1]);
  assert.deepEqual([u.get('status'), u.get('metric'), u.get('q'), u.get('verdict')], ['confirmed', 'revenue', '0.37', 'flagged']);
  const open = links((await c.get('/queue?status=open')).text);
  assert.match(open.md!, /status=open/, 'an explicit choice is honoured');
});

test('a download larger than a chunk is streamed: the bytes of the export, the same type and file name as a small one', async () => {
  const db = bigDb(150);
  const big = await startApp({ wrap: () => memoryStore(db) });
  try {
    const csv = await fetch(`${big.url}/export?format=csv`);
    assert.equal(csv.headers.get('transfer-encoding'), 'chunked');
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.match(csv.headers.get('content-disposition')!, /^attachment; filename="crosscheck-report-\d{4}-\d\d-\d\d\.csv"$/);
    // Read as bytes: Response.text() would drop the BOM.
    assert.equal(Buffer.from(await csv.arrayBuffer()).toString('utf8'), renderExport(db, 'csv').body);
    // res.send adds the charset a type lacks; a streamed download says the same.
    const anno = await fetch(`${big.url}/export?format=annotations`);
    assert.equal(anno.headers.get('transfer-encoding'), 'chunked');
    assert.equal(anno.headers.get('content-type'), 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    assert.ok(JSON.parse(await anno.text()).total > 0);
    // A cancelled download ends its stream; the app goes on serving.
    const cancel = new AbortController();
    const cut = await fetch(`${big.url}/export?format=json`, { signal: cancel.signal });
    await cut.body!.getReader().read();
    cancel.abort();
    assert.equal((await fetch(`${big.url}/export?format=md`)).status, 200);
  } finally {
    await big.close();
  }
});
