// A claims.json of the wrong shape is refused with a message naming the entry, and never
// overwritten; a non-finite number is never stored (JSON would turn it into null).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDb, normaliseDb, openJsonStore } from '../../server/store/index.js';
import { dropNonFinite, nonFinitePath } from '../../server/store/finite.js';
import type { Claim } from '../../server/types.js';

let dir: string;
before(() => void (dir = mkdtempSync(join(tmpdir(), 'crosscheck-shape-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const claim = (over: Partial<Claim> = {}): Claim => ({
  id: 'c1', articleId: 'a1', quote: '126亿元', start: 0, end: 6, sentence: 's', sentenceStart: 0, value: 1.26e10, unit: 'CNY',
  precision: 1e8, qualifier: 'exact', measure: 'level', subject: 'iflytek', metric: 'revenue', period: '2023-Q1..Q3', aspects: [], why: {}, origin: 'extracted',
  ...over,
});

describe('db shape, entry by entry', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['null', 'null', /does not hold a Crosscheck database \(expected a JSON object, found null\)/],
    ['numbers as articles', '{"articles":[1,2]}', /articles\[0\]: should be an object, found 1/],
    ['a null review', '{"reviews":[null]}', /reviews\[0\]: should be an object, found null/],
    ['a claim with a null value', JSON.stringify({ claims: [claim(), claim({ id: 'c2', value: null as unknown as number })] }), /claims\[1\] \(id c2\): "value" should be a finite number, found null/],
    ['an annotation without anchor', '{"annotations":[{"id":"n1","articleId":"a","comment":"c","createdAt":"x"}]}', /annotations\[0\] \(id n1\): "anchor" should be an anchor/],
    ['a review without status', '{"reviews":[{"findingId":"f9","updatedAt":"x"}]}', /reviews\[0\] \(id f9\): "status" should be a string, found nothing/],
    ['a primary source without its figure', '{"reviews":[{"findingId":"f8","status":"open","updatedAt":"x","primarySource":{"url":"https://x.test/","printed":"1","value":null,"unit":"%","precision":1,"by":"a","at":"x"}}]}', /reviews\[0\] \(id f8\): "primarySource" should be a primary source \{url, printed, value, unit, precision, by, at\}, found an object/],
  ];
  for (const [name, text, message] of cases)
    test(`${name}: refused, named, the file untouched`, async () => {
      const file = join(dir, `${name.replace(/\W/g, '_')}.json`);
      writeFileSync(file, text);
      await assert.rejects(openJsonStore(file), (e: Error) => {
        assert.match(e.message, message);
        assert.ok(e.message.includes(file), 'names the file');
        assert.match(e.message, /left untouched/);
        return true;
      });
      assert.equal(readFileSync(file, 'utf8'), text);
    });

  test('a well-formed db passes, optional fields may be absent', () => {
    const db = { ...emptyDb(), claims: [claim({ countOf: undefined })], reviews: [{ findingId: 'f', status: 'open', updatedAt: 'x' }] };
    assert.deepEqual(normaliseDb(JSON.parse(JSON.stringify(db)), 'f.json').claims[0]!.id, 'c1');
  });
});

describe('non-finite numbers', () => {
  test('nonFinitePath finds the field', () => {
    assert.equal(nonFinitePath(claim({ value: Infinity })), 'value');
    assert.equal(nonFinitePath({ anchor: { start: NaN } }), 'anchor.start');
    assert.equal(nonFinitePath(claim()), null);
  });

  test('an entry holding Infinity is not stored; the rest of the batch is', async () => {
    const file = join(dir, 'inf.json');
    const s = await openJsonStore(file);
    const logged: string[] = [];
    const saved = console.error;
    console.error = (m: string) => void logged.push(m);
    try {
      await s.update((d) => void d.claims.push(claim(), claim({ id: 'cinf', value: Infinity }), claim({ id: 'cnan', precision: NaN })));
    } finally {
      console.error = saved;
    }
    const back = await openJsonStore(file);
    assert.deepEqual(back.read().claims.map((c) => c.id), ['c1']);
    assert.match(logged.join('\n'), /claims\[1\] \(id cinf\): value is Infinity/);
    assert.match(logged.join('\n'), /claims\[2\] \(id cnan\): precision is NaN/);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /null/);
  });

  test('dropNonFinite leaves a clean db alone', () => {
    const db = { ...emptyDb(), claims: [claim()] };
    const before = db.claims;
    assert.deepEqual(dropNonFinite(db), []);
    assert.equal(db.claims, before);
  });
});
