// A figure restated later without its metric takes the metric and period it was first said with.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimOf, extract } from './helpers.js';

const en = (paragraphs: string[]) => extract(paragraphs, { language: 'en', title: 'Census results', date: '2025-02-01' }).claims;

describe('restated figures', () => {
  test('"The drop of 1.37 million" restates the population fall, and its percentage is the same change', () => {
    const claims = en([
      "Norland's population shrank by 1.37 million people in 2024, the statistics office said.",
      'Officials said 28 of its 31 provinces had shrunk.',
      'The drop of 1.37 million amounts to a fall of 0.26 percent from the previous year.',
    ]);
    const again = claimOf(claims, '1.37 million', 1);
    assert.equal(again.metric, 'population');
    assert.equal(again.period, '2024');
    assert.match(again.why.metric!, /same figure/);
    assert.equal(claimOf(claims, '0.26 percent').metric, 'population');
  });

  test('a short round figure said twice borrows nothing: a second 5% may be another fact', () => {
    const claims = en(['Exports rose 5% in 2024.', 'Something else grew 5% as well.']);
    assert.equal(claimOf(claims, '5%', 1).metric, null);
  });
});
