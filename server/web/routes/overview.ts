// GET / — where the work stands.
import type { Express } from 'express';
import type { Ctx } from '../context.js';
import { i18nOf } from '../i18n.js';
import { overviewOf } from '../model/overview.js';
import { sourcesOf } from '../model/sources.js';

export function overviewRoutes(app: Express, ctx: Ctx) {
  app.get('/', (_req, res) => {
    const ix = ctx.index();
    const o = overviewOf(ix);
    res.render('overview', { title: i18nOf(res).t('title.overview'), o, top: o.topOpen.map((f) => ({ f, sources: sourcesOf(ix, f) })) });
  });
}
