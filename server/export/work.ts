// The reviewers' own work that is not a decision: comments on article text, corrections of
// extracted claims, claims added by hand. One list of rows, so Markdown and HTML print the same.
import type { ExportModel } from './model.js';
import { shortName } from './model.js';
import { byWhen, correctionWords } from './words.js';
import { formatValue } from '../compare/format.js';

export interface WorkRow {
  kind: 'comment' | 'correction' | 'manual claim';
  source: string;
  quote: string;
  text: string;
  who: string;
  orphaned: boolean;
}

export function workRows(m: ExportModel): WorkRow[] {
  const articles = new Map(m.articles.map((a) => [a.id, a]));
  const source = (id: string) => {
    const a = articles.get(id);
    return a ? shortName(a) : `${id} (removed)`;
  };
  return [
    ...m.annotations.map((n) => ({ kind: 'comment' as const, source: source(n.articleId), quote: n.anchor.exact, text: n.comment, who: byWhen(n), orphaned: !!n.orphaned })),
    ...m.corrections.map((k) => ({ kind: 'correction' as const, source: source(k.articleId), quote: k.anchor.exact, text: correctionWords(k), who: byWhen(k), orphaned: !!k.orphaned })),
    ...m.manualClaims.map((c) => ({
      kind: 'manual claim' as const,
      source: source(c.articleId),
      quote: c.quote,
      text: [formatValue(c.value, c.unit), c.metric ?? 'no metric', c.period ?? 'no period', c.subject].join(' · '),
      who: c.by ? `by ${c.by}` : '',
      orphaned: c.aspects.includes('orphaned'),
    })),
  ];
}
