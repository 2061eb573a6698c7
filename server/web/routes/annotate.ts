// Annotating an article: comments on a selection, manual claims, corrections of extracted
// claims. Anything that changes claims re-aligns and re-compares in the same write.
import { randomBytes } from 'node:crypto';
import type { Express, Request } from 'express';
import type { Article, Correction, Measure } from '../../types.js';
import { anchorAt } from '../../check/index.js';
import { save, type Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { backTo, field, offsets, oneOf } from '../form.js';
import { MEASURES, SCALES, metricIdOf } from '../model/choices.js';
import { checkFact, checkUnit, manualClaim, scaledValue } from '../model/manual-claim.js';
import { whoOf } from '../who.js';
import { msg } from '../i18n.js';

const newId = (p: string) => p + randomBytes(6).toString('hex');

function articleOf(ctx: Ctx, req: Request): Article {
  const a = ctx.index().articles.get(req.params.id as string);
  if (!a) throw new HttpError(404, msg('err.articleGone'));
  return a;
}

/**
 * The span a form points at: offsets from a selection (JS), or, without JS, the exact words
 * typed in "quote" (first occurrence). Offsets are checked against the quote when both come.
 */
function spanOf(req: Request, a: Article, typed = ''): { start: number; end: number } {
  const quote = field(req, 'quote', 2000, 'selectedText');
  const at = offsets(req, a.text.length);
  // What to give back on a refusal: the comment the person wrote, with the words they typed.
  const kept = [typed, quote].filter(Boolean).join('\n\n') || undefined;
  const back = { href: `/articles/${a.id}`, label: msg('err.backToArticle') };
  // The browser reports \r\n as \n, so compare without CRs.
  if (at && (!quote || a.text.slice(at.start, at.end).replace(/\r/g, '') === quote.replace(/\r/g, ''))) return at;
  if (!quote.trim()) throw new HttpError(400, msg('err.selectFirst'), kept, back);
  const i = a.text.indexOf(quote);
  if (i < 0) throw new HttpError(400, msg('err.wordsMissing', { quote: quote.slice(0, 60) }), kept, back);
  // Attaching to the first of several places would be a guess: ask for words that are unique.
  const times = occurrences(a.text, quote);
  if (times > 1) throw new HttpError(400, msg('err.wordsMany', { quote: quote.slice(0, 60), n: times }), kept, back);
  return { start: i, end: i + quote.length };
}

function occurrences(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

const articleUrl = (a: Article, claim?: string) => `/articles/${a.id}${claim ? `?claim=${encodeURIComponent(claim)}#c-${encodeURIComponent(claim)}` : ''}`;

export function annotateRoutes(app: Express, ctx: Ctx) {
  app.post('/articles/:id/annotations', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    const comment = field(req, 'comment', 5000, 'comment').trim();
    if (!comment) throw new HttpError(400, msg('err.writeComment'));
    const { start, end } = spanOf(req, a, comment);
    await save(ctx, (db) => void db.annotations.push({ id: newId('n'), articleId: a.id, anchor: anchorAt(a.text, start, end), comment, createdAt: new Date().toISOString(), by: whoOf(res) }), { kept: comment });
    flash(res.locals.sid, msg('flash.commentAdded', { quote: a.text.slice(start, Math.min(end, start + 40)) }));
    res.redirect(303, backTo(req, articleUrl(a)));
  });

  app.post('/articles/:id/annotations/:nid/delete', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    if (!ctx.index().db.annotations.some((n) => n.id === req.params.nid && n.articleId === a.id)) throw new HttpError(404, msg('err.commentGone'));
    await save(ctx, (db) => void (db.annotations = db.annotations.filter((n) => n.id !== req.params.nid)));
    flash(res.locals.sid, msg('flash.commentRemoved'));
    res.redirect(303, backTo(req, articleUrl(a)));
  });

  app.post('/articles/:id/manual-claims', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    const { start, end } = spanOf(req, a);
    const scale = Number(field(req, 'scale', 20) || 1);
    if (!SCALES.includes(scale)) throw new HttpError(400, msg('err.scale'));
    const claim = manualClaim(a, {
      start,
      end,
      value: field(req, 'value', 40, 'value'),
      scale,
      unit: field(req, 'unit', 20, 'unit').trim(),
      metric: metricIdOf(field(req, 'metric', 60, 'metric')),
      period: field(req, 'period', 40, 'period').trim(),
      subject: field(req, 'subject', 100, 'subject'),
      measure: oneOf<Measure>(req, 'measure', MEASURES, 'measure'),
    });
    await save(ctx, (db) => void db.manualClaims.push({ ...claim, by: whoOf(res) }), { recheck: true });
    flash(res.locals.sid, msg('flash.claimAdded', { quote: claim.quote }));
    res.redirect(303, articleUrl(a, claim.id));
  });

  app.post('/articles/:id/manual-claims/:cid/delete', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    if (!ctx.index().db.manualClaims.some((m) => m.id === req.params.cid && m.articleId === a.id)) throw new HttpError(404, msg('err.manualGone'));
    await save(ctx, (db) => void (db.manualClaims = db.manualClaims.filter((m) => m.id !== req.params.cid)), { recheck: true });
    flash(res.locals.sid, msg('flash.manualRemoved'));
    res.redirect(303, backTo(req, articleUrl(a)));
  });

  app.post('/articles/:id/claims/:cid/correct', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    const original = ctx.index().db.claims.find((c) => c.id === req.params.cid && c.articleId === a.id);
    if (!original) throw new HttpError(404, msg('err.onlyExtracted'));
    const notAClaim = field(req, 'notAClaim', 10) === 'on';
    const metricRaw = metricIdOf(field(req, 'metric', 60, 'metric'));
    const period = field(req, 'period', 40, 'period').trim();
    const subject = field(req, 'subject', 100, 'subject').trim() || original.subject;
    const typedValue = field(req, 'value', 40, 'value').trim();
    const scale = Number(field(req, 'scale', 20) || 1);
    const unit = field(req, 'unit', 20, 'unit').trim() || original.unit;
    if (!notAClaim) {
      checkFact(metricRaw, period, subject);
      checkUnit(unit);
      if (!SCALES.includes(scale)) throw new HttpError(400, msg('err.scale'));
    }
    // A value left empty keeps the extractor's.
    const fixed = typedValue && !notAClaim ? scaledValue(typedValue, scale) : undefined;
    const metric = metricRaw && metricRaw !== '(none)' ? metricRaw : null;
    // Keep only what differs from the extractor, so re-extraction improvements still show.
    const fix: Partial<Correction> = {};
    if (notAClaim) fix.notAClaim = true;
    else {
      if (metric !== original.metric) fix.metric = metric;
      if ((period || null) !== original.period) fix.period = period || null;
      if (subject !== original.subject) fix.subject = subject;
      if (fixed && (fixed.value !== original.value || fixed.precision !== original.precision)) (fix.value = fixed.value), (fix.precision = fixed.precision);
      if (unit !== original.unit) fix.unit = unit;
    }
    const same = (k: Correction) => k.articleId === a.id && !k.orphaned && k.anchor.start === original.start && k.anchor.end === original.end;
    await save(
      ctx,
      (db) => {
        db.corrections = db.corrections.filter((k) => !same(k));
        if (Object.keys(fix).length) db.corrections.push({ id: newId('k'), articleId: a.id, anchor: anchorAt(a.text, original.start, original.end), createdAt: new Date().toISOString(), by: whoOf(res), ...fix });
      },
      { recheck: true },
    );
    flash(res.locals.sid, msg(notAClaim ? 'flash.markedNot' : Object.keys(fix).length ? 'flash.correctionSaved' : 'flash.backToExtractor', { quote: original.quote }));
    res.redirect(303, articleUrl(a, original.id));
  });

  app.post('/articles/:id/corrections/:kid/delete', ctx.form, ctx.verify, async (req, res) => {
    const a = articleOf(ctx, req);
    const k = ctx.index().db.corrections.find((x) => x.id === req.params.kid && x.articleId === a.id);
    if (!k) throw new HttpError(404, msg('err.correctionGone'));
    await save(ctx, (db) => void (db.corrections = db.corrections.filter((x) => x.id !== k.id)), { recheck: true });
    flash(res.locals.sid, msg('flash.correctionUndone'));
    res.redirect(303, backTo(req, articleUrl(a)));
  });
}
