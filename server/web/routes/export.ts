// GET /export — downloads through the export module, with the queue's filters. ClaimReview
// links point at this server as the browser reached it (the Host header is checked) unless
// CROSSCHECK_BASE_URL says where the app is published. A download that fits in one chunk is
// sent whole, as before (Content-Length, ETag); a larger one is streamed, chunk by chunk.
import type { Express, Response } from 'express';
import { exportChunks, ExportError, type ExportFilters, type ExportFormat } from '../../export/index.js';
import { writeChunks } from '../../store/json-stream.js';
import type { Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { msg } from '../i18n.js';

const FORMATS: ExportFormat[] = ['csv', 'md', 'html', 'json', 'annotations', 'claimreview'];
const STATUSES = ['open', 'confirmed', 'dismissed', 'reviewed', 'all'] as const;

// What res.send would make of the type: every export is UTF-8 text.
const withCharset = (type: string) => (/;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`);

/** The chunks already made, then the rest. */
function* resumed(made: string[], rest: Iterator<string>): Generator<string> {
  yield* made;
  for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
}

/** A big download, as fast as the client takes it. The headers are out: a failure can only cut it short. */
async function stream(res: Response, chunks: Iterable<string>) {
  try {
    await writeChunks(res, chunks);
    res.end();
  } catch (e) {
    if (!res.destroyed) console.error('crosscheck web: export failed while streaming:', e);
    res.destroy();
  }
}

export function exportRoutes(app: Express, ctx: Ctx) {
  app.get('/export', async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const format = q.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new HttpError(400, msg('err.format', { formats: FORMATS.join(', ') }));
    const status = (q.status || 'all') as ExportFilters['status'];
    if (!STATUSES.includes(status as (typeof STATUSES)[number])) throw new HttpError(400, msg('err.exportStatus', { statuses: STATUSES.join(', ') }));
    const filters: ExportFilters = { status };
    for (const k of ['verdict', 'severity', 'metric', 'q'] as const) if (typeof q[k] === 'string' && q[k]) filters[k] = q[k]!.slice(0, 200);
    if (q.article) filters.articleId = q.article.slice(0, 200);
    if (filters.verdict === 'all') delete filters.verdict;
    let out, chunks, first, second;
    try {
      out = exportChunks(ctx.store.read(), format, filters, { baseUrl: process.env.CROSSCHECK_BASE_URL?.trim() || `${req.protocol}://${req.get('host')}/` });
      // The first chunk is made, and the next begun, before the headers go: a body that fits in one
      // is sent whole, and a failure this early is still an error page.
      chunks = out.chunks[Symbol.iterator]();
      first = chunks.next();
      second = first.done ? first : chunks.next();
    } catch (e) {
      if (e instanceof ExportError) throw new HttpError(400, (e as Error).message);
      console.error('crosscheck web: export failed:', e);
      throw new HttpError(501, msg('err.exportFailed', { format, problem: (e as Error).message }));
    }
    const filename = out.filename.replace(/[^\w.-]/g, '_') || `crosscheck.${format}`;
    res.set({ 'Content-Type': out.contentType, 'Content-Disposition': `attachment; filename="${filename}"` });
    if (second.done) return void res.send(first.done ? '' : first.value);
    res.set('Content-Type', withCharset(out.contentType));
    if (req.method === 'HEAD') return void res.end();
    await stream(res, resumed([first.value, second.value], chunks));
  });
}
