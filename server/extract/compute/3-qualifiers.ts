// Pass 3: qualifiers. 约/about make a value approximate; 超过/more than and 余 make it a lower
// bound; 近/nearly an upper bound. The word must touch the number (or its currency sign),
// so "超过了伦敦奥运会的39枚" is a comparison, not a bound.
import type { Qualifier } from '../../types.js';
import { alternation, qualifierAfter, qualifierBefore } from '../model/lexicon.js';
import type { NumberToken } from './2-numbers.js';

const keys = (o: Record<string, string>) => alternation(Object.keys(o));
const ZH_BEFORE = new RegExp(`(${keys(qualifierBefore.zh)})(?:了)?\\s*$`);
const EN_BEFORE = new RegExp(`\\b(${keys(qualifierBefore.en)})\\s+(?:of\\s+)?$`, 'i');
const ZH_AFTER = new RegExp(`^(${keys(qualifierAfter.zh)})`);
const EN_AFTER = new RegExp(`^\\s+(${keys(qualifierAfter.en)})\\b`, 'i');
/** "fell below the 5% mark": before a threshold, the word that says which side of it the value is may stand before "the". */
const EN_BEFORE_THRESHOLD = new RegExp(`\\b(${keys(qualifierBefore.en)})\\s+the\\s+$`, 'i');
const THRESHOLD = /^(?:threshold|mark|milestone)$/i;

export function qualifierOf(sentence: string, tok: NumberToken): { qualifier: Qualifier; word?: string } {
  // 二十几万: an unknown digit makes the printed value the lowest reading.
  if (tok.vagueWord) return { qualifier: 'lower', word: tok.vagueWord };
  const before = sentence.slice(Math.max(0, tok.start - 24), tok.start);
  let m = ZH_BEFORE.exec(before);
  if (m) return { qualifier: qualifierBefore.zh[m[1]!] as Qualifier, word: m[1] };
  m = EN_BEFORE.exec(before);
  if (m) return { qualifier: qualifierBefore.en[m[1]!.toLowerCase()] as Qualifier, word: m[1] };
  // 余 and 多 sit between the numeral and its unit (400余名) or after it (2.9万多).
  const inner = sentence.slice(tok.numEnd, tok.end);
  m = /[余多]/.exec(inner);
  if (m) return { qualifier: 'lower', word: m[0] };
  m = ZH_AFTER.exec(sentence.slice(tok.end));
  if (m) return { qualifier: qualifierAfter.zh[m[1]!] as Qualifier, word: m[1] };
  m = EN_AFTER.exec(sentence.slice(tok.end));
  if (m && THRESHOLD.test(m[1]!)) {
    const side = EN_BEFORE_THRESHOLD.exec(before);
    if (side) return { qualifier: qualifierBefore.en[side[1]!.toLowerCase()] as Qualifier, word: `${side[1]} the … ${m[1]}` };
  }
  if (m) return { qualifier: qualifierAfter.en[m[1]!.toLowerCase()] as Qualifier, word: m[1] };
  return { qualifier: 'exact' };
}
