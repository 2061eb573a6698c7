// The comparison rule: each printed value stands for the interval it could have been rounded
// from (value ± half its last step); qualifiers widen or bound it; verdicts consistent /
// rounding / discrepancy; causes (tenfold, sign, percent vs points), outliers, explanations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Finding } from '../../server/types.js';
import { agreeWithoutEach, commonPoint, compareGroup, findingIdFor, intervalOf, truncationIntervalOf } from '../../server/compare/index.js';
import { alignClaims, type Group } from '../../server/align/index.js';
import { computeFindings } from '../../server/check/index.js';
import { makeClaim } from './helpers.js';

/** Equal within the tiny epsilon intervalOf adds (1e-9 of the value). */
function close(actual: number, expected: number, message?: string) {
  assert.ok(Math.abs(actual - expected) <= 1e-8 * Math.max(1, Math.abs(expected)), message ?? `expected ${expected}, got ${actual}`);
}

const ARTICLES = new Map([
  ['A', { title: 'Article A', publisher: 'Publisher A' }],
  ['B', { title: 'Article B', publisher: 'Publisher B' }],
  ['C', { title: 'Article C', publisher: 'Publisher C' }],
]);

/** The one finding for claims that share a fact. */
function judge(...claims: Claim[]): Finding {
  const groups = alignClaims(claims);
  assert.equal(groups.length, 1, 'the claims should form one group');
  return compareGroup(groups[0]!, ARTICLES);
}

const pct = (article: string, value: number, precision: number, extra: Partial<Claim> = {}) => makeClaim(article, value, precision, extra);
const cny = (article: string, value: number, precision: number, extra: Partial<Claim> = {}) =>
  makeClaim(article, value, precision, { unit: 'CNY', measure: 'level', ...extra });

describe('intervalOf', () => {
  test('exact: value ± half the last printed step', () => {
    const [lo, hi] = intervalOf({ value: 126e8, precision: 1e8, qualifier: 'exact' });
    close(lo, 125.5e8, `lo ${lo}`);
    close(hi, 126.5e8, `hi ${hi}`);
    const [a, b] = intervalOf({ value: 82, precision: 1, qualifier: 'exact' });
    assert.ok(Math.abs(a - 81.5) < 1e-6 && Math.abs(b - 82.5) < 1e-6);
  });
  test('a negative value mirrors its interval', () => {
    const [lo, hi] = intervalOf({ value: -0.37, precision: 0.01, qualifier: 'exact' });
    assert.ok(Math.abs(lo + 0.375) < 1e-6 && Math.abs(hi + 0.365) < 1e-6, `${lo} ${hi}`);
  });
  test('approx widens to a full step each way', () => {
    const [lo, hi] = intervalOf({ value: 126e8, precision: 1e8, qualifier: 'approx' });
    close(lo, 125e8, `lo ${lo}`);
    close(hi, 127e8, `hi ${hi}`);
  });
  test('lower bound (超过, more than): from the value up, with no ceiling', () => {
    const [lo, hi] = intervalOf({ value: 10e8, precision: 1e8, qualifier: 'lower' });
    close(lo, 10e8, `lo ${lo}`);
    assert.equal(hi, Infinity);
    const [nlo, nhi] = intervalOf({ value: -10e8, precision: 1e8, qualifier: 'lower' });
    assert.equal(nlo, -Infinity, 'a loss of more than 10亿 mirrors it');
    close(nhi, -10e8);
  });
  test('upper bound (近, nearly): from one step below up to the value', () => {
    const [lo, hi] = intervalOf({ value: 40, precision: 1, qualifier: 'upper' });
    assert.ok(Math.abs(lo - 39) < 1e-6 && Math.abs(hi - 40) < 1e-6);
  });
  test('the half-step boundary counts as agreement despite binary floats (126.14 vs 126.1)', () => {
    assert.ok(commonPoint([intervalOf({ value: 126.1, precision: 0.1, qualifier: 'exact' }), intervalOf({ value: 126.15, precision: 0.01, qualifier: 'exact' })]));
  });
  test('truncation: [value, value + step)', () => {
    const [lo, hi] = truncationIntervalOf({ value: 10.7, precision: 0.1 });
    assert.ok(Math.abs(lo - 10.7) < 1e-6 && Math.abs(hi - 10.8) < 1e-6);
  });
  test('commonPoint needs every interval to share one point', () => {
    assert.equal(commonPoint([[1, 3], [2, 4], [2.5, 5]]), true);
    assert.equal(commonPoint([[1, 2], [3, 4]]), false);
    assert.equal(commonPoint([[1, 3], [2, 4], [3.5, 5]]), false);
  });
});

