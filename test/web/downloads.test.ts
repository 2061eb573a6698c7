// The queue's downloads: all six formats, the queue's filters kept, its implicit "open" not,
// so a report downloaded after confirming a finding still holds it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startApp, type TestApp } from './helpers.js';

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
