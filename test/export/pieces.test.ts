// The streaming forms of join and of the final newline trim give the strings they stand for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endingInOneNewline, joined, mapped } from '../../server/export/pieces.js';

const cases = [[], [''], ['a'], ['a', 'b', ''], ['', '', ''], ['a\n', '\n', '', 'b\n\n', '\n'], ['\n\n'], ['x', '\n', 'y', '\n\n\n']];

test('joined is Array.prototype.join, and mapped is map, one item at a time', () => {
  for (const items of cases) for (const sep of ['', '\n', ', ']) assert.equal([...joined(items, sep)].join(''), items.join(sep), JSON.stringify([items, sep]));
  assert.deepEqual([...mapped(['a', 'b'], (x, i) => x + i)], ['a0', 'b1']);
});

test('endingInOneNewline is text.replace(/\\n+$/, "\\n") however the text is cut', () => {
  for (const pieces of cases) assert.equal([...endingInOneNewline(pieces)].join(''), pieces.join('').replace(/\n+$/, '\n'), JSON.stringify(pieces));
});