describe('verdicts', () => {
  test('126亿元 vs 126.14亿元 → rounding', () => {
    const f = judge(cny('A', 126e8, 1e8), cny('B', 126.14e8, 1e6));
    assert.equal(f.verdict, 'rounding');
    assert.equal(f.severity, 'none');
  });
  test('9936万元 vs 9936.21万元 → rounding', () => {
    assert.equal(judge(cny('A', 9936e4, 1e4), cny('B', 9936.21e4, 100)).verdict, 'rounding');
  });
  test('82% vs 81.86% → rounding (both declines)', () => {
    assert.equal(judge(pct('A', -82, 1), pct('B', -81.86, 0.01)).verdict, 'rounding');
  });
  test('0.27% vs 0.37% → discrepancy, with a severity', () => {
    const f = judge(pct('A', -0.27, 0.01), pct('B', -0.37, 0.01));
    assert.equal(f.verdict, 'discrepancy');
    assert.notEqual(f.severity, 'none');
    assert.equal(f.cause, undefined);
  });
  test('the same printed value → consistent', () => {
    const f = judge(cny('A', 126e8, 1e8), cny('B', 126e8, 1e8));
    assert.equal(f.verdict, 'consistent');
    assert.equal(f.severity, 'none');
  });
  test('126亿 vs 127.2亿 → discrepancy (126 stands for 125.5..126.5)', () => {
    assert.equal(judge(cny('A', 126e8, 1e8), cny('B', 127.2e8, 1e6)).verdict, 'discrepancy');
  });
  test('126.5亿 sits on the edge of 126亿 and agrees; 126.51亿 agrees only if 126亿 was truncated', () => {
    const edge = judge(cny('A', 126e8, 1e8), cny('B', 126.5e8, 1e6));
    assert.equal(edge.verdict, 'rounding');
    assert.equal(edge.severity, 'none');
    const trunc = judge(cny('A', 126e8, 1e8), cny('B', 126.51e8, 1e6));
    assert.equal(trunc.verdict, 'rounding');
    assert.equal(trunc.severity, 'low');
  });
  test('the most precise claim of an article speaks for it', () => {
    const f = judge(cny('A', 126e8, 1e8), cny('A', 126.14e8, 1e6), cny('B', 126.2e8, 1e6));
    assert.equal(f.verdict, 'discrepancy', 'A says 126.14, B says 126.20');
  });
});

describe('qualifiers in comparisons', () => {
  test('约126亿 agrees with 125.2亿; a plain 126亿 does not', () => {
    assert.equal(judge(cny('A', 126e8, 1e8, { qualifier: 'approx' }), cny('B', 125.2e8, 1e6)).verdict, 'rounding');
    assert.equal(judge(cny('A', 126e8, 1e8), cny('B', 125.2e8, 1e6)).verdict, 'discrepancy');
  });
  test('逾10亿 agrees with 10.5亿, not with 9.9亿', () => {
    assert.equal(judge(cny('A', 10e8, 1e8, { qualifier: 'lower' }), cny('B', 10.5e8, 1e6)).verdict, 'rounding');
    assert.equal(judge(cny('A', 10e8, 1e8, { qualifier: 'lower' }), cny('B', 9.9e8, 1e6)).verdict, 'discrepancy');
  });
  test('近40% agrees with 39.6%, not with 40.3%', () => {
    assert.equal(judge(pct('A', 40, 1, { qualifier: 'upper' }), pct('B', 39.6, 0.1)).verdict, 'rounding');
    assert.equal(judge(pct('A', 40, 1, { qualifier: 'upper' }), pct('B', 40.3, 0.1)).verdict, 'discrepancy');
  });
  test('约126亿 twice is consistent; 约 vs exact on the same number is rounding, not consistent', () => {
    assert.equal(judge(cny('A', 126e8, 1e8, { qualifier: 'approx' }), cny('B', 126e8, 1e8, { qualifier: 'approx' })).verdict, 'consistent');
    const f = judge(cny('A', 126e8, 1e8, { qualifier: 'approx' }), cny('B', 126e8, 1e8, { qualifier: 'lower' }));
    assert.notEqual(f.verdict, 'consistent');
  });
});

