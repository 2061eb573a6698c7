// The interface in the reader's language: one data file per language with the same keys and
// parameters, every key the views and the web code name present, no English left in the views'
// markup, the language from the switch (a cookie) or Accept-Language, metric names from the
// lexicon's Chinese names, and messages and errors in the reader's language too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { i18nFor, negotiate, tableOf } from '../../server/web/i18n.js';
import { metricIdOf } from '../../server/web/model/choices.js';
import { Client, idA, ROOT, startApp, type TestApp } from './helpers.js';

const en = tableOf('en');
const zh = tableOf('zh');
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** A counted key's group: "queue.matches" for queue.matches.one / .other. */
const group = (k: string) => k.replace(/\.(one|other)$/, '');

describe('the locale files', () => {
  test('zh has every key of en, with the same parameters; en has every key of zh but the metric names', () => {
    const zhGroups = new Set([...zh.keys()].map(group));
    for (const [k, v] of en) {
      if (/\.one$/.test(k)) continue; // Chinese has one form: key.other
      assert.ok(zh.has(k) || (k.endsWith('.other') && zhGroups.has(group(k))), `zh.json lacks ${k}`);
      assert.deepEqual(params(zh.get(k)!), params(v).filter((p) => p !== 'n' || params(zh.get(k)!).includes('n')), `parameters of ${k}`);
    }
    for (const k of zh.keys()) if (!k.startsWith('metric.') && !k.startsWith('// ')) assert.ok(en.has(k) || en.has(group(k) + '.other'), `en.json lacks ${k}`);
  });

  test('every key the views and the web code name is in en.json', () => {
    const files = [
      ...readdirSync(join(ROOT, 'views'), { recursive: true }).filter((f) => String(f).endsWith('.ejs')).map((f) => join(ROOT, 'views', String(f))),
      ...readdirSync(join(ROOT, 'server/web'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => join(ROOT, 'server/web', String(f))),
    ];
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:t|n|th|msg|msgN|html)\(\s*'([a-zA-Z][\w-]*(?:\.[\w -]+)+)'/g)) used.add(m[1]!);
    assert.ok(used.size > 300, `found ${used.size} keys`);
    for (const k of used) assert.ok(en.has(k) || en.has(`${k}.other`), `${k} is used but not in en.json`);
    // Keys made from an id: each id the code can pass has its label.
    for (const prefix of ['verdict', 'severity', 'status', 'reason', 'state', 'measure', 'qualifier', 'action', 'format', 'language', 'role', 'why'])
      assert.ok([...en.keys()].some((k) => k.startsWith(prefix + '.')), prefix);
  });

  test('no English words are left in the views’ markup: every label comes from the locale files', () => {
    // Brand, key names and example values (ids, formats) are not words to translate.
    const allowed = new Set(['Crosscheck', 'Esc', 'Enter', 'Ctrl', 'https', 'revenue', 'iflytek', 'Q1', 'Q3', 'CNY']);
    for (const f of readdirSync(join(ROOT, 'views'), { recursive: true }).filter((x) => String(x).endsWith('.ejs'))) {
      const src = readFileSync(join(ROOT, 'views', String(f)), 'utf8').replace(/<%[\s\S]*?%>/g, ' ');
      const text = src.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ');
      const shown = [
        ...text.replace(/<[^>]*>/g, ' ').split(/\s+/),
        ...[...text.matchAll(/\b(?:title|placeholder|aria-label|alt|label)="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)),
      ];
      for (const w of shown) for (const word of w.match(/[A-Za-z]{2,}\w*/g) ?? []) assert.ok(allowed.has(word), `views/${f}: "${word}" is not from a locale file`);
    }
  });

  test('a missing key falls back to English, then to the key; counts pick their form', () => {
    const z = i18nFor('zh');
    assert.equal(z.t('nav.queue'), '审核队列');
    assert.equal(z.t('no.such.key'), 'no.such.key');
    assert.equal(i18nFor('en').n('queue.matches', 1), '1 finding matches, most severe first.');
    assert.equal(i18nFor('en').n('queue.matches', 1234), '1,234 findings match, most severe first.');
    assert.equal(z.n('queue.matches', 2), '2 条发现符合条件，最严重的在前。');
    assert.equal(z.html('help.d', { enter: '<kbd>Enter</kbd>' }), '驳回：选择理由，然后按 <kbd>Enter</kbd>');
  });
});

describe('choosing the language', () => {
  test('the cookie wins; else the supported language the browser ranks highest; else English', () => {
    assert.equal(negotiate(undefined, undefined), 'en');
    assert.equal(negotiate(undefined, 'zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
    assert.equal(negotiate(undefined, 'zh-TW'), 'zh');
    assert.equal(negotiate(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8'), 'en');
    assert.equal(negotiate(undefined, 'fr-FR,zh;q=0.5,en;q=0.4'), 'zh', 'French is not offered: the next choice');
    assert.equal(negotiate(undefined, 'fr-FR,de'), 'en');
    assert.equal(negotiate(undefined, 'en;q=0.2,zh;q=0.7'), 'zh');
    assert.equal(negotiate('en', 'zh-CN'), 'en');
    assert.equal(negotiate('zh', 'en'), 'zh');
    assert.equal(negotiate('xx', 'zh'), 'zh', 'a cookie of no language we have is ignored');
  });

  test('metric names in either language are read as the metric', () => {
    assert.equal(metricIdOf('营业收入'), 'revenue');
    assert.equal(metricIdOf('归母净利润'), 'net_profit');
    assert.equal(metricIdOf('Net Profit'), 'net_profit');
    assert.equal(metricIdOf(' revenue '), 'revenue');
    assert.equal(metricIdOf('my_new_metric'), 'my_new_metric');
    assert.equal(metricIdOf(''), '');
  });
});

describe('the app in the reader’s language', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ fixture: true, users: [['alice', 'reviewer']] });
  });
  after(() => app.close());

  const zhClient = () => {
    const c = new Client(app.url);
    const get = c.get.bind(c);
    // Accept-Language as a Chinese browser sends it.
    c.get = async (path: string) => {
      const saved = globalThis.fetch;
      globalThis.fetch = ((url: string, init: RequestInit) => saved(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'accept-language': 'zh-CN,zh;q=0.9' } })) as typeof fetch;
      try {
        return await get(path);
      } finally {
        globalThis.fetch = saved;
      }
    };
    return c;
  };

  test('signed out, a Chinese browser gets the sign-in page in Chinese; the switch turns it to English', async () => {
    const c = zhClient();
    const page = await c.get('/queue');
    assert.equal(page.status, 401);
    assert.match(page.text, /<html lang="zh-CN">/);
    assert.match(page.text, /登录后即可审核/);
    assert.match(page.headers.get('vary') ?? '', /Accept-Language/i);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const sw = await c.post('/lang', { lang: 'en', back: '/queue', _csrf: token });
    assert.equal(sw.status, 303, 'the switch works signed out');
    assert.equal(sw.headers.get('location'), '/queue');
    assert.match(sw.headers.getSetCookie().join(), /cc_lang=en; Path=\/; Max-Age=31536000; SameSite=Lax/);
    const again = await c.get('/queue');
    assert.match(again.text, /<html lang="en">/, 'the choice beats Accept-Language');
    assert.match(again.text, /Sign in to review/);
    const bad = await c.post('/lang', { lang: 'fr', _csrf: token });
    assert.equal(bad.status, 400);
    // On a page a POST produced, the switch goes back to the page the form was on, not to the POST's address.
    assert.match(bad.text, /name="back" value="\/"/);
    const refused = await c.post('/login', { name: 'alice', password: 'wrong password', _csrf: token }, { referer: `${app.url}/login?next=%2Fqueue` });
    assert.match(refused.text, /name="back" value="\/login\?next=%2Fqueue"/);
  });

  test('signed in, in Chinese: labels, metric names from the lexicon, values, messages and errors', async () => {
    const c = zhClient();
    const token = /name="_csrf" value="([^"]+)"/.exec((await c.get('/login')).text)![1]!;
    await c.post('/login', { name: 'alice', password: 'correct horse battery', _csrf: token });
    const q = await c.get('/queue');
    assert.equal(q.status, 200);
    assert.match(q.text, /<a href="\/queue" aria-current="page">审核队列/);
    assert.match(q.text, /科大讯飞 · 营业收入 · 2023-Q1\.\.Q3 · 同比变化/, 'the fact in Chinese, the metric by its lexicon name');
    assert.match(q.text, /科大讯飞 · 归母净利润 · 2023-Q3/, 'net_profit by the name the desk uses, not the lexicon’s longest');
    assert.match(q.text, /<option value="revenue" >营业收入<\/option>/, 'the metric filter lists names, not ids');
    assert.match(q.text, /126\.14亿 CNY/, 'values as Chinese readers write them');
    assert.match(q.text, /确认 <kbd>c<\/kbd>/);
    assert.doesNotMatch(q.text, />Review queue</);
    const f = app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
    const t = /name="_csrf" value="([^"]+)"/.exec(q.text)![1]!;
    await c.post(`/findings/${f.id}/review`, { action: 'confirm', _csrf: t, back: '/queue' });
    assert.match((await c.get('/queue')).text, /<p class="flash ok" role="status">已确认：科大讯飞 · 营业收入/, 'the confirmation in Chinese');
    const missing = await c.get('/findings/fnothere');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /没有这个 id 的发现/);
    const bad = await c.get('/queue?status=nonsense');
    assert.match(bad.text, /未知的状态“nonsense”/);
    const article = await c.get(`/articles/${idA}`);
    assert.match(article.text, /<option value="net_profit" label="归母净利润">/, 'metric choices carry their Chinese names');
    // A Chinese metric name in a correction is read as the metric's id.
    const claim = app.store.read().claims.find((x) => x.articleId === idA && x.metric === 'net_profit')!;
    const r = await c.post(`/articles/${idA}/claims/${claim.id}/correct`, { _csrf: t, metric: '营业收入', period: claim.period!, subject: claim.subject });
    assert.equal(r.status, 303);
    assert.equal(app.store.read().corrections.at(-1)!.metric, 'revenue');
  });
});
