// End to end on the seed articles (articles/): ingest → extract → align → compare → report.
// iFlytek's first-three-quarters revenue change, -0.27% vs -0.37%, is a discrepancy; 126亿元 vs
// 126.14亿元, 9936万元 vs 9936.21万元 and 82% vs 81.86% are rounding; Spark's 85.1% and ChatGPT's
// 84.3% never share a finding, nor do 开发支出 +44% and 研发费用 +7.19%.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim, Report } from '../../server/types.js';
import { readArticles } from '../../server/ingest/index.js';
import { memoryStore } from '../../server/store/index.js';
import { buildReport, ingestArticles } from '../../server/check/index.js';
import { ROOT } from './helpers.js';

const XHZ = '000_002cd4d0ee89d5a5.txt'; // 新火种, 2023-10-28
const LX = '003_25a1a5ad593a7a4c.txt'; // 连线Insight, 2023-10-26

let report: Report;
const articleId = (path: string) => report.articles.find((a) => a.path === path)!.id;

/** The claim in an article whose quote contains the text and whose sentence matches. */
function claim(path: string, quotePart: string, sentence?: RegExp): Claim {
  const id = articleId(path);
  const hits = report.claims.filter((c) => c.articleId === id && c.quote.includes(quotePart) && (!sentence || sentence.test(c.sentence)));
  assert.ok(hits.length >= 1, `no claim «${quotePart}» in ${path}`);
  return hits[0]!;
}
/** The one finding holding both claims. */
function shared(a: Claim, b: Claim) {
  const fs = report.findings.filter((f) => f.claimIds.includes(a.id) && f.claimIds.includes(b.id));
  assert.equal(fs.length, 1, `«${a.quote}» and «${b.quote}» should share exactly one finding; they share ${fs.length}`);
  return fs[0]!;
}
function neverTogether(a: Claim[], b: Claim[]) {
  for (const f of report.findings) {
    const hasA = a.some((c) => f.claimIds.includes(c.id));
    const hasB = b.some((c) => f.claimIds.includes(c.id));
    assert.ok(!(hasA && hasB), `finding ${f.key} mixes «${a[0]!.quote}» and «${b[0]!.quote}»`);
  }
}

before(async () => {
  const outcome = readArticles([join(ROOT, 'articles')]);
  assert.deepEqual(outcome.errors, []);
  const store = memoryStore();
  await ingestArticles(store, outcome.articles);
  report = buildReport(store.read());
});

