// Adding articles from the browser: file upload (.txt/.md) or pasted text with metadata.
// Both go through the same ingest as the library folder, so claims and findings update at once.
import express, { type Express, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { basename, extname } from 'node:path';
import type { Article } from '../../types.js';
import { articleFromBytes, sha256 } from '../../ingest/index.js';
import { ingestArticles } from '../../check/index.js';
import type { Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { field } from '../form.js';
import { i18nOf, msg, msgN, type Msg } from '../i18n.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_PASTE_CHARS = 2_000_000;
// The same files the CLI reads: saved web pages too (their readable text becomes the article).
const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
const MAX_FILES = 20;
const BACK_TO_ADD = { href: '/add', label: msg('err.backToAdd') };

const upload = (ctx: Ctx) =>
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FILES, fields: 10, fieldSize: 4096, parts: 40 },
    fileFilter: (req, file, cb) => {
      // The security token comes before the first file (the form sends it first): a wrong or
      // missing one stops the upload here, before any file is read into memory.
      const locals = req.res!.locals;
      if (!locals.csrfChecked && !ctx.csrf.matches(req, (req.body as { _csrf?: unknown } | undefined)?._csrf)) return cb(ctx.csrf.refused());
      locals.csrfChecked = true;
      // Remember which file is streaming, so a size error can name it (multer's error does not).
      (req as { uploading?: string }).uploading = decodeName(file.originalname);
      cb(null, true);
    },
  });

// Browsers send file names as latin1 bytes of UTF-8: decode so 中文.txt keeps its name.
const decodeName = (raw: string) => safeName(Buffer.from(raw, 'latin1').toString('utf8'));

/** multer's limits as errors that name the file and the limit, with a way back to the form. */
const uploadFiles = (ctx: Ctx): RequestHandler => {
  const files = upload(ctx).array('files', MAX_FILES);
  return (req, res, next) =>
    files(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { name?: string; code?: string; message?: string };
      const name = (req as { uploading?: string }).uploading;
      if (err instanceof HttpError) return next(err);
      if (e.name === 'MulterError' && e.code === 'LIMIT_FILE_SIZE')
        return next(new HttpError(413, msg('err.tooLarge', { name: name ?? msg('err.aFile'), mb: MAX_UPLOAD_BYTES / 1048576 }), undefined, BACK_TO_ADD));
      if (e.name === 'MulterError' && e.code === 'LIMIT_FILE_COUNT') return next(new HttpError(413, msg('err.tooManyFiles', { n: MAX_FILES }), undefined, BACK_TO_ADD));
      if (e.name === 'MulterError') return next(err);
      // Anything else here is the body itself failing to parse (busboy: no boundary, a cut-off
      // body, a broken part header): the client's fault, said as such, never a server error.
      next(new HttpError(400, `The upload could not be read (${e.message ?? 'malformed multipart body'}). Nothing was added. Send it again from the Add articles page.`, undefined, BACK_TO_ADD));
    });
};

/** A file name safe to keep in an article path: no folders, no control characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '_');
  return base.slice(-120) || 'article.txt';
}

export function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}

/**
 * Where a pasted article lives. A URL names the article: pasting it again updates it. Without
 * one, the text does: the same text again is "unchanged", other text under the same title is
 * another article, never a replacement.
 */
export function pastePath(meta: { title: string; url: string }, text: string): string {
  const slug = slugOf(meta.title || text.trim().split('\n')[0]!);
  const identity = meta.url ? `url\n${meta.url}` : `text\n${meta.title}\n${text.replace(/\r\n/g, '\n').trim()}`;
  return `paste/${slug}-${sha256(identity).slice(0, 8)}`;
}

