// GET /facts — every aligned fact, agreeing ones included, and (on request) the facts only
// one source states. Agreement is evidence too.
import type { Express } from 'express';
import type { Claim } from '../../types.js';
import type { Ctx } from '../context.js';
import { i18nOf } from '../i18n.js';
import { applyFilters, metricsIn, paginate, parseFilters, SEVERITIES, STATUSES, VERDICTS } from '../model/filters.js';
import { statusOf } from '../model/index.js';
import { sourcesOf } from '../model/sources.js';

const PAGE = 50;
/** Sources listed per fact; the finding's page lists them all (a fact can have hundreds). */
const ROW_SOURCES = 6;

export function factsRoutes(app: Express, ctx: Ctx) {
  app.get('/facts', (req, res) => {
    const ix = ctx.index();
    const filters = parseFilters(req.query, { status: 'all', verdict: 'all' });
    const single = req.query.scope === 'single';
    const base = { title: i18nOf(res).t('title.facts'), filters, single, options: { statuses: STATUSES, verdicts: VERDICTS, severities: SEVERITIES, metrics: metricsIn(ix) } };
    if (single) {
      // Claims in no finding: what only one source says.
      const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
      const lone = ix.claims.filter((c: Claim) => {
        if (ix.findingByClaim.has(c.id)) return false;
        if (filters.metric && (c.metric ?? '(none)') !== filters.metric) return false;
        if (filters.article && c.articleId !== filters.article) return false;
        const hay = `${c.quote} ${c.subject} ${c.metric ?? ''} ${c.period ?? ''} ${ix.articles.get(c.articleId)?.title ?? ''}`.toLowerCase();
        return terms.every((t) => hay.includes(t));
      });
      const page = paginate(lone, filters.page, PAGE);
      return res.render('facts', { ...base, page, rows: [], lone: page.items.map((c) => ({ c, article: ix.articles.get(c.articleId) })), loneTotal: lone.length });
    }
    const page = paginate(applyFilters(ix, filters), filters.page, PAGE);
    res.render('facts', { ...base, page, lone: [], rows: page.items.map((f) => ({ f, sources: sourcesOf(ix, f), status: statusOf(ix, f.id) })), rowSources: ROW_SOURCES });
  });
}
