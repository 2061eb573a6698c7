// The sources of one finding, side by side: per article its most precise claim (the one
// the comparison used), with the quote cut out of its sentence for display.
import type { Article, Claim, Finding } from '../../types.js';
import { derived, type Index } from './index.js';

export interface Context {
  before: string;
  quote: string;
  after: string;
}

export interface Source {
  articleId: string;
  article?: Article;
  main: Claim;
  /** Other claims of the same fact in the same article. */
  others: Claim[];
  outlier: boolean;
  context: Context;
}

const AROUND = 110;

/** The quote inside its sentence, trimmed to a readable window. */
export function contextOf(c: Claim, text?: string): Context {
  let sentence = c.sentence;
  let at = c.start - c.sentenceStart;
  // Fall back to the article text when the sentence does not hold the quote (defensive).
  if (!sentence || sentence.slice(at, at + c.quote.length) !== c.quote) {
    sentence = text ?? c.quote;
    at = text ? c.start : 0;
  }
  const end = at + c.quote.length;
  const from = Math.max(0, at - AROUND);
  const to = Math.min(sentence.length, end + AROUND);
  return {
    before: (from > 0 ? '…' : '') + sentence.slice(from, at).trimStart(),
    quote: sentence.slice(at, end),
    after: sentence.slice(end, to).trimEnd() + (to < sentence.length ? '…' : ''),
  };
}

/** A finding's sources, made once per change of the claims (a finding of hundreds of sources is on the first page of the queue). */
export function sourcesOf(ix: Index, f: Finding): Source[] {
  return derived(ix, `sources:${f.id}`, () => sourcesNow(ix, f));
}

function sourcesNow(ix: Index, f: Finding): Source[] {
  const by = new Map<string, Claim[]>();
  for (const id of f.claimIds) {
    const c = ix.claimById.get(id);
    if (c) (by.get(c.articleId) ?? by.set(c.articleId, []).get(c.articleId)!).push(c);
  }
  const out: Source[] = [];
  for (const [articleId, cs] of by) {
    const sorted = [...cs].sort((a, b) => a.precision - b.precision || a.start - b.start);
    const main = sorted[0]!;
    const article = ix.articles.get(articleId);
    out.push({ articleId, article, main, others: sorted.slice(1), outlier: !!f.outlierArticleIds?.includes(articleId), context: contextOf(main, article?.text) });
  }
  // Outliers first, then by date, so the odd one out is the first thing a reviewer reads.
  return out.sort((a, b) => Number(b.outlier) - Number(a.outlier) || (a.article?.date ?? '').localeCompare(b.article?.date ?? '') || a.articleId.localeCompare(b.articleId));
}
