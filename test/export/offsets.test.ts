// Code points vs UTF-16 units, on text with emoji and CJK Extension B characters (𠮷, 𩸽).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointOffsets, contextAround, wellFormed } from '../../server/export/offsets.js';

const TEXT = 'a😀b𠮷野家𩸽，营收126亿元👨‍👩‍👧下滑0.27%';
const cps = (s: string) => Array.from(s);
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test('converts UTF-16 offsets to code points after characters outside the BMP', () => {
  const cp = codePointOffsets(TEXT);
  assert.equal(cp(0), 0);
  assert.equal(cp(1), 1); // before 😀
  assert.equal(cp(3), 2); // after 😀 (2 units, 1 code point)
  assert.equal(cp(TEXT.indexOf('𠮷') + 2), 4);
  for (const quote of ['126亿元', '0.27%', '野家']) {
    const start = TEXT.indexOf(quote);
    const [s, e] = [cp(start), cp(start + quote.length)];
    assert.notEqual(s, start, `${quote}: offsets must differ from UTF-16 here`);
    assert.equal(cps(TEXT).slice(s, e).join(''), quote);
  }
  // A family emoji is 3 people + 2 zero-width joiners = 5 code points, 8 UTF-16 units.
  const after = TEXT.indexOf('下滑');
  assert.equal(after - cp(after), 6, 'six surrogate pairs before 下滑');
  assert.equal(cp(TEXT.length), cps(TEXT).length);
});

test('text without surrogate pairs keeps its offsets', () => {
  const cp = codePointOffsets('营业收入126亿元');
  for (let i = 0; i <= 9; i++) assert.equal(cp(i), i);
});

test('context counts code points and never cuts a surrogate pair', () => {
  const start = TEXT.indexOf('126');
  const { prefix, suffix } = contextAround(TEXT, start, start + 3, 5);
  assert.equal(prefix, '家𩸽，营收'); // 5 code points, 6 UTF-16 units
  assert.equal(cps(prefix).length, 5);
  assert.equal(prefix, cps(TEXT.slice(0, start)).slice(-5).join(''));
  assert.equal(cps(suffix).length, 5);
  assert.equal(suffix, cps(TEXT.slice(start + 3)).slice(0, 5).join(''));
  for (let n = 1; n < 12; n++) {
    const c = contextAround(TEXT, start, start + 3, n);
    assert.ok(!LONE.test(c.prefix) && !LONE.test(c.suffix), `no half pair with ${n} code points of context`);
  }
  const b = TEXT.indexOf('b');
  const whole = contextAround(TEXT, b, b + 1, 1); // one code point each side: whole characters
  assert.equal(whole.prefix, '😀');
  assert.equal(whole.suffix, '𠮷');
});

test('stored context with a half pair at its edge is cleaned', () => {
  const half = '😀'.slice(1) + 'abc' + '𠮷'.slice(0, 1);
  assert.equal(wellFormed(half), 'abc');
  assert.equal(wellFormed('a😀b'), 'a😀b');
});
