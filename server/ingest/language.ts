// Language by script: Han characters against Latin letters. Good enough to choose
// lexicons; a mixed article gets both.
import type { Language } from '../types.js';

export function detectLanguage(text: string): Language {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const han = sample.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latinWords = sample.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  // One Han character carries about as much as one English word.
  if (han === 0 && latinWords === 0) return 'en';
  const share = han / (han + latinWords);
  if (share > 0.7) return 'zh';
  if (share < 0.3) return 'en';
  return 'mixed';
}
