// A realistic library for export tests, built by hand while extraction is being written:
// two Chinese articles modelled on articles/ (iFlytek's first three quarters of 2023) and an
// English one. Findings come from the real align + compare stages, so explanations and ids
// are what the app would store. Hostile and awkward text is deliberate: commas, double quotes,
// newlines, Chinese, emoji and 𠮷 (outside the BMP) before claims, <script>, a formula.
import type { Annotation, Article, Claim, Db, Measure, Review } from '../../server/types.js';
import { computeFindings } from '../../server/check/index.js';
import { anchorAt } from '../../server/check/anchor.js';
import { articleIdFor, sha256 } from '../../server/ingest/index.js';

function article(path: string, meta: Pick<Article, 'title' | 'language'> & Partial<Article>, text: string): Article {
  return { id: articleIdFor(path), path, source: 'file', hash: sha256(text), ingestedAt: '2023-11-01T08:00:00.000Z', text, ...meta };
}

export const XHZ = article(
  'xinhuozhong/iflytek-q3.txt',
  { title: '科大讯飞刘庆峰:对标GPT-3.5后再追赶GPT-4 大模型投入影响利润但仍将加大投入', publisher: '新火种', date: '2023-10-28', language: 'zh' },
  [
    '科大讯飞刘庆峰:对标GPT-3.5后再追赶GPT-4 大模型投入影响利润但仍将加大投入',
    '',
    '新火种    2023-10-28 📰',
    '',
    '编者按：转载时保留了原文的生僻字“𠮷”和表情符号📉。',
    '',
    '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。其中，第三季度净利润仅为2579万元，同比下滑82%。',
    '',
    '前三季度科大讯飞开发支出逾10亿元，同比增长约14%，公司表示这“主要系本期研发投入增加所致”。',
    '',
  ].join('\n'),
);

export const LIANXIAN = article(
  'lianxian/iflytek-spark.md',
  {
    title: '让星火大模型赶超ChatGPT，科大讯飞做到了吗？',
    publisher: '连线Insight',
    date: '2023-10-26',
    url: 'https://www.qianzhan.com/analyst/detail/329/231026-ca92a31f.html',
    language: 'zh',
  },
  [
    '# 让星火大模型赶超ChatGPT，科大讯飞做到了吗？',
    '**连线Insight**',
    '',
    '**2023-10-26 11:17**',
    '',
    '科大讯飞2023年三季度财报显示，2023年第三季度公司实现营业收入47.72亿元，同比增长2.89%；归母净利润为2579.01万元，同比下滑81.86%；扣非后归母净利润由盈转亏，为-2018.87万元，同比降113.65%。',
    '',
    '从前三季度情况看，科大讯飞实现营业收入126.14亿元，同比略微下滑0.37%；归属于上市公司股东的净利润9936.21万元，同比下滑76%。',
    '',
    '对于财报的表现，科大讯飞给出的理由为，“在通用人工智能认知大模型等方面坚定投入”。今年前三季度，科大讯飞在研发方面支出费用达到24.98亿，同比增长7.19%。',
    '',
  ].join('\n'),
);

export const HOSTILE = '<script>alert("x")</script>';

export const WIRE = article(
  'wire/iflytek-q3-en.md',
  {
    title: `iFlytek's "Spark" costs bite: revenue dips, profit falls 76% ${HOSTILE}`,
    publisher: 'Asia Tech Wire, Beijing bureau',
    date: '2023-10-27',
    url: 'https://example.com/asia-tech/iflytek-q3?src=feed&lang=en',
    language: 'en',
  },
  [
    `iFlytek's "Spark" costs bite: revenue dips, profit falls 76%`,
    '',
    'Asia Tech Wire, Beijing bureau — October 27, 2023 🚀',
    '',
    'iFlytek (科大讯飞) said revenue for the first three quarters fell 0.37%,\nto 12.61 billion yuan, as it poured money into its "Spark" model 🤖.',
    '',
    `Net profit attributable to shareholders dropped 76% to 99.36 million yuan ${HOSTILE}.`,
    '',
  ].join('\n'),
);

interface Fields {
  value: number;
  unit: string;
  precision: number;
  metric: string;
  period: string;
  measure?: Measure;
  qualifier?: Claim['qualifier'];
}

/** A claim at the quote inside the given sentence, with offsets computed from the text. */
function claim(id: string, a: Article, sentence: string, quote: string, f: Fields): Claim {
  const sentenceStart = a.text.indexOf(sentence);
  const inSentence = sentence.indexOf(quote);
  if (sentenceStart < 0 || inSentence < 0) throw new Error(`fixture: "${quote}" not found in ${a.path}`);
  const start = sentenceStart + inSentence;
  return {
    id,
    articleId: a.id,
    quote,
    start,
    end: start + quote.length,
    sentence,
    sentenceStart,
    value: f.value,
    unit: f.unit,
    precision: f.precision,
    qualifier: f.qualifier ?? 'exact',
    measure: f.measure ?? 'level',
    subject: 'iflytek',
    metric: f.metric,
    period: f.period,
    aspects: [],
    why: { metric: 'named in the sentence', period: '前三季度 in a 2023 results report' },
    origin: 'extracted',
  };
}