describe('truncation', () => {
  test('10.7 vs 10.79 agree only if truncated: rounding, low severity, said in words', () => {
    const f = judge(pct('A', 10.7, 0.1), pct('B', 10.79, 0.01));
    assert.equal(f.verdict, 'rounding');
    assert.equal(f.severity, 'low');
    assert.match(f.explanation, /truncated/);
  });
  test('truncation does not excuse a gap larger than one step', () => {
    assert.equal(judge(pct('A', 10.7, 0.1), pct('B', 10.81, 0.01)).verdict, 'discrepancy');
  });
});

describe('causes', () => {
  test('a tenfold gap (亿 read as billion) is named', () => {
    const f = judge(cny('A', 12.6e9, 1e8), cny('B', 126e9, 1e9));
    assert.equal(f.verdict, 'discrepancy');
    assert.equal(f.cause, 'tenfold');
    assert.equal(f.severity, 'high');
    assert.match(f.explanation, /tenfold/);
  });
  test('a thousandfold gap is named', () => {
    assert.equal(judge(cny('A', 5.2e6, 1e5), cny('B', 5.2e9, 1e8)).cause, 'thousandfold');
  });
  test('percent vs percentage points', () => {
    const f = judge(pct('A', 1.2, 0.1, { unit: 'pp' }), pct('B', 5.0, 0.1));
    assert.equal(f.verdict, 'discrepancy');
    assert.equal(f.cause, 'percent-vs-points');
    assert.match(f.explanation, /percentage points/);
  });
  test('a sign flip', () => {
    const f = judge(pct('A', 5.2, 0.1), pct('B', -5.2, 0.1));
    assert.equal(f.cause, 'sign');
    assert.equal(f.severity, 'high');
  });
  test('no cause when none fits', () => {
    assert.equal(judge(pct('A', -0.27, 0.01), pct('B', -0.37, 0.01)).cause, undefined);
  });
});

describe('outliers', () => {
  test('with 3 sources, the one that stands apart is named', () => {
    const f = judge(pct('A', 5.2, 0.1), pct('B', 5.2, 0.1), pct('C', 6.3, 0.1));
    assert.equal(f.verdict, 'discrepancy');
    assert.deepEqual(f.outlierArticleIds, ['C']);
    assert.match(f.explanation, /Publisher C is the outlier/);
    assert.match(f.explanation, /6\.3%/);
  });
  test('no outlier with two sources, nor when no single removal makes the rest agree', () => {
    assert.equal(judge(pct('A', 5.2, 0.1), pct('B', 6.3, 0.1)).outlierArticleIds, undefined);
    assert.equal(judge(pct('A', 5.2, 0.1), pct('B', 6.3, 0.1), pct('C', 7.4, 0.1)).outlierArticleIds, undefined);
  });
});

