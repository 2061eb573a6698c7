// The phrase matcher (server/extract/model/phrase-matcher.ts) stands in for the lexicon's
// alias alternations: it must find exactly what their regex finds, match for match.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phraseMatcher } from '../../server/extract/model/phrase-matcher.js';
import { deicticRe, entityRe, findAll, metricRe, phraseRegex, re, segmentRe, type Phrases } from '../../server/extract/model/lexicon.js';

const spans = (ms: Array<{ text: string; start: number }>) => ms.map((m) => `${m.start}:${m.text}`);
const find = (phrases: string[], s: string, ignoreCase = true) => spans(phraseMatcher(phrases, ignoreCase).findAll(s));

/** What the regex alone finds: its exec loop, as findAll read it before the trie. */
function byRegex(table: Phrases, s: string, from = 0): string[] {
  const g = new RegExp(table.source, table.flags);
  g.lastIndex = from;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(s))) out.push(`${m.index}:${m[0]}`);
  return out;
}

describe('phrase matcher', () => {
  test('takes the leftmost match, and the longest phrase there', () => {
    assert.deepEqual(find(['net', 'net income', 'income'], 'our net income rose'), ['4:net income']);
    assert.deepEqual(find(['cd', 'bcde'], '(bcde)'), ['1:bcde']);
    // A match that starts earlier wins over a longer one that starts later, and the scan goes on from its end.
    assert.deepEqual(find(['营业', '业收入', '收入'], '营业收入'), ['0:营业', '2:收入']);
    assert.deepEqual(find(['净利润', '归母净利润', '利润率'], '归母净利润率'), ['0:归母净利润']);
  });

  test('keeps Latin phrases on word boundaries, falling back to a shorter phrase that keeps them', () => {
    assert.deepEqual(find(['gdp'], 'GDPR and GDP'), ['9:GDP']);
    assert.deepEqual(find(['revenue'], '5revenue revenue5 (revenue)'), ['19:revenue']);
    assert.deepEqual(find(['sales', 'sales tax'], 'sales taxes'), ['0:sales']);
    assert.deepEqual(find(['sales', 'sales tax'], 'sales tax.'), ['0:sales tax']);
    // A phrase that starts or ends on punctuation has no boundary on that side.
    assert.deepEqual(find(['.com'], 'shop.com'), ['4:.com']);
    assert.deepEqual(find(['q3 '], 'the q3 q3x'), ['4:q3 ']);
  });

  test('reads Latin next to Chinese as bounded: Han characters are not word characters', () => {
    assert.deepEqual(find(['iphone', '营收'], '苹果iPhone营收增长'), ['2:iPhone', '8:营收']);
    assert.deepEqual(find(['gpu'], '英伟达GPU出货'), ['3:GPU']);
    assert.deepEqual(find(['gpu'], 'H100GPU'), []);
  });

  test('folds case only when asked, the way a regex without the u flag does', () => {
    assert.deepEqual(find(['net income'], 'Net Income and NET INCOME'), ['0:Net Income', '15:NET INCOME']);
    assert.deepEqual(find(['US'], 'US and us', false), ['0:US']);
    // ſ (long s) and K (Kelvin sign) fold to ASCII only under the u flag.
    assert.deepEqual(find(['sales'], 'ſales'), []);
    assert.deepEqual(find(['kw'], '\u212Aw kW'), ['3:kW']);
  });

  test('reads any typographic hyphen for a hyphen in the phrase', () => {
    assert.deepEqual(find(['non-recurring'], 'non-recurring, non\u2010recurring, non\u2011recurring, non recurring'), [
      '0:non-recurring',
      '15:non\u2010recurring',
      '30:non\u2011recurring',
    ]);
    assert.throws(() => phraseMatcher(['non\u2010recurring'], true));
  });

  test('starting part-way, still looks behind the start for a word boundary', () => {
    const m = phraseMatcher(['profit'], true);
    assert.deepEqual(spans(m.findAll('xprofit profit', 1)), ['8:profit']);
    assert.deepEqual(spans(m.findAll(' profit', 1)), ['1:profit']);
  });

  test('finds nothing with no phrases, and skips empty ones', () => {
    assert.deepEqual(find([], 'anything'), []);
    assert.deepEqual(find(['', 'a'], 'a b'), ['0:a']);
  });
});