export function addRoutes(app: Express, ctx: Ctx) {
  app.get('/add', (_req, res) => {
    res.render('add', { title: i18nOf(res).t('title.add'), articlesDir: ctx.articlesDir, maxMb: MAX_UPLOAD_BYTES / 1048576, form: {} });
  });

  app.post('/add/upload', ctx.csrf.verifyBeforeBody, uploadFiles(ctx), ctx.verify, async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (!files.length) throw new HttpError(400, msg('err.chooseFiles'), undefined, BACK_TO_ADD);
    const articles: Article[] = [];
    const problems: Msg[] = [];
    const notes: string[] = [];
    for (const f of files) {
      const name = decodeName(f.originalname);
      if (!EXTENSIONS.has(extname(name).toLowerCase())) {
        problems.push(msg('err.notArticleFile', { name }));
        continue;
      }
      const r = articleFromBytes(f.buffer, `upload/${name}`, 'upload');
      if ('error' in r) problems.push(msg('err.fileProblem', { name, problem: r.error }));
      else {
        articles.push(r.article);
        if (r.note) notes.push(`${name}: ${r.note}`);
      }
    }
    if (!articles.length) throw new HttpError(400, msg('err.noneAdded', { problems: (i) => problems.map((p) => i.text(p)).join('; ') }), undefined, BACK_TO_ADD);
    await finish(ctx, res, articles, problems, notes);
  });

  app.post('/add/paste', ctx.csrf.verifyBeforeBody, express.urlencoded({ extended: false, limit: '8mb', parameterLimit: 20 }), ctx.verify, async (req, res) => {
    const text = field(req, 'text', MAX_PASTE_CHARS, 'text');
    const meta = { title: field(req, 'title', 300, 'title').trim(), publisher: field(req, 'publisher', 200, 'publisher').trim(), date: field(req, 'date', 40, 'date').trim(), url: field(req, 'url', 2000, 'url').trim() };
    if (!text.trim()) throw new HttpError(400, msg('err.pasteText'), text);
    if (meta.url && !/^https?:\/\/\S+$/i.test(meta.url)) throw new HttpError(400, msg('err.url'), text);
    if (meta.date && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(meta.date)) throw new HttpError(400, msg('err.date'), text);
    const path = pastePath(meta, text);
    const r = articleFromBytes(Buffer.from(text, 'utf8'), path, 'paste', meta);
    if ('error' in r) throw new HttpError(400, msg('err.notAdded', { problem: r.error }), text);
    await finish(ctx, res, [r.article], [], [], text);
  });
}

async function finish(ctx: Ctx, res: Response, articles: Article[], problems: Msg[], notes: string[], kept?: string) {
  let summary;
  try {
    // Extraction runs in a worker with a time limit (ctx.extract): an article that runs over is
    // refused before anything is written, and other requests are served while it is read.
    summary = await ingestArticles(ctx.store, articles, undefined, ctx.extract);
  } catch (e) {
    console.error('crosscheck web: ingest failed:', e);
    throw new HttpError(503, msg('err.ingestFailed', { location: ctx.store.location, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  const nameOf = (path: string) => (path.startsWith('upload/') ? path.slice('upload/'.length) : 'The text');
  const refused = (summary.refused ?? []).map((r) => `${nameOf(r.path)}: ${r.reason}`);
  if (summary.added + summary.changed + summary.unchanged === 0)
    throw new HttpError(422, msg('err.noneAdded', { problems: (i) => [...refused, ...problems.map((p) => i.text(p))].join('; ') }), kept, BACK_TO_ADD);
  const ix = ctx.index();
  const claims = articles.reduce((n, a) => n + (ix.claimsByArticle.get(a.id)?.length ?? 0), 0);
  const parts = [summary.added && msg('flash.addedN', { n: summary.added }), summary.changed && msg('flash.updatedN', { n: summary.changed }), summary.unchanged && msg('flash.unchangedN', { n: summary.unchanged })].filter((x): x is Msg => !!x);
  flash(res.locals.sid, msg('flash.added', { what: (i) => parts.map((p) => i.text(p)).join(i.t('common.listSep')), claims: msgN('flash.claimsFound', claims), findings: ix.db.findings.length }));
  for (const p of problems) flash(res.locals.sid, msg('flash.notAdded', { problem: p }), 'warn');
  for (const r of refused) flash(res.locals.sid, `Not added: ${r}`, 'warn');
  for (const n of notes) flash(res.locals.sid, n);
  res.redirect(303, articles.length === 1 ? `/articles/${articles[0]!.id}` : '/articles');
}
