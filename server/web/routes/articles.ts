// The library list and one article with its claims highlighted in place.
import type { Express } from 'express';
import type { Article, Claim } from '../../types.js';
import type { Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { paginate } from '../model/filters.js';
import { stateOf, statusOf, type Index } from '../model/index.js';
import { segmentsOf, type Mark } from '../model/highlight.js';
import { sourcesOf } from '../model/sources.js';
import { formChoices } from '../model/choices.js';
import { helpers, helpersFor, type Helpers } from '../render.js';
import { i18nOf, msg } from '../i18n.js';

const PAGE = 100;

export function articleRoutes(app: Express, ctx: Ctx) {
  app.get('/articles', (req, res) => {
    const ix = ctx.index();
    const q = typeof req.query.q === 'string' ? req.query.q.trim().toLowerCase().slice(0, 200) : '';
    const pageNo = Math.max(1, Math.min(1e6, Number(req.query.page) || 1));
    const all = [...ix.articles.values()]
      .filter((a) => !q || `${a.title}\n${a.publisher ?? ''}\n${a.path}`.toLowerCase().includes(q))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
    const page = paginate(all, pageNo, PAGE);
    const rows = page.items.map((a) => {
      const fs = ix.findingsByArticle.get(a.id) ?? [];
      return { a, claims: ix.claimsByArticle.get(a.id)?.length ?? 0, discrepancies: fs.filter((f) => f.verdict === 'discrepancy').length, open: fs.filter((f) => f.verdict !== 'consistent' && statusOf(ix, f.id) === 'open').length };
    });
    res.render('articles', { title: i18nOf(res).t('title.articles'), rows, page, q });
  });

  app.get('/articles/:id', (req, res) => {
    const ix = ctx.index();
    const article = ix.articles.get(req.params.id);
    if (!article) throw new HttpError(404, msg('err.noArticle'));
    const h = helpersFor(i18nOf(res));
    res.render('article', { title: article.title, ...articleView(ix, article, typeof req.query.claim === 'string' ? req.query.claim : undefined, h), choices: formChoices(ix) });
  });
}

/** Extracted claims a reviewer marked "not a claim", with the correction that says so. */
function rejectedClaims(ix: Index, article: Article) {
  const out: Array<{ claim: Claim; correctionId: string }> = [];
  const fixes = ix.db.corrections.filter((k) => k.articleId === article.id && k.notAClaim && !k.orphaned);
  if (!fixes.length) return out;
  for (const c of ix.db.claims) {
    if (c.articleId !== article.id) continue;
    const k = fixes.find((x) => x.anchor.start === c.start && x.anchor.end === c.end);
    if (k) out.push({ claim: c, correctionId: k.id });
  }
  return out;
}

export function articleView(ix: Index, article: Article, selectedId?: string, h: Helpers = helpers) {
  const claims = (ix.claimsByArticle.get(article.id) ?? []).filter((c) => !c.aspects.includes('orphaned'));
  const rejected = rejectedClaims(ix, article);
  // Comments in reading order, numbered as their marks in the text; orphaned ones last, unnumbered.
  const annotations = ix.db.annotations.filter((a) => a.articleId === article.id).sort((a, b) => Number(!!a.orphaned) - Number(!!b.orphaned) || a.anchor.start - b.anchor.start || a.createdAt.localeCompare(b.createdAt));
  const noteNumber = new Map(annotations.filter((a) => !a.orphaned).map((a, i) => [a.id, i + 1]));
  const marks: Mark[] = [
    ...claims.map((c) => ({ kind: 'claim' as const, id: c.id, start: c.start, end: c.end, state: stateOf(ix, c.id), title: `${h.stateLabel(stateOf(ix, c.id))}: ${h.value(c)} · ${h.metric(c.metric)}` })),
    ...rejected.map(({ claim: c }) => ({ kind: 'rejected' as const, id: c.id, start: c.start, end: c.end, state: 'rejected', title: h.i18n.t('article.markNotAClaim') })),
    ...annotations.filter((a) => !a.orphaned).map((a) => ({ kind: 'note' as const, id: a.id, start: a.anchor.start, end: a.anchor.end, title: a.comment })),
  ];
  const segments = segmentsOf(article.text, marks);
  const selected = selectedId ? (claims.find((c) => c.id === selectedId) ?? rejected.find((r) => r.claim.id === selectedId)?.claim) : undefined;
  let detail = null;
  if (selected) {
    const finding = ix.findingByClaim.get(selected.id);
    const original = ix.db.claims.find((c) => c.id === selected.id);
    detail = {
      claim: selected,
      state: rejected.some((r) => r.claim.id === selected.id) ? 'rejected' : stateOf(ix, selected.id),
      original,
      finding,
      status: finding ? statusOf(ix, finding.id) : undefined,
      others: finding ? sourcesOf(ix, finding).filter((s) => s.articleId !== article.id) : [],
      correction: ix.db.corrections.find((k) => k.articleId === article.id && !k.orphaned && k.anchor.start === selected.start && k.anchor.end === selected.end),
    };
  }
  const findings = ix.findingsByArticle.get(article.id) ?? [];
  return {
    defaults: { subject: mostCommon(claims.map((c) => c.subject)), period: mostCommon(claims.map((c) => c.period ?? '')) },
    article,
    segments,
    claims: claims.map((c) => ({ c, state: stateOf(ix, c.id) })),
    rejected,
    annotations,
    noteNumber,
    orphanedManual: (ix.claimsByArticle.get(article.id) ?? []).filter((c) => c.aspects.includes('orphaned')),
    orphanedCorrections: ix.db.corrections.filter((k) => k.articleId === article.id && k.orphaned),
    detail,
    counts: {
      discrepancy: findings.filter((f) => f.verdict === 'discrepancy').length,
      rounding: findings.filter((f) => f.verdict === 'rounding').length,
      consistent: findings.filter((f) => f.verdict === 'consistent').length,
    },
  };
}

/** The article's usual subject and period: a good first guess for a claim the extractor missed. */
function mostCommon(values: string[]): string {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