const Q13 = '2023-Q1..Q3';
const X1 = '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。';
const X2 = '其中，第三季度净利润仅为2579万元，同比下滑82%。';
const X3 = '前三季度科大讯飞开发支出逾10亿元，同比增长约14%，公司表示这“主要系本期研发投入增加所致”。';
const L1 = '科大讯飞2023年三季度财报显示，2023年第三季度公司实现营业收入47.72亿元，同比增长2.89%；归母净利润为2579.01万元，同比下滑81.86%；扣非后归母净利润由盈转亏，为-2018.87万元，同比降113.65%。';
const L2 = '从前三季度情况看，科大讯飞实现营业收入126.14亿元，同比略微下滑0.37%；归属于上市公司股东的净利润9936.21万元，同比下滑76%。';
const L3 = '今年前三季度，科大讯飞在研发方面支出费用达到24.98亿，同比增长7.19%。';
const W1 = 'iFlytek (科大讯飞) said revenue for the first three quarters fell 0.37%,\nto 12.61 billion yuan, as it poured money into its "Spark" model 🤖.';
const W2 = `Net profit attributable to shareholders dropped 76% to 99.36 million yuan ${HOSTILE}.`;

export const CLAIMS: Claim[] = [
  claim('c-xhz-rev', XHZ, X1, '126亿元', { value: 12.6e9, unit: 'CNY', precision: 1e8, metric: 'revenue', period: Q13 }),
  claim('c-xhz-rev-yoy', XHZ, X1, '0.27%', { value: -0.27, unit: '%', precision: 0.01, metric: 'revenue', period: Q13, measure: 'yoy' }),
  claim('c-xhz-np', XHZ, X1, '9936万元', { value: 99.36e6, unit: 'CNY', precision: 1e4, metric: 'net_profit', period: Q13 }),
  claim('c-xhz-np-yoy', XHZ, X1, '76%', { value: -76, unit: '%', precision: 1, metric: 'net_profit', period: Q13, measure: 'yoy' }),
  claim('c-xhz-q3np-yoy', XHZ, X2, '82%', { value: -82, unit: '%', precision: 1, metric: 'net_profit', period: '2023-Q3', measure: 'yoy' }),
  // The extractor's mistake a reviewer dismisses: 开发支出 read as R&D expense.
  claim('c-xhz-rd-yoy', XHZ, X3, '约14%', { value: 14, unit: '%', precision: 1, metric: 'rd_expense', period: Q13, measure: 'yoy', qualifier: 'approx' }),
  claim('c-lx-q3rev', LIANXIAN, L1, '47.72亿元', { value: 4.772e9, unit: 'CNY', precision: 1e6, metric: 'revenue', period: '2023-Q3' }),
  claim('c-lx-q3np-yoy', LIANXIAN, L1, '81.86%', { value: -81.86, unit: '%', precision: 0.01, metric: 'net_profit', period: '2023-Q3', measure: 'yoy' }),
  claim('c-lx-rev', LIANXIAN, L2, '126.14亿元', { value: 12.614e9, unit: 'CNY', precision: 1e6, metric: 'revenue', period: Q13 }),
  claim('c-lx-rev-yoy', LIANXIAN, L2, '0.37%', { value: -0.37, unit: '%', precision: 0.01, metric: 'revenue', period: Q13, measure: 'yoy' }),
  claim('c-lx-np', LIANXIAN, L2, '9936.21万元', { value: 99.3621e6, unit: 'CNY', precision: 100, metric: 'net_profit', period: Q13 }),
  claim('c-lx-np-yoy', LIANXIAN, L2, '76%', { value: -76, unit: '%', precision: 1, metric: 'net_profit', period: Q13, measure: 'yoy' }),
  claim('c-lx-rd-yoy', LIANXIAN, L3, '7.19%', { value: 7.19, unit: '%', precision: 0.01, metric: 'rd_expense', period: Q13, measure: 'yoy' }),
  claim('c-wire-rev-yoy', WIRE, W1, '0.37%', { value: -0.37, unit: '%', precision: 0.01, metric: 'revenue', period: Q13, measure: 'yoy' }),
  claim('c-wire-rev', WIRE, W1, '12.61 billion yuan', { value: 12.61e9, unit: 'CNY', precision: 1e7, metric: 'revenue', period: Q13 }),
  claim('c-wire-np-yoy', WIRE, W2, '76%', { value: -76, unit: '%', precision: 1, metric: 'net_profit', period: Q13, measure: 'yoy' }),
  claim('c-wire-np', WIRE, W2, '99.36 million yuan', { value: 99.36e6, unit: 'CNY', precision: 1e4, metric: 'net_profit', period: Q13 }),
];

