// Stories: articles about one entity and one reporting event. Within a story, what an article
// leaves unsaid (its subject, the year of its period, a period for a named metric) takes the
// story's default, marked in basis and why; what it states is never overridden.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Story } from '../../server/types.js';
import { storiesOf, withStoryDefaults } from '../../server/story/index.js';
import { YEARLESS, withYear, yearOf } from '../../server/align/period-span.js';
import { alignClaims } from '../../server/align/index.js';
import { checkClaims, computeFindings } from '../../server/check/index.js';
import { buildArticle } from '../../server/ingest/article.js';
import { claimOf, extract, makeClaim } from './helpers.js';

/** The story that holds an article. */
const storyOf = (stories: Story[], articleId: string) => stories.find((s) => s.articleIds.includes(articleId));

describe('period label helpers', () => {
  test('yearless labels are Q3, Q1..Q3, H1, H2, FQ2; labels with a year are not', () => {
    for (const p of ['Q3', 'Q1..Q3', 'H1', 'H2', 'FQ2', 'M1..M10']) assert.ok(YEARLESS.test(p), p);
    for (const p of ['2023-Q3', '2023-Q1..Q3', 'FY2024-Q2', '2023', '2023-10-24']) assert.ok(!YEARLESS.test(p), p);
  });
  test('withYear puts the year in; a fiscal quarter becomes an FY label', () => {
    assert.equal(withYear('Q1..Q3', 2023), '2023-Q1..Q3');
    assert.equal(withYear('Q3', 2023), '2023-Q3');
    assert.equal(withYear('FQ2', 2024), 'FY2024-Q2');
    assert.equal(yearOf('FY2024-Q2'), 2024);
    assert.equal(yearOf('2023-Q1..Q3'), 2023);
    assert.equal(yearOf('Q3'), undefined);
  });
});