describe('explanations', () => {
  test('a discrepancy says both values, the gap and why neither rounds to the other', () => {
    const f = judge(pct('A', -0.27, 0.01, { quote: '0.27%' }), pct('B', -0.37, 0.01, { quote: '0.37%' }));
    assert.match(f.explanation, /0\.27%/);
    assert.match(f.explanation, /0\.37%/);
    assert.match(f.explanation, /0\.10? points apart/);
    assert.match(f.explanation, /2 decimals/);
    assert.match(f.explanation, /neither can round to the other/);
  });
  test('a rounding finding says which figure is coarser and what it stands for', () => {
    const f = judge(cny('A', 126e8, 1e8, { quote: '126亿元' }), cny('B', 126.14e8, 1e6, { quote: '126.14亿元' }));
    assert.match(f.explanation, /«126亿元» and «126\.14亿元» agree within rounding/);
    assert.match(f.explanation, /12\.55 billion CNY to 12\.65 billion CNY/);
  });
  test('every finding says why the numbers were compared', () => {
    const f = judge(cny('A', 126e8, 1e8), cny('B', 126e8, 1e8));
    assert.match(f.explanation, /Compared because all 2 sources give iFlytek · revenue · 2023-Q1\.\.Q3/);
  });
  test('the interval in words is the rounding interval, without float noise', () => {
    const f = judge(cny('A', 10e8, 1e8, { qualifier: 'lower' }), cny('B', 9.9e8, 1e6));
    assert.doesNotMatch(f.explanation, /99999|00001/);
    assert.match(f.explanation, /989\.5 million CNY to 990\.5 million CNY/);
  });
});

describe('finding ids', () => {
  test('a finding id is derived from the fact key, so it is stable across checks', () => {
    const claims = [pct('A', -0.27, 0.01), pct('B', -0.37, 0.01)];
    const a = computeFindings(claims, ARTICLES);
    const b = computeFindings([...claims].reverse(), ARTICLES);
    assert.equal(a.length, 1);
    assert.equal(a[0]!.id, b[0]!.id);
    assert.equal(a[0]!.id, findingIdFor(a[0]!.key));
    assert.match(a[0]!.id, /^f[0-9a-f]{12}$/);
  });
  test('a finding lists every claim of its fact', () => {
    const claims = [cny('A', 126e8, 1e8), cny('A', 126.1e8, 1e7), cny('B', 126.14e8, 1e6)];
    const [f] = computeFindings(claims, ARTICLES);
    assert.deepEqual(new Set(f!.claimIds), new Set(claims.map((c) => c.id)));
  });
});

test('analysts\' forecasts that disagree are not flagged; agreeing ones are shown', async () => {
  const { computeFindings } = await import('../../server/check/index.js');
  const base = { sentence: '', sentenceStart: 0, precision: 1e8, qualifier: 'exact' as const, measure: 'level' as const, subject: 'moutai', metric: 'net_profit', period: '2024', aspects: ['forecast:analyst'], why: {}, origin: 'extracted' as const, unit: 'CNY', start: 0, end: 1 };
  const claims = [
    { ...base, id: 'a', articleId: 'A', quote: '860亿元', value: 86e9 },
    { ...base, id: 'b', articleId: 'B', quote: '87 billion yuan', value: 87e9, precision: 1e9 },
  ];
  const articles = [{ id: 'A', title: 'A' }, { id: 'B', title: 'B' }] as never;
  assert.deepEqual(computeFindings(claims, articles), []);
  const same = computeFindings([claims[0]!, { ...claims[1]!, value: 86e9 }], articles);
  assert.equal(same.length, 1);
  assert.notEqual(same[0]!.verdict, 'discrepancy');
});

test('a figure that matches another period\'s figure is named as a likely period mix-up', async () => {
  const { computeFindings } = await import('../../server/check/index.js');
  const base = { sentence: '', sentenceStart: 0, precision: 1e6, qualifier: 'exact' as const, measure: 'level' as const, subject: 'byd', metric: 'net_profit', aspects: [], why: {}, origin: 'extracted' as const, unit: 'CNY', start: 0, end: 1 };
  const claims = [
    { ...base, id: 'a1', articleId: 'A', quote: '104.13亿元', value: 10413000000, period: '2023-Q3' },
    { ...base, id: 'c1', articleId: 'C', quote: '10.413 billion yuan', value: 10413000000, period: '2023-Q3' },
    { ...base, id: 'a2', articleId: 'A', quote: '213.67亿元', value: 21367000000, period: '2023-Q1..Q3' },
    { ...base, id: 'b2', articleId: 'B', quote: '104.13亿元', value: 10413000000, period: '2023-Q1..Q3' },
  ];
  const articles = [{ id: 'A', title: 'A' }, { id: 'B', title: 'B' }, { id: 'C', title: 'C' }] as never;
  const ytd = computeFindings(claims, articles).find((f) => f.fact.period === '2023-Q1..Q3')!;
  assert.equal(ytd.verdict, 'discrepancy');
  assert.equal(ytd.cause, 'period-mixup');
  assert.match(ytd.explanation, /2023-Q3 figure/);
});