describe('the seed articles', () => {
  test('both are ingested as Chinese, dated from their bylines', () => {
    assert.deepEqual(report.articles.map((a) => a.path).sort(), [XHZ, LX]);
    for (const a of report.articles) assert.equal(a.language, 'zh');
    assert.equal(report.articles.find((a) => a.path === XHZ)!.date, '2023-10-28');
    assert.equal(report.articles.find((a) => a.path === LX)!.date, '2023-10-26');
  });

  test('the headline figures are extracted with their values, units and precision', () => {
    const rev = claim(LX, '126.14亿元');
    assert.equal(rev.value, 12_614_000_000);
    assert.equal(rev.unit, 'CNY');
    assert.equal(rev.precision, 1e6);
    assert.equal(rev.metric, 'revenue');
    assert.equal(rev.period, '2023-Q1..Q3');
    assert.equal(rev.subject, 'iflytek');
    const yoy = claim(XHZ, '0.27%');
    assert.equal(yoy.value, -0.27);
    assert.equal(yoy.measure, 'yoy');
    assert.equal(yoy.metric, 'revenue');
  });

  test('-0.27% vs -0.37% (revenue, first three quarters, year on year) is a discrepancy', () => {
    const a = claim(XHZ, '0.27%');
    const b = claim(LX, '0.37%');
    const f = shared(a, b);
    assert.equal(f.verdict, 'discrepancy');
    assert.deepEqual(
      { subject: f.fact.subject, metric: f.fact.metric, period: f.fact.period, measure: f.fact.measure },
      { subject: 'iflytek', metric: 'revenue', period: '2023-Q1..Q3', measure: 'yoy' },
    );
    assert.notEqual(f.severity, 'none');
    assert.match(f.explanation, /0\.27%/);
    assert.match(f.explanation, /0\.37%/);
    assert.match(f.explanation, /neither can round to the other/);
  });

  test('it is the only discrepancy in the seeds', () => {
    const d = report.findings.filter((f) => f.verdict === 'discrepancy');
    assert.deepEqual(d.map((f) => f.key), [shared(claim(XHZ, '0.27%'), claim(LX, '0.37%')).key]);
  });

  const roundings: Array<[string, string, string]> = [
    ['126亿元 vs 126.14亿元', '126亿元', '126.14亿元'],
    ['9936万元 vs 9936.21万元', '9936万元', '9936.21万元'],
    ['82% vs 81.86%', '82%', '81.86%'],
  ];
  for (const [name, q1, q2] of roundings)
    test(`${name} is rounding`, () => {
      assert.equal(shared(claim(XHZ, q1), claim(LX, q2)).verdict, 'rounding');
    });

  test("Spark's 85.1% and ChatGPT's 84.3% are never in the same finding", () => {
    const spark = report.claims.filter((c) => c.quote.includes('85.1%'));
    const gpt = report.claims.filter((c) => c.quote.includes('84.3%'));
    assert.ok(spark.length >= 2 && gpt.length >= 2, 'both figures are extracted in both articles');
    neverTogether(spark, gpt);
    for (const c of gpt) assert.equal(c.subject, 'chatgpt');
    for (const c of spark) assert.notEqual(c.subject, 'chatgpt');
  });

  test('开发支出 +44% and 研发费用 +7.19% are never in the same finding', () => {
    const dev = claim(XHZ, '44%', /开发支出/);
    const rd = claim(LX, '7.19%');
    neverTogether([dev], [rd]);
    assert.equal(dev.metric, 'dev_expenditure');
    assert.notEqual(rd.metric, 'dev_expenditure');
  });

  test('no finding mixes periods, metrics or subjects', () => {
    const byId = new Map(report.claims.map((c) => [c.id, c]));
    for (const f of report.findings) {
      const cs = f.claimIds.map((id) => byId.get(id)!);
      for (const k of ['subject', 'metric', 'period', 'measure'] as const) assert.equal(new Set(cs.map((c) => c[k])).size, 1, `${f.key}: ${k}`);
      assert.ok(new Set(cs.map((c) => c.articleId)).size >= 2, `${f.key}: one article alone`);
    }
  });

  test('a second run gives the same findings and ids', async () => {
    const store = memoryStore();
    await ingestArticles(store, readArticles([join(ROOT, 'articles')]).articles);
    const again = buildReport(store.read());
    assert.deepEqual(
      again.findings.map((f) => [f.id, f.verdict]).sort(),
      report.findings.map((f) => [f.id, f.verdict]).sort(),
    );
  });
});

const SCORER = join(ROOT, '../shared/eval/score.mjs');
const TRUTH = join(ROOT, '../shared/eval/seeds.truth.json');
describe('the seeds scorer', { skip: !existsSync(SCORER) || !existsSync(TRUTH) ? 'no ../shared/eval here' : false }, () => {
  test('found 1/1, precision 1/1, no false alarms, agreements ≥ 6/7, values ≥ 21/22', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-e2e-'));
    try {
      const file = join(dir, 'report.json');
      writeFileSync(file, JSON.stringify(report));
      const out = await new Promise<{ code: number; text: string }>((resolve) =>
        execFile(
          process.execPath,
          [SCORER, '--truth', TRUTH, '--report', file, '--min-recall', '1', '--min-precision', '1', '--max-false-alarms', '0', '--min-extraction', String(21 / 22 - 1e-9)],
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, text: stdout + stderr }),
        ),
      );
      assert.equal(out.code, 0, out.text);
      const m = /agreements recognised (\d+)\/(\d+)/.exec(out.text);
      assert.ok(m, out.text);
      assert.ok(Number(m[1]) >= 6, out.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
