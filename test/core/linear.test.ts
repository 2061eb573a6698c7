// Extraction is linear in its input: what each figure of a clause asks about the text before it
// is answered from one scan of the clause (server/extract/before.ts), never by re-reading the
// clause per figure. These tests check that the shared answers are exactly the per-figure ones,
// on random text made of the words the patterns look for, and that a run-on sentence of figures
// reads the same figures as the same figures written one sentence each.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesBefore } from '../../server/extract/before.js';
import { aspectsOf, forecastBefore } from '../../server/extract/compute/9-aspects.js';
import { segmentRe } from '../../server/extract/model/lexicon.js';
import { makeArticle } from './helpers.js';
import { extractClaims } from '../../server/extract/index.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const textOf = (rand: () => number, words: string[], length: number) => {
  let s = '';
  while (s.length < length) s += words[Math.floor(rand() * words.length)];
  return s;
};

describe('matches before a figure, from one scan of its clause', () => {
  const words = ['占', '比', '的', 'a', ' share of', 'accounting for', '业务', '板块', '收入', '营收', '数据中心', '，', '。', ',', '1', 'x', '服务', 'Services', 'cloud', ' ', 'iPhone', '比重', 'proportion of'];
  const cases: Array<[RegExp, number]> = [
    [/占(?!比)|accounting for|accounted for|accounts for|account for|making up|made up|a share of/i, 16],
    [/占比|比重|占[^，,]{0,12}的|share of|proportion of/i, 16],
    [/([\u4e00-\u9fffA-Za-z]{1,8}?)(业务|板块|分部)(?!收入|营收)/, 12],
    [/[，。；]/, 1],
    [segmentRe, segmentRe.longest + 1],
  ];
  test('the first and last match are those of a scan of the prefix itself', () => {
    const rand = random(10);
    for (let t = 0; t < 300; t++) {
      const s = textOf(rand, words, 5 + Math.floor(rand() * 150));
      const from = Math.floor(rand() * 10);
      const limit = s.length - Math.floor(rand() * 5);
      for (const [re, width] of cases)
        for (let to = from; to <= limit; to++) {
          const all = [...s.slice(from, to).matchAll(new RegExp(re.source, re.flags.replace('g', '') + 'g'))];
          const got = matchesBefore(re, width, s, from, limit, to);
          const show = (m?: RegExpMatchArray) => (m ? `${m.index}:${m[0]}:${m[1] ?? ''}` : '-');
          assert.equal(show(got.first), show(all[0]), `${re.source.slice(0, 30)} on «${s.slice(from, to)}»`);
          assert.equal(show(got.last), show(all[all.length - 1]), `${re.source.slice(0, 30)} on «${s.slice(from, to)}»`);
        }
    }
  });

  test('a forecast word before a period is found as by reading the prefix', () => {
    const rand = random(20);
    const words = ['预计', '预期', '超预期', '超出预期', '符合预期', '海外', '目标', 'expected', 'than expected', 'beat expectations', ' ', 'x', '1', '1', 'x', 'Forecasts of', '预', '期', 'than expecte', 'd', 'guidance', '，'];
    for (let t = 0; t < 200; t++) {
      const s = textOf(rand, words, 20 + Math.floor(rand() * 300));
      for (let end = 0; end <= s.length; end++)
        assert.equal(forecastBefore(s, end), aspectsOf(s, { start: 0, end }, []).aspects.some((a) => a.startsWith('forecast')), `«${s.slice(0, end)}»`);
    }
  });
});

describe('a run-on sentence of figures', () => {
  const key = (c: ReturnType<typeof extractClaims>[number]) => [c.quote, c.value, c.unit, c.measure, c.metric, c.subject, c.period, c.aspects.join('+')].join('|');
  test('各业务收入分别…、… reads every figure, as the same list of fewer figures does', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `${(i % 97) + 1}.${i % 10}%`);
    const long = extractClaims(makeArticle(`比亚迪各业务收入分别${items.join('、')}。`, { language: 'zh', title: 'T' }));
    const short = extractClaims(makeArticle(`比亚迪各业务收入分别${items.slice(0, 30).join('、')}。`, { language: 'zh', title: 'T' }));
    assert.equal(long.length, 3000);
    assert.deepEqual(long.slice(0, 30).map(key), short.map(key));
  });
  test('a comma-only run in English reads the figures as the short run does', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `${i % 1000}%`);
    const long = extractClaims(makeArticle(`Revenue rose, ${items.join(', ')}.`, { language: 'en', title: 'T' }));
    const short = extractClaims(makeArticle(`Revenue rose, ${items.slice(0, 30).join(', ')}.`, { language: 'en', title: 'T' }));
    assert.deepEqual(long.slice(0, 30).map(key), short.map(key));
  });
});
