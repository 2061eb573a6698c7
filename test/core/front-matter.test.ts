import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { plainMapping, splitFrontMatter } from '../../server/ingest/front-matter.js';

test('plain key: value front matter is read without the YAML parser, as the parser reads it', () => {
  assert.deepEqual(plainMapping('title: "Q3: revenue fell"\npublisher: Example Daily\ndate: 2023-10-23\nlanguage: zh'), {
    title: 'Q3: revenue fell',
    publisher: 'Example Daily',
    date: '2023-10-23',
    language: 'zh',
  });
  assert.deepEqual(plainMapping("title: 'it is'\r\nurl: https://example.com/a?b=1#c"), { title: 'it is', url: 'https://example.com/a?b=1#c' });
});

test('anything YAML could read differently goes to the parser', () => {
  for (const src of ['date: 2023', 'title: true', 'title: ~', 'title: a # note', 'title: a: b', 'title: [a, b]', 'title: "a\\"b"', "title: 'it''s'", 'title: x\ntitle: y', '# c\ntitle: x', 'title:', 'title: >\n  folded', 'title: .5', 'title: -x'])
    assert.equal(plainMapping(src), undefined, src);
  // And the front matter still comes out right through the parser.
  assert.equal(splitFrontMatter("---\ntitle: 'it''s'\ndate: 2023\n---\nbody").meta.title, "it's");
  assert.equal(splitFrontMatter('---\ntitle: x\ndate: 2023\n---\nbody').meta.date, '2023');
});

test('the plain reading agrees with the YAML parser on random front matter', () => {
  const keys = ['title', 'date', 'url', 'x-y', 'publisher', 'Title'];
  const seps = [': ', ':  ', ':', ' : ', ':\t'];
  const bits = ['abc', "TSMC's", '"q"', "'s'", '2016-02-01', '2016', '1e3', '0x1F', '.5', '+1', '-x', '- x', 'true', 'True', 'NULL', '~', 'a: b', 'a #c', 'a#c', '#c', '[a]', '{a}', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', '"a\\"b"', '"a\\nb"', "'it''s'", '"open', '', ' ', '营收126亿元', 'http://x.y/z?a=1#f', 'a:b', 'a:', 'x\u2028y', '.inf', '0o7', '"', "'", '?', ',x', 'yes', 'on', '12:30', '2023.10.23', '1_000', '1.', '+.5', '0b11', '1e+3', '-0', '1.5e-3', 'Yes', 'OFF', '2023-10-23T08:00:00Z'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let plain = 0;
  for (let i = 0; i < 20000; i++) {
    const lines: string[] = [];
    for (let l = 0, n = 1 + rnd(4); l < n; l++) {
      const r = rnd(20);
      if (r === 0) lines.push(['', '# c', '  more', '- item'][rnd(4)]!);
      else lines.push(keys[rnd(keys.length)]! + seps[rnd(seps.length)]! + Array.from({ length: 1 + rnd(3) }, () => bits[rnd(bits.length)]).join(rnd(2) ? ' ' : ''));
    }
    const src = lines.join(rnd(5) ? '\n' : '\r\n');
    const fast = plainMapping(src);
    if (fast === undefined) continue;
    plain++;
    assert.deepEqual(fast, parse(src), JSON.stringify(src));
  }
  // The comparison means something only if many cases took the plain path.
  assert.ok(plain > 500, `${plain} plain cases`);
});
