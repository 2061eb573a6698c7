// Segments for in-place highlighting: they cover the text exactly, the innermost claim wins,
// labels go where a claim ends, and every CR sits in its own segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentsOf, type Mark } from '../../server/web/model/highlight.js';

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

test('segments cover the text exactly and carry their offsets', () => {
  const text = '收入126.14亿元，同比下滑0.37%。';
  const marks: Mark[] = [{ kind: 'claim', id: 'a', start: 2, end: 10, state: 'rounding' }, { kind: 'claim', id: 'b', start: 15, end: 20, state: 'discrepancy' }];
  const segs = segmentsOf(text, marks);
  assert.equal(join(segs), text);
  for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
  const b = segs.find((s) => s.claim?.id === 'b')!;
  assert.equal(b.text, '0.37%');
  assert.equal(b.claimEnds, true);
  assert.equal(segs.filter((s) => s.claim).length, 2);
});

test('a claim inside a longer one stays visible, and the longer one is labelled where it ends', () => {
  const text = 'revenue of 12.6 billion yuan';
  const segs = segmentsOf(text, [
    { kind: 'claim', id: 'outer', start: 11, end: 28, state: 'single' },
    { kind: 'claim', id: 'inner', start: 11, end: 15, state: 'discrepancy' },
  ]);
  assert.deepEqual(segs.filter((s) => s.claim).map((s) => [s.text, s.claim!.id, !!s.claimEnds]), [
    ['12.6', 'inner', true],
    [' billion yuan', 'outer', true],
  ]);
});

test('notes and claims overlap without losing either', () => {
  const segs = segmentsOf('abcdefgh', [
    { kind: 'claim', id: 'c', start: 2, end: 5 },
    { kind: 'note', id: 'n', start: 4, end: 7 },
  ]);
  assert.deepEqual(segs.map((s) => [s.text, s.claim?.id ?? '', s.note?.id ?? '']), [
    ['ab', '', ''],
    ['cd', 'c', ''],
    ['e', 'c', 'n'],
    ['fg', '', 'n'],
    ['h', '', ''],
  ]);
});

test('each carriage return gets its own segment so DOM offsets match article offsets', () => {
  const text = 'line one\r\nline 2: 5%\r\n';
  const segs = segmentsOf(text, [{ kind: 'claim', id: 'p', start: 18, end: 20 }]);
  assert.equal(join(segs), text);
  const crs = segs.filter((s) => s.text.includes('\r'));
  assert.ok(crs.length === 2 && crs.every((s) => s.text === '\r'));
});

test('marks outside the text are ignored rather than breaking the page', () => {
  const segs = segmentsOf('short', [{ kind: 'claim', id: 'x', start: 3, end: 99 }, { kind: 'claim', id: 'y', start: 4, end: 4 }]);
  assert.equal(join(segs), 'short');
  assert.ok(segs.every((s) => !s.claim));
});
