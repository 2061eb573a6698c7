// GET /orphans — reviews, notes and corrections whose anchor is gone. Shown, never moved.
import type { Express } from 'express';
import type { Ctx } from '../context.js';
import { i18nOf } from '../i18n.js';
import { orphansOf } from './queue.js';

export function orphanRoutes(app: Express, ctx: Ctx) {
  app.get('/orphans', (_req, res) => {
    const ix = ctx.index();
    res.render('orphans', { title: i18nOf(res).t('title.orphans'), only: null, ...orphansOf(ix), articles: ix.articles });
  });
}