export const NOTE_CONFIRMED = '三季报原文为“同比下降0.37%”, so 新火种\'s "0.27%" is a typo;\nchecked against the filing, p. 3.';
export const NOTE_DISMISSED = `=HYPERLINK("http://evil.example","更正") 开发支出 (capitalised development) is not 研发费用, ${HOSTILE}`;

/** The finding that compares the given claim. */
export const findingOf = (db: Db, claimId: string) => {
  const f = db.findings.find((x) => x.claimIds.includes(claimId));
  if (!f) throw new Error(`fixture: no finding holds ${claimId}`);
  return f;
};

/** A fresh copy every call: tests may change it. */
export function fixtureDb(): Db {
  const articles = [XHZ, LIANXIAN, WIRE].map((a) => ({ ...a }));
  const claims = CLAIMS.map((c) => ({ ...c, aspects: [...c.aspects], why: { ...c.why } }));
  const db: Db = { version: 1, articles, claims, findings: computeFindings(claims, articles), reviews: [], annotations: [], manualClaims: [], corrections: [], reviewEvents: [], users: [], sessions: [] };
  const reviews: Review[] = [
    {
      findingId: findingOf(db, 'c-xhz-rev-yoy').id,
      status: 'confirmed',
      note: NOTE_CONFIRMED,
      correctClaimId: 'c-lx-rev-yoy',
      referenceArticleId: LIANXIAN.id,
      updatedAt: '2023-11-02T09:30:00.000Z',
    },
    { findingId: findingOf(db, 'c-xhz-rd-yoy').id, status: 'dismissed', reason: 'different-metric', note: NOTE_DISMISSED, updatedAt: '2023-11-02T10:00:00.000Z' },
  ];
  db.reviews = reviews;
  const at = XHZ.text.indexOf('同比略微下滑0.27%');
  const notes: Annotation[] = [
    { id: 'n-xhz-1', articleId: XHZ.id, anchor: anchorAt(XHZ.text, at, at + '同比略微下滑0.27%'.length), comment: '与连线Insight的0.37%不符，需核对三季报 📎', createdAt: '2023-11-01T12:00:00.000Z' },
    {
      id: 'n-wire-gone',
      articleId: WIRE.id,
      anchor: { exact: 'revenue rose 3%', prefix: 'said ', suffix: ' in the', start: 40, end: 55 },
      comment: 'The earlier version said revenue rose.',
      createdAt: '2023-10-30T12:00:00.000Z',
      orphaned: true,
    },
  ];
  db.annotations = notes;
  return db;
}

/** The fixture with the reviewers' work: who decided, a third review, a correction and a manual claim. */
export function withWork(): Db {
  const db = fixtureDb();
  db.reviews[0]!.by = 'alice';
  db.reviews[1]!.by = 'bob';
  db.annotations[0]!.by = 'carol';
  db.reviews.push({ findingId: findingOf(db, 'c-xhz-rev').id, status: 'dismissed', reason: 'rounding', note: '126亿 is 126.14亿 rounded', by: 'bob', updatedAt: '2023-11-02T12:00:00.000Z' });
  const at = XHZ.text.indexOf('126亿元');
  db.corrections.push({ id: 'k1', articleId: XHZ.id, anchor: anchorAt(XHZ.text, at, at + 5), metric: 'operating_income', createdAt: '2023-11-02T11:00:00.000Z', by: 'dora' });
  const manual = { ...db.claims[0]!, id: 'm1', quote: '<script>9.9亿</script>', value: 9.9e8, unit: 'CNY', metric: 'gross_profit', origin: 'manual' as const, by: 'erin', aspects: [] };
  db.manualClaims.push(manual);
  return db;
}

/** Everything an export prints at once: the reviewers' work and a primary source on the confirmed finding. */
export function richDb(): Db {
  const db = withWork();
  db.reviews[0]!.primarySource = { url: 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218090163.PDF', title: '科大讯飞：2023年三季度报告 "Q3"', printed: '下降0.37%', value: -0.37, unit: '%', precision: 0.01, by: 'alice', at: '2023-11-02T09:00:00.000Z' };
  return db;
}

/** The fixture with each finding (and its review) repeated `copies` times under new ids: an export of megabytes. */
export function bigDb(copies: number): Db {
  const db = richDb();
  const reviews = new Map(db.reviews.map((r) => [r.findingId, r]));
  const ids = (f: Db['findings'][number]) => Array.from({ length: copies }, (_, i) => `${f.id}~${i}`);
  db.reviews = db.findings.flatMap((f) => (reviews.has(f.id) ? ids(f).map((id) => ({ ...reviews.get(f.id)!, findingId: id })) : []));
  db.findings = db.findings.flatMap((f) => ids(f).map((id) => ({ ...f, id })));
  return db;
}

export const NOW = new Date('2023-11-03T00:00:00.000Z');
