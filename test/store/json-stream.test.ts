// JSON written in pieces (report, claims.json) and read back line by line: the same value as
// JSON.stringify/JSON.parse, one entry per line, never one string for the whole text.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batched, jsonChunks, linesOf, parseJsonLines, prettyJsonChunks, writeChunks, writeJson } from '../../server/store/json-stream.js';
import { openJsonStore } from '../../server/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-json-stream-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sample = {
  generatedAt: '2026-12-07T00:00:00.000Z',
  articles: [{ id: 'a1', text: 'line one\nline two, with a comma,', title: 'Ends with a comma,' }, { id: 'a2', text: '營收\u2028下降' }],
  claims: [{ id: 'c1', value: -0.37, why: { metric: '"revenue" before it' } }, 'a string entry,', 7, null],
  empty: [],
  nothing: undefined,
  nested: { deep: [1, 2, { x: '}' }] },
};
const text = () => [...jsonChunks(sample)].join('');

describe('jsonChunks', () => {
  test('is the JSON of the object, undefined fields left out as JSON.stringify does', () => {
    assert.deepEqual(JSON.parse(text()), JSON.parse(JSON.stringify(sample)));
    assert.ok(!('nothing' in JSON.parse(text())));
  });

  test('puts each entry of a top-level array on a line of its own', () => {
    const lines = text().split('\n');
    assert.ok(lines.includes('{"id":"c1","value":-0.37,"why":{"metric":"\\"revenue\\" before it"}},'));
    assert.ok(lines.includes('"empty":[],'));
    assert.equal(lines.filter((l) => l.startsWith('{"id":"a')).length, 2, 'two article lines');
  });

  test('yields chunks of about a megabyte for a big array, not one string', () => {
    const big = { claims: Array.from({ length: 30_000 }, (_, i) => ({ id: `c${i}`, sentence: 'x'.repeat(100) })) };
    const chunks = [...jsonChunks(big)];
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 1.1 * 1048576);
    assert.deepEqual(JSON.parse(chunks.join('')), big);
  });
});

describe('prettyJsonChunks', () => {
  const awkward: unknown[] = [
    sample,
    {},
    [],
    { gone: undefined, fn: () => 1, sym: Symbol('s') },
    [undefined, () => 1, Symbol('s'), , 1],
    { a: [], b: {}, c: [[]], d: [{}], e: null, f: 'x\ny\u2028"\\', g: { h: [1, { i: [2, { j: [] }] }], k: undefined } },
    { date: new Date(0), map: new Map([[1, 2]]), dates: [new Date(1)], bare: Object.create(null), own: { toJSON: () => ({ q: [1, 2] }) }, n: [NaN, -0, 1e21, 0.1] },
    { '': { '\n': ['\n', '}', ','] }, 2: 'two', 1: 'one' },
    'a string',
    7,
    null,
  ];

  test('is JSON.stringify(x, null, 2) to the byte: undefined, functions, toJSON, holes, empties and nesting', () => {
    for (const v of awkward) assert.equal([...prettyJsonChunks(v)].join(''), JSON.stringify(v, null, 2));
  });

  test('yields each array entry on its own, so batched() can cut it anywhere between them', () => {
    const v = { findings: [{ id: 'f1' }, { id: 'f2', claimIds: ['a', 'b'] }], more: { items: [1, 2, 3] } };
    const pieces = [...prettyJsonChunks(v)];
    assert.ok(pieces.length >= 6, `${pieces.length} pieces`);
    for (const size of [1, 10, 1 << 20]) assert.equal([...batched(pieces, size)].join(''), JSON.stringify(v, null, 2));
  });
});

describe('parseJsonLines', () => {
  test('reads back what jsonChunks wrote, commas and line separators in strings included', async () => {
    assert.deepEqual(await parseJsonLines(text().split('\n')), JSON.parse(JSON.stringify(sample)));
  });

  test('says undefined for another layout or a cut-off file, so the caller parses it whole or reports it', async () => {
    assert.equal(await parseJsonLines(JSON.stringify(sample, null, 2).split('\n')), undefined);
    assert.equal(await parseJsonLines([JSON.stringify(sample)]), undefined);
    const lines = text().split('\n');
    assert.equal(await parseJsonLines(lines.slice(0, lines.length - 3)), undefined, 'no closing brace');
  });

  test('reads a file through linesOf, split across read chunks', async () => {
    const file = join(dir, 'big.json');
    const big = { articles: [{ id: 'a', text: '科'.repeat(700_000) }], claims: Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, q: '億元' })) };
    writeFileSync(file, [...jsonChunks(big)].join(''));
    assert.deepEqual(await parseJsonLines(linesOf(file)), big);
  });
});

describe('writeJson', () => {
  test('waits for a full stream to drain before writing more', async () => {
    const sink = Object.assign(new EventEmitter(), {
      chunks: [] as string[],
      write(c: string) {
        this.chunks.push(c);
        return false; // always "full": each chunk must wait for 'drain'
      },
    });
    const big = { claims: Array.from({ length: 30_000 }, (_, i) => ({ id: `c${i}`, sentence: 'y'.repeat(100) })) };
    let finished = false;
    const done = writeJson(sink, big).then(() => (finished = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(sink.chunks.length, 1, 'one chunk, then it waits');
    while (!finished) {
      sink.emit('drain');
      await new Promise((r) => setImmediate(r));
    }
    await done;
    assert.deepEqual(JSON.parse(sink.chunks.join('')), big);
  });
});

describe('writeChunks', () => {
  const fullSink = () =>
    Object.assign(new EventEmitter(), {
      written: 0,
      write() {
        this.written++;
        return false;
      },
    });

  test('gives up when the stream closes while it waits for a drain (a cancelled download), without reading on', async () => {
    const sink = fullSink();
    let made = 0;
    const chunks = (function* () {
      for (;;) yield `chunk ${made++}`;
    })();
    const done = writeChunks(sink, chunks);
    await new Promise((r) => setImmediate(r));
    sink.emit('close');
    await assert.rejects(done, /closed before the end/);
    assert.equal(made, 1);
    assert.equal(sink.listenerCount('drain') + sink.listenerCount('error') + sink.listenerCount('close'), 0, 'no listener left behind');
  });

  test("rejects with the stream's error, even one that comes while no drain is awaited", async () => {
    const sink = Object.assign(new EventEmitter(), { write: () => true });
    const chunks = (function* () {
      yield 'one';
      sink.emit('error', new Error('ENOSPC'));
      yield 'two';
      yield 'three';
    })();
    await assert.rejects(writeChunks(sink, chunks), /ENOSPC/);
  });
});

describe('claims.json in pieces', () => {
  test('the store writes one entry per line, and it reads back line by line as it does whole', async () => {
    const file = join(dir, 'claims.json');
    const s = await openJsonStore(file);
    await s.update((d) => {
      d.reviews.push({ findingId: 'f1', status: 'confirmed', updatedAt: '2026-12-07T00:00:00.000Z', note: 'checked,\nagainst the filing' });
      d.reviews.push({ findingId: 'f2', status: 'open', updatedAt: '2026-12-07T00:00:00.000Z' });
    });
    const written = readFileSync(file, 'utf8');
    assert.equal(written.split('\n').filter((l) => l.startsWith('{"findingId"')).length, 2);
    assert.deepEqual(await parseJsonLines(linesOf(file)), JSON.parse(written));
    assert.deepEqual((await openJsonStore(file)).read().reviews.map((r) => r.findingId), ['f1', 'f2']);
  });
});
