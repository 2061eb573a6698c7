// GET /export — downloads through the export module, with the queue's filters. ClaimReview
// links point at this server as the browser reached it (the Host header is checked) unless
// CROSSCHECK_BASE_URL says where the app is published.
import type { Express } from 'express';
import { renderExportWith, ExportError, type ExportFilters, type ExportFormat } from '../../export/index.js';
import type { Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { msg } from '../i18n.js';

const FORMATS: ExportFormat[] = ['csv', 'md', 'html', 'json', 'annotations', 'claimreview'];
const STATUSES = ['open', 'confirmed', 'dismissed', 'reviewed', 'all'] as const;

export function exportRoutes(app: Express, ctx: Ctx) {
  app.get('/export', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const format = q.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new HttpError(400, msg('err.format', { formats: FORMATS.join(', ') }));
    const status = (q.status || 'all') as ExportFilters['status'];
    if (!STATUSES.includes(status as (typeof STATUSES)[number])) throw new HttpError(400, msg('err.exportStatus', { statuses: STATUSES.join(', ') }));
    const filters: ExportFilters = { status };
    for (const k of ['verdict', 'severity', 'metric', 'q'] as const) if (typeof q[k] === 'string' && q[k]) filters[k] = q[k]!.slice(0, 200);
    if (q.article) filters.articleId = q.article.slice(0, 200);
    if (filters.verdict === 'all') delete filters.verdict;
    let out;
    try {
      out = renderExportWith(ctx.store.read(), format, filters, { baseUrl: process.env.CROSSCHECK_BASE_URL?.trim() || `${req.protocol}://${req.get('host')}/` });
    } catch (e) {
      if (e instanceof ExportError) throw new HttpError(400, (e as Error).message);
      console.error('crosscheck web: export failed:', e);
      throw new HttpError(501, msg('err.exportFailed', { format, problem: (e as Error).message }));
    }
    const filename = out.filename.replace(/[^\w.-]/g, '_') || `crosscheck.${format}`;
    res.set({ 'Content-Type': out.contentType, 'Content-Disposition': `attachment; filename="${filename}"` }).send(out.body);
  });
}
