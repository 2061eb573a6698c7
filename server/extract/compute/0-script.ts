// Pass 0: script. The lexicons are written in Simplified Chinese; Traditional pages (臺灣, 營收,
// 淨利, 總投票率) must match them too. Each Traditional character is folded to its Simplified form
// one for one, so every offset stays where it was and quotes are still cut from the original
// text. Folding character by character is cruder than OpenCC's phrase conversion (乾 folds to 干
// even in 乾隆), which is harmless here: the folded text is only read, never shown.
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const folded = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = folded.get(ch);
  if (hit !== undefined) return hit;
  const c = toSimplified(ch) ?? ch;
  // Only one-for-one replacements: anything else would move offsets.
  const f = c.length === ch.length ? c : ch;
  folded.set(ch, f);
  return f;
}

/** The text with Traditional characters in their Simplified form, the same length. */
export function foldTraditional(text: string): string {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 0x3400 ? ch : foldChar(ch);
  return out;
}
