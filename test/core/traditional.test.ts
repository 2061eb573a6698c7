import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foldTraditional } from '../../server/extract/compute/0-script.js';
import { PROJECT_ROOT } from '../../server/root.js';

test('the folding table is what opencc-js makes of each character (node scripts/traditional.mjs re-makes it)', async () => {
  const spec = new URL('../../scripts/traditional.mjs', import.meta.url).href;
  const { traditionalTable, TABLE } = (await import(spec)) as { traditionalTable: () => { fold: Record<string, string> }; TABLE: string };
  const stored = JSON.parse(readFileSync(TABLE, 'utf8')) as { fold: Record<string, string> };
  assert.deepEqual(stored.fold, traditionalTable().fold);
  assert.ok(TABLE.startsWith(PROJECT_ROOT));
});

test('Traditional text folds to Simplified one character for one; Simplified and other text stay as they are', () => {
  const trad = '臺灣營收與淨利皆創新高，總投票率為七成。';
  const folded = foldTraditional(trad);
  assert.equal(folded, '台湾营收与净利皆创新高，总投票率为七成。');
  assert.equal(folded.length, trad.length);
  const plain = '营收增长5%，Revenue rose 5% 😀 𠀀';
  assert.equal(foldTraditional(plain), plain);
  // Characters outside the BMP keep their two code units.
  assert.equal(foldTraditional('𡞱營').length, '𡞱營'.length);
});