describe('phrase matcher against the regex it replaces', () => {
  // Sentences written for this test, mixing the lexicon's aliases, their neighbours and case.
  const sentences = [
    '公司前三季度实现营业收入126.14亿元，同比下滑0.37%；归母净利润为-3.2亿元。',
    'Net income attributable to shareholders rose 12% to $4.1 billion; revenues were $20.3 billion.',
    'Gross margin was 44.5%, and non-GAAP gross margin was 45.1%, while non\u2010recurring items fell.',
    '我国国内生产总值同比增长5.2%，居民消费价格指数上涨0.2%，城镇化率达66.16%。',
    'Microsoft Cloud revenue grew 24%; Intelligent Cloud revenue was $24.3 billion, up 19%.',
    '数据中心业务营收103.2亿美元，游戏业务收入24.9亿美元，汽车业务营收2.53亿美元。',
    'The US economy added 150,000 jobs as us analysts expected; the unemployment rate held at 3.9%.',
    'iPhone营收为438亿美元，Services revenue reached $22.3 billion, Mac sales fell 34%.',
    'Tesla delivered 435,059 vehicles; automotive revenues of $19.6 billion, energy storage deployments 4.0 GWh.',
    '科大讯飞第三季度营业收入50.2亿元，扣非净利润为0.26亿元，毛利率为41.8%（同比+2.1pct）。',
    'EPS of $1.22 beat estimates; analysts had forecast EPS of $1.10 and expected revenue to rise.',
    '预计全年出生人口902万人，死亡人口1110万人，人口自然增长率为-1.48‰。',
    'REVENUE,NET INCOME;GROSS-MARGIN:operating income(loss)',
    'ABCrevenue revenueABC 营收revenue营收 5GDP GDP5',
  ];
  const tables: Array<[string, Phrases]> = [
    ['metricRe', metricRe],
    ['entityRe', entityRe],
    ['segmentRe', segmentRe],
    ['deicticRe', deicticRe],
    ...Object.entries(re),
  ];

  for (const [name, table] of tables)
    test(`${name}: the same matches on every sentence, from every position`, () => {
      for (const s of sentences) {
        assert.deepEqual(spans(table.matcher.findAll(s)), byRegex(table, s), s);
        for (let from = 1; from < s.length; from++) assert.deepEqual(spans(table.matcher.findAll(s, from)), byRegex(table, s, from), `${s} from ${from}`);
      }
    });

  test('case folding: each character of the case-folded tables matches the same code units as its regex', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    const chars = new Set([...metricRe.source, ...segmentRe.source, ...re.aspectEn.source, ...re.measureEn.source].filter((c) => !/[\\|()[\]?<!=\u2010\u2011-]/.test(c)));
    for (const c of chars) assert.deepEqual(spans(phraseMatcher([c], true).findAll(all)), byRegex(phraseRegex([c], 'gi'), all), `U+${c.charCodeAt(0).toString(16)}`);
  });

  test('findAll reads the large tables (metrics, entities) with the trie and the small ones with the regex', () => {
    assert.deepEqual(tables.filter(([, t]) => t.trie).map(([name]) => name), ['metricRe', 'entityRe']);
    for (const [name, table] of tables) for (const s of sentences) assert.deepEqual(spans(findAll(table, s)), byRegex(table, s), `${name}: ${s}`);
  });

  test('random tables of overlapping phrases on random text', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const alphabet = ['a', 'B', 'b', '1', ' ', '-', '\u2010', '营', '收', '.'];
    const word = (max: number) => Array.from({ length: 1 + rand(max) }, () => alphabet[rand(alphabet.length)]!).join('').replace(/\u2010/g, '-');
    for (let round = 0; round < 300; round++) {
      const table = phraseRegex(Array.from({ length: 1 + rand(8) }, () => word(4)), rand(2) ? 'gi' : 'g');
      for (let k = 0; k < 5; k++) {
        const s = Array.from({ length: 10 }, () => alphabet[rand(alphabet.length)]!).join('') + word(30);
        assert.deepEqual(spans(table.matcher.findAll(s)), byRegex(table, s), `${table.source} on ${JSON.stringify(s)}`);
      }
    }
  });
});
