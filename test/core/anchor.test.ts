// Anchors (TextQuote + TextPosition): found again after edits elsewhere in the article,
// orphaned when their text is gone, never moved to a guess. Re-ingest re-anchors notes and
// corrections; corrections apply to the claims they anchor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation, Correction } from '../../server/types.js';
import { anchorAt, effectiveClaims, ingestArticles, locate } from '../../server/check/index.js';
import { memoryStore } from '../../server/store/index.js';
import { makeArticle } from './helpers.js';

const TEXT = '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。';
const at = (text: string, quote: string, from = 0) => {
  const i = text.indexOf(quote, from);
  assert.ok(i >= 0, quote);
  return anchorAt(text, i, i + quote.length);
};

describe('anchorAt', () => {
  test('keeps the quote, up to 32 characters of context each side, and the position', () => {
    const a = at(TEXT, '0.27%');
    assert.equal(a.exact, '0.27%');
    assert.equal(TEXT.slice(a.start, a.end), '0.27%');
    assert.ok(TEXT.slice(0, a.start).endsWith(a.prefix));
    assert.ok(TEXT.slice(a.end).startsWith(a.suffix));
    assert.equal(a.prefix.length, 32);
    assert.equal(anchorAt(TEXT, 0, 4).prefix, '');
  });
});

describe('locate', () => {
  test('an unchanged text: the same place', () => {
    const a = at(TEXT, '126亿元');
    assert.deepEqual(locate(TEXT, a), { start: a.start, end: a.end });
  });
  test('after an insertion before the quote, it moves with its text', () => {
    const a = at(TEXT, '0.27%');
    const edited = '【更正】' + TEXT;
    const r = locate(edited, a);
    assert.deepEqual(r, { start: a.start + 4, end: a.end + 4 });
  });
  test('after edits around it, context picks the right one of two equal quotes', () => {
    const text = '营业收入同比增长5%。净利润同比增长5%。';
    const second = at(text, '5%', text.indexOf('净利润'));
    const edited = '前言。营业收入同比增长5%（修订）。净利润同比增长5%。';
    const r = locate(edited, second);
    assert.ok(r);
    assert.equal(r.start, edited.lastIndexOf('5%'));
  });
  test('when the quote is gone, the anchor is orphaned (null), never moved to a guess', () => {
    const a = at(TEXT, '0.27%');
    assert.equal(locate(TEXT.replace('0.27%', '0.37%'), a), null);
  });
  test('a short quote found elsewhere with unrelated context is not the same place', () => {
    const a = at(TEXT, '76%');
    const other = '完全不同的文章。毛利率为76%左右。';
    assert.equal(locate(other, a), null);
  });
  test('an empty quote never locates', () => {
    assert.equal(locate(TEXT, { exact: '', prefix: '', suffix: '', start: 0, end: 0 }), null);
  });
});

describe('re-anchoring on re-ingest', () => {
  test('a changed article moves notes and corrections with their text, and orphans the ones whose text is gone', async () => {
    const v1 = makeArticle(TEXT, { path: 'xhz.txt', date: '2023-10-28', title: '科大讯飞三季报' });
    const store = memoryStore();
    await ingestArticles(store, [v1]);
    const keep: Annotation = { id: 'n1', articleId: v1.id, anchor: at(TEXT, '9936万元'), comment: '核对', createdAt: 'x' };
    const lose: Annotation = { id: 'n2', articleId: v1.id, anchor: at(TEXT, '0.27%'), comment: '疑误', createdAt: 'x' };
    const fix: Correction = { id: 'k1', articleId: v1.id, anchor: at(TEXT, '126亿元'), metric: 'revenue', createdAt: 'x' };
    await store.update((d) => {
      d.annotations.push(keep, lose);
      d.corrections.push(fix);
    });

    const text2 = '【更新】' + TEXT.replace('0.27%', '0.37%');
    const v2 = makeArticle(text2, { path: 'xhz.txt', date: '2023-10-28', title: '科大讯飞三季报' });
    const r = await ingestArticles(store, [v2]);
    assert.equal(r.changed, 1);
    const db = store.read();
    const n1 = db.annotations.find((a) => a.id === 'n1')!;
    assert.equal(n1.orphaned, undefined);
    assert.equal(text2.slice(n1.anchor.start, n1.anchor.end), '9936万元');
    const n2 = db.annotations.find((a) => a.id === 'n2')!;
    assert.equal(n2.orphaned, true);
    assert.equal(n2.anchor.exact, '0.27%', 'an orphaned anchor keeps what it pointed at');
    const k1 = db.corrections[0]!;
    assert.equal(text2.slice(k1.anchor.start, k1.anchor.end), '126亿元');
  });
});

describe('corrections apply to the claims they anchor', () => {
  const article = makeArticle(TEXT, { path: 'k.txt', date: '2023-10-28', title: '科大讯飞三季报' });
  const claimsOf = async () => {
    const store = memoryStore();
    await ingestArticles(store, [article]);
    return store.read();
  };
  test('metric, period and subject are overridden, with the reason', async () => {
    const db = await claimsOf();
    const target = db.claims.find((c) => c.quote === '126亿元')!;
    db.corrections.push({ id: 'k', articleId: article.id, anchor: anchorAt(TEXT, target.start, target.end), period: '2023-Q3', subject: 'huawei', createdAt: 'x' });
    const fixed = effectiveClaims(db).find((c) => c.id === target.id)!;
    assert.equal(fixed.period, '2023-Q3');
    assert.equal(fixed.subject, 'huawei');
    assert.equal(fixed.why.period, 'corrected by a reviewer');
    assert.equal(target.period, '2023-Q1..Q3', 'the stored claim is untouched');
  });
  test('not a claim: removed; an orphaned correction: ignored', async () => {
    const db = await claimsOf();
    const target = db.claims.find((c) => c.quote.includes('76%'))!;
    db.corrections.push({ id: 'k', articleId: article.id, anchor: anchorAt(TEXT, target.start, target.end), notAClaim: true, createdAt: 'x' });
    assert.ok(!effectiveClaims(db).some((c) => c.id === target.id));
    db.corrections[0]!.orphaned = true;
    assert.ok(effectiveClaims(db).some((c) => c.id === target.id));
  });
});
