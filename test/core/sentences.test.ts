// Pass 1: paragraphs, sentences and clauses, with offsets that index the article text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/extract/index.js';
import { splitClauses } from '../../server/extract/compute/1-sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  test('Chinese sentences end at 。！？；', () => {
    assert.deepEqual(texts('营业收入126.14亿元，同比下滑0.37%；净利润9936.21万元。第三季度营收47.72亿元！真的吗？是的。'), [
      '营业收入126.14亿元，同比下滑0.37%；',
      '净利润9936.21万元。',
      '第三季度营收47.72亿元！',
      '真的吗？',
      '是的。',
    ]);
  });

  test('titles before a name and signs before a figure do not end a sentence: Sen., Gov., Rs.', () => {
    assert.deepEqual(texts('Gov. Lee said fares rise to Rs. 45 in May. Sen. Ortiz disagreed.'), ['Gov. Lee said fares rise to Rs. 45 in May.', 'Sen. Ortiz disagreed.']);
  });

  test('a closing quote stays with the sentence it closes', () => {
    assert.deepEqual(texts('“引号里的话。”他说。'), ['“引号里的话。”', '他说。']);
  });

  test('decimals and abbreviations do not end an English sentence', () => {
    assert.deepEqual(texts('Revenue for the three months ended Dec. 31 was $40.1 billion. Mr. Smith said EPS was $5.33. It rose.'), [
      'Revenue for the three months ended Dec. 31 was $40.1 billion.',
      'Mr. Smith said EPS was $5.33.',
      'It rose.',
    ]);
  });

  test('U.S. and e.g. are not sentence ends', () => {
    assert.deepEqual(texts('The U.S. economy grew 2.5% in 2023. Prices rose.'), ['The U.S. economy grew 2.5% in 2023.', 'Prices rose.']);
  });

  test('a short English question with no figure runs on into its answer', () => {
    assert.deepEqual(texts('Net income? $14.1 billion. Then more.'), ['Net income? $14.1 billion.', 'Then more.']);
  });

  test('every line is its own paragraph; offsets index the text', () => {
    const t = '  第一段。第一段第二句。\n\n第二段。\r\nRevenue rose 5%. Costs fell.\n';
    const ss = splitSentences(t);
    for (const s of ss) assert.equal(t.slice(s.start, s.end), s.text);
    assert.deepEqual(
      ss.map((s) => s.paragraph),
      [ss[0]!.paragraph, ss[0]!.paragraph, ss[0]!.paragraph + 1, ss[0]!.paragraph + 2, ss[0]!.paragraph + 2],
    );
    assert.equal(ss[0]!.text, '第一段。', 'leading white space is not part of the sentence');
  });

  test('clauses split at commas, with offsets into the article', () => {
    const t = '前言。\n营业收入126.14亿元，同比下滑0.37%。';
    const s = splitSentences(t)[1]!;
    assert.deepEqual(s.clauses.map((c) => c.text), ['营业收入126.14亿元', '同比下滑0.37%。']);
    for (const c of s.clauses) assert.equal(t.slice(c.start, c.end), c.text);
  });
});

describe('splitClauses', () => {
  test('a thousands separator is not a clause break; an English comma is', () => {
    assert.deepEqual(
      splitClauses('Meta had 67,317 employees, up 22%', 0).map((c) => c.text),
      ['Meta had 67,317 employees', ' up 22%'],
    );
  });
  test('、 joins list items inside one clause', () => {
    assert.equal(splitClauses('第一、二、三产业增加值分别增长4.1%、4.7%和5.8%', 0).length, 1);
  });
  test('offsets are shifted by the sentence offset', () => {
    const cs = splitClauses('甲，乙', 10);
    assert.deepEqual(cs.map((c) => [c.start, c.end]), [[10, 11], [12, 13]]);
  });
});