describe('storiesOf: which articles make one story', () => {
  test('two articles on one company within weeks form one story', () => {
    const a = extract(['比亚迪上半年营业收入2601.2亿元，同比增长72.7%。'], { date: '2023-08-28', title: '比亚迪半年报' });
    const b = extract(['比亚迪上半年实现营业收入约2601亿元。'], { date: '2023-09-10', title: '比亚迪业绩点评' });
    const stories = storiesOf([a.article, b.article], [...a.claims, ...b.claims]);
    assert.equal(stories.length, 1);
    assert.equal(stories[0]!.subject, 'byd');
    assert.deepEqual(stories[0]!.articleIds.sort(), [a.article.id, b.article.id].sort());
    assert.equal(stories[0]!.period, '2023-H1');
  });
  test('two articles on one company a year apart, on different periods, form two stories', () => {
    const a = extract(['比亚迪上半年营业收入2601.2亿元。'], { date: '2023-08-28', title: '比亚迪半年报' });
    const b = extract(['比亚迪上半年营业收入3011.3亿元。'], { date: '2024-08-28', title: '比亚迪半年报' });
    const stories = storiesOf([a.article, b.article], [...a.claims, ...b.claims]);
    assert.equal(stories.length, 2);
    assert.deepEqual(stories.map((s) => s.period).sort(), ['2023-H1', '2024-H1']);
    assert.notEqual(storyOf(stories, a.article.id), storyOf(stories, b.article.id));
  });
  test('articles on two companies at the same time form two stories', () => {
    const a = extract(['比亚迪上半年营业收入2601.2亿元。'], { date: '2023-08-28', title: '比亚迪半年报' });
    const b = extract(['宁德时代上半年营业收入1892.5亿元。'], { date: '2023-08-29', title: '宁德时代半年报' });
    const stories = storiesOf([a.article, b.article], [...a.claims, ...b.claims]);
    assert.deepEqual(stories.map((s) => s.subject).sort(), ['byd', 'catl']);
  });
  test('an undated article joins the story of its subject', () => {
    const a = extract(['科大讯飞前三季度营业收入128.3亿元，同比增长1.2%。'], { date: '2023-10-24', title: '科大讯飞三季报' });
    const b = extract(['科大讯飞前三季度营业收入128.3亿元。'], { date: '2023-10-30', title: '科大讯飞点评' });
    const u = extract(['前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    assert.equal(u.article.date, undefined);
    const stories = storiesOf([a.article, b.article, u.article], [...a.claims, ...b.claims, ...u.claims]);
    assert.equal(stories.length, 1);
    assert.ok(stories[0]!.articleIds.includes(u.article.id));
    assert.equal(stories[0]!.period, '2023-Q1..Q3', "the undated article's yearless period does not become the story's");
  });
  test('an undated article whose subject has no story starts its own', () => {
    const a = extract(['比亚迪上半年营业收入2601.2亿元。'], { date: '2023-08-28', title: '比亚迪半年报' });
    const u = extract(['前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    const stories = storiesOf([a.article, u.article], [...a.claims, ...u.claims]);
    assert.equal(stories.length, 2);
    assert.deepEqual(storyOf(stories, u.article.id)!.articleIds, [u.article.id]);
  });
});

describe('withStoryDefaults: the story fills what an article leaves unsaid', () => {
  const dated = () => extract(['科大讯飞前三季度营业收入128.3亿元。第三季度营业收入48.6亿元。'], { date: '2023-10-24', title: '科大讯飞三季报' });

  test('an undated 前三季度 (Q1..Q3) takes the story year, basis story-year, and why says so', () => {
    const a = dated();
    const u = extract(['前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    const raw = claimOf(u.claims, '128.3');
    assert.equal(raw.period, 'Q1..Q3');
    assert.equal(raw.basis?.period, 'stated');
    const claims = [...a.claims, ...u.claims];
    const filled = withStoryDefaults(claims, storiesOf([a.article, u.article], claims));
    const c = filled.find((x) => x.id === raw.id)!;
    assert.equal(c.period, '2023-Q1..Q3');
    assert.equal(c.basis?.period, 'story-year');
    assert.match(c.why.period ?? '', /前三季度/, 'what the article said is kept');
    assert.match(c.why.period ?? '', /year from the story/);
  });
  test('an undated English "Q3" takes the story year the same way', () => {
    const a = dated();
    const u = extract(['Q3 revenue came in at 4.86 billion yuan, the company said.'], { title: 'iFlytek quarterly review' });
    const raw = claimOf(u.claims, '4.86');
    assert.equal(raw.subject, 'iflytek');
    assert.equal(raw.period, 'Q3');
    const claims = [...a.claims, ...u.claims];
    const c = withStoryDefaults(claims, storiesOf([a.article, u.article], claims)).find((x) => x.id === raw.id)!;
    assert.equal(c.period, '2023-Q3');
    assert.equal(c.basis?.period, 'story-year');
    assert.match(c.why.period ?? '', /year from the story/);
  });
  test('an undated NVIDIA "fiscal second quarter" (FQ2) takes the fiscal year of a FY2024-Q2 story and aligns with it', () => {
    const a = extract(['Nvidia said revenue for its fiscal second quarter rose to $13.2 billion.'], { date: '2023-08-24', title: 'Nvidia earnings' });
    const u = extract(['Nvidia revenue for the fiscal second quarter reached $13.2 billion, the company said.'], { title: 'Nvidia earnings recap' });
    const raw = claimOf(u.claims, '13.2');
    assert.equal(raw.period, 'FQ2');
    const claims = [...a.claims, ...u.claims];
    const { findings, stories } = checkClaims(claims, [a.article, u.article]);
    assert.equal(stories.length, 1);
    const c = withStoryDefaults(claims, stories).find((x) => x.id === raw.id)!;
    assert.equal(c.period, 'FY2024-Q2');
    assert.equal(c.basis?.period, 'story-year');
    const f = findings.find((x) => x.claimIds.includes(raw.id));
    assert.ok(f && f.claimIds.includes(claimOf(a.claims, '13.2').id));
    assert.equal(f.alignment?.strength, 'strong');
  });
  test(
    'an undated FQ2 in a story whose period is the calendar span 2023-05..2023-07 takes fiscal year 2024',
    () => {
      const said = (date: string, title: string) => extract(['For the quarter ended July 30, 2023, Nvidia revenue came to $13.2 billion, the chipmaker disclosed.'], { date, title });
      const a = said('2023-09-05', 'Nvidia chip sales');
      const b = said('2023-09-07', 'Nvidia sales update');
      const u = extract(['Nvidia revenue for the fiscal second quarter reached $13.2 billion, the company said.'], { title: 'Nvidia earnings recap' });
      const raw = claimOf(u.claims, '13.2');
      const claims = [...a.claims, ...b.claims, ...u.claims];
      const { findings, stories } = checkClaims(claims, [a.article, b.article, u.article]);
      assert.equal(stories.length, 1);
      assert.equal(stories[0]!.period, '2023-05..2023-07');
      const c = withStoryDefaults(claims, stories).find((x) => x.id === raw.id)!;
      assert.equal(c.period, 'FY2024-Q2');
      const f = findings.find((x) => x.claimIds.includes(raw.id));
      assert.ok(f && f.claimIds.length === 3, 'one finding with all three sources');
    },
  );
  test('a claim with subject "main" takes the story subject, basis story', () => {
    const story: Story = { id: 's1', subject: 'byd', period: '2023-H1', articleIds: ['A', 'B'] };
    const mine = makeClaim('B', 12.4, 0.1, { subject: 'main', period: '2023-H1', basis: { subject: 'none', period: 'stated' } });
    const [c] = withStoryDefaults([mine], [story]);
    assert.equal(c!.subject, 'byd');
    assert.equal(c!.basis?.subject, 'story');
    assert.equal(c!.basis?.period, 'stated', 'the period it stated is untouched');
    assert.match(c!.why.subject ?? '', /story's subject/);
  });
  test('storiesOf + withStoryDefaults: an article that names the company once gives its "main" figure to it', () => {
    const a = [makeClaim('A', 20, 1, { subject: 'byd', basis: { subject: 'article', period: 'stated' }, period: '2023-H1' })];
    const b = [
      makeClaim('B', 20, 1, { subject: 'byd', period: '2023-H1' }),
      makeClaim('B', 31.6, 0.1, { subject: 'main', period: '2023-H1', basis: { subject: 'none', period: 'stated' } }),
    ];
    const stories = storiesOf(
      [
        { id: 'A', title: 'a', date: '2023-08-28' },
        { id: 'B', title: 'b', date: '2023-09-02' },
      ],
      [...a, ...b],
    );
    assert.equal(stories.length, 1);
    const c = withStoryDefaults([...a, ...b], stories).find((x) => x.id === b[1]!.id)!;
    assert.equal(c.subject, 'byd');
    assert.equal(c.basis?.subject, 'story');
  });
  test("a named metric with no period takes the story's period, basis story; a forecast or a qoq change does not", () => {
    const story: Story = { id: 's1', subject: 'iflytek', period: '2023-Q1..Q3', articleIds: ['A', 'B'] };
    const none = { period: null, basis: { subject: 'article', period: 'none' } } as const;
    const level = makeClaim('B', 128e8, 1e8, { ...none, unit: 'CNY', measure: 'level' });
    const forecast = makeClaim('B', 180e8, 1e8, { ...none, unit: 'CNY', measure: 'level', aspects: ['forecast'] });
    const qoq = makeClaim('B', 3.1, 0.1, { ...none, measure: 'qoq' });
    const [l, f, q] = withStoryDefaults([level, forecast, qoq], [story]);
    assert.equal(l!.period, '2023-Q1..Q3');
    assert.equal(l!.basis?.period, 'story');
    assert.match(l!.why.period ?? '', /story's period/);
    assert.equal(f!.period, null);
    assert.equal(q!.period, null);
  });
  test('a single-article story changes nothing', () => {
    const u = extract(['前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    const hand = makeClaim(u.article.id, 5.5, 0.1, { subject: 'main', period: 'Q3' });
    const claims = [...u.claims, hand];
    const stories = storiesOf([u.article], claims);
    assert.equal(stories.length, 1);
    const filled = withStoryDefaults(claims, stories);
    assert.deepEqual(filled, claims);
    filled.forEach((c, i) => assert.equal(c, claims[i], 'the very same claim objects'));
  });
  test('a claim whose article is in no story is left alone', () => {
    const c = makeClaim('Z', 5.5, 0.1, { subject: 'main', period: 'Q3' });
    assert.equal(withStoryDefaults([c], [{ id: 's', subject: 'byd', period: '2023-Q3', articleIds: ['A', 'B'] }])[0], c);
  });
});

describe('unknown is not different', () => {
  const dated = () => extract(['科大讯飞前三季度营业收入128.3亿元。'], { date: '2023-10-24', title: '科大讯飞三季报' });
  const other = () => extract(['科大讯飞前三季度营业收入128.3亿元。'], { date: '2023-10-28', title: '科大讯飞业绩点评' });

  test('a yearless period is filled and aligned with the same fact, not kept apart as another one', () => {
    const a = dated();
    const u = extract(['前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    const claims = [...a.claims, ...u.claims];
    // Without the story, Q1..Q3 and 2023-Q1..Q3 are different keys.
    assert.deepEqual(alignClaims(claims), []);
    const findings = computeFindings(claims, [a.article, u.article]);
    const f = findings.find((x) => x.claimIds.includes(claimOf(a.claims, '128.3').id));
    assert.ok(f, 'aligned once the story fills the year');
    assert.ok(f.claimIds.includes(claimOf(u.claims, '128.3').id));
    assert.equal(f.verdict, 'consistent');
    assert.equal(f.alignment?.strength, 'strong', 'only the year came from the story');
  });
  test('a different year stated in an undated article stays different', () => {
    const a = dated();
    const b = other();
    const u = extract(['2022年前三季度，公司营业收入128.3亿元。'], { title: '科大讯飞：经营回顾' });
    const uc = claimOf(u.claims, '128.3');
    assert.equal(uc.period, '2022-Q1..Q3');
    const { findings, stories } = checkClaims([...a.claims, ...b.claims, ...u.claims], [a.article, b.article, u.article]);
    assert.ok(storyOf(stories, u.article.id)?.articleIds.includes(a.article.id), 'it is in the same story');
    const f = findings.find((x) => x.claimIds.includes(claimOf(a.claims, '128.3').id));
    assert.ok(f);
    assert.ok(!f.claimIds.includes(uc.id), 'the 2022 figure is not the 2023 fact');
    const filled = withStoryDefaults([...a.claims, ...b.claims, ...u.claims], stories).find((x) => x.id === uc.id)!;
    assert.equal(filled.period, '2022-Q1..Q3');
    assert.equal(filled.basis?.period, 'stated');
  });
});

describe('ingest: a date said to be unknown', () => {
  const build = (date: string) => {
    const text = `---\ntitle: Quorvane Systems quarterly update\ndate: ${JSON.stringify(date)}\n---\nQuorvane Systems shipped more units than planned.\n`;
    return buildArticle({ path: `u/${date.length}.md`, text, hash: 'h', source: 'file' }).article;
  };
  test('front matter date "unknown (… 2024 …)" gives no date', () => {
    assert.equal(build('unknown (the page footer mentions March 3, 2024)').date, undefined);
    assert.equal(build('unknown (2024-03-03 is only the crawl date)').date, undefined);
  });
  test('a real date in front matter is kept', () => {
    assert.equal(build('2024-03-05').date, '2024-03-05');
  });
});

describe('stories of a company the lexicon does not know', () => {
  test('reports that print the same precise figures are one story: the name one source gives becomes the other\'s subject', () => {
    const a = extract(['蓝河汽车11月交付新车52817辆，同比增长41.3%；1-11月累计交付438106辆。'], { date: '2026-12-01', title: '11月交付数据出炉', language: 'zh' });
    const b = extract(['Bluriver Motors delivered 52,817 vehicles in November, up 41.3% from a year earlier, bringing deliveries in the first eleven months to 438,106.'], { date: '2026-12-01', title: 'Bluriver Motors November deliveries', language: 'en' });
    const stories = storiesOf([a.article, b.article], [...a.claims, ...b.claims]);
    assert.equal(stories.length, 1);
    assert.equal(stories[0]!.subject, 'bluriver');
    const filled = withStoryDefaults([...a.claims, ...b.claims], stories);
    assert.equal(filled.find((c) => c.quote === '52817辆')!.subject, 'bluriver');
  });

  test('one shared figure is not enough', () => {
    const a = extract(['蓝河汽车11月交付新车52817辆。'], { date: '2026-12-01', title: '交付数据', language: 'zh' });
    const b = extract(['Greenhill Group shipped 52,817 units in November.'], { date: '2026-12-01', title: 'Greenhill Group', language: 'en' });
    assert.equal(storiesOf([a.article, b.article], [...a.claims, ...b.claims]).length, 2);
  });

  test('"Chinese carmaker Bluriver Motors" and "China\'s Bluriver" name the company, not China', () => {
    const c = extract(["Chinese electric carmaker Bluriver Motors said it sold 52,817 cars in November. China's Bluriver also sold 9,406 abroad."], { date: '2026-12-01', title: 'Bluriver sales', language: 'en' }).claims;
    assert.equal(claimOf(c, '52,817').subject, 'bluriver');
    assert.equal(claimOf(c, '9,406').subject, 'bluriver');
    assert.ok(!claimOf(c, '9,406').aspects.some((x) => x.includes('bluriver')));
  });
});