describe('outlier test in linear time', () => {
  test('agreeWithoutEach says, for each source, what commonPoint says of all the others', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let outliersSeen = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const n = 3 + Math.floor(rand() * 6);
      const intervals: Array<[number, number]> = [];
      const units: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = 100 + Math.floor(rand() * 6) * 0.5;
        const w = rand() < 0.2 ? Infinity : 0.25 + rand() * 0.5;
        intervals.push([v - 0.25, v + w]);
        units.push(rand() < 0.1 ? 'USD' : '%');
      }
      const brute = intervals.map((_, i) => {
        const rest = intervals.filter((_, j) => j !== i);
        const restUnits = units.filter((_, j) => j !== i);
        return new Set(restUnits).size === 1 && commonPoint(rest);
      });
      const fast = agreeWithoutEach(intervals, units);
      assert.deepEqual(fast, brute, JSON.stringify({ intervals, units }));
      if (fast.filter(Boolean).length === 1) outliersSeen++;
    }
    assert.ok(outliersSeen > 100, `the trials include single outliers (${outliersSeen})`);
  });
});

describe('period mix-ups found by search', () => {
  test('the indexed search names the figure a reading of every period in turn would name', async () => {
    const { notePeriodMixups } = await import('../../server/compare/mixup.js');
    const { overlaps } = await import('../../server/compare/interval.js');
    // The rule written out plainly: the first claim that disagrees with another source of its
    // finding and agrees with another article's figure for another period; of those, the first
    // in sibling order.
    const reference = (g: Group, siblings: Group[]) => {
      for (const c of g.claims) {
        if (!g.claims.some((o) => o.articleId !== c.articleId && !overlaps(intervalOf(o), intervalOf(c)))) continue;
        for (const other of siblings) {
          if (other.fact.period === g.fact.period || !other.fact.period) continue;
          const match = other.claims.find((o) => o.articleId !== c.articleId && o.unit === c.unit && overlaps(intervalOf(o), intervalOf(c)));
          if (match) return `«${c.quote}» agrees with the ${other.fact.period} figure «${match.quote}»`;
        }
      }
      return undefined;
    };
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let named = 0;
    for (let trial = 0; trial < 300; trial++) {
      const periods = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q1..Q3'].slice(0, 2 + Math.floor(rand() * 3));
      const groups: Group[] = periods.map((period, p) => {
        const claims = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, i) => {
          const q = rand();
          return makeClaim(`a${Math.floor(rand() * 5)}`, 10 + Math.floor(rand() * 8) * 0.5, rand() < 0.5 ? 0.1 : 1, {
            unit: rand() < 0.15 ? 'pp' : '%',
            qualifier: q < 0.1 ? 'lower' : q < 0.2 ? 'approx' : 'exact',
            period,
            quote: `${p}.${i}`,
          });
        });
        const fact = { subject: 'iflytek', metric: 'revenue', period, measure: 'yoy', unitFamily: '%', aspects: [] } as Group['fact'];
        return { key: `k${p}`, fact, claims };
      });
      const findings = groups.map((g) => ({ id: g.key, key: g.key, fact: g.fact, claimIds: [], verdict: 'discrepancy', severity: 'high', explanation: '' }) as unknown as Finding);
      notePeriodMixups(groups, findings);
      for (const [i, g] of groups.entries()) {
        const want = reference(g, groups);
        const got = findings[i]!.explanation;
        if (want) named++;
        assert.equal(got ? /«[^»]+» agrees with the \S+ figure «[^»]+»/.exec(got)?.[0] : undefined, want, `trial ${trial}, group ${i}`);
      }
    }
    assert.ok(named > 100, `mix-ups named in ${named} groups`);
  });
});
