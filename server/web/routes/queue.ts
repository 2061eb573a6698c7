// The review queue, one finding's page, and the review actions on a finding.
import type { Express, Request } from 'express';
import type { DismissReason, Review } from '../../types.js';
import { save, type Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { backTo, field, oneOf } from '../form.js';
import { applyFilters, metricsIn, paginate, parseFilters, SEVERITIES, STATUSES, VERDICTS } from '../model/filters.js';
import { statusOf, type Index } from '../model/index.js';
import { sourcesOf } from '../model/sources.js';
import { REASON_KEYS, helpersFor } from '../render.js';
import { i18nOf, msg, type I18n } from '../i18n.js';
import { judgedOf } from '../../review/evidence.js';
import { decide } from '../../review/decide.js';
import { historyOf } from '../../review/history.js';
import { viewerOf } from '../who.js';
import { isStale, refusal } from '../../review/permissions.js';

const PAGE = 20;
/** Sources shown side by side on a queue card; the finding page shows them all. */
const CARD_SOURCES = 4;
const ACTIONS = ['confirm', 'dismiss', 'reopen', 'note', 'correct', 'reference'] as const;

export function cardOf(ix: Index, id: string) {
  const f = ix.findingById.get(id)!;
  return { f, sources: sourcesOf(ix, f), review: ix.reviews.get(id), status: statusOf(ix, id), history: historyOf(ix.db, id) };
}

export function queueRoutes(app: Express, ctx: Ctx) {
  app.get('/queue', (req, res) => {
    const ix = ctx.index();
    const filters = parseFilters(req.query, { status: 'open', verdict: 'flagged' });
    const allMatching = applyFilters(ix, filters);
    const page = paginate(allMatching, filters.page, PAGE);
    res.render('queue', {
      allMatching,
      // A status the user chose is kept; the queue's implicit "open" is not, or a download after confirming would be empty.
      exportStatus: typeof req.query.status === 'string' && req.query.status ? filters.status : undefined,
      title: i18nOf(res).t('title.queue'),
      filters,
      page,
      cards: page.items.map((f) => cardOf(ix, f.id)),
      cardSources: CARD_SOURCES,
      options: { statuses: STATUSES, verdicts: VERDICTS, severities: SEVERITIES, metrics: metricsIn(ix) },
      articleChoices: ix.articles.size <= 300 ? [...ix.articles.values()].sort((a, b) => a.title.localeCompare(b.title)) : null,
    });
  });

  app.get('/findings/:id', (req, res) => {
    const ix = ctx.index();
    if (!ix.findingById.has(req.params.id)) {
      const orphan = ix.reviews.get(req.params.id);
      if (orphan) return res.status(404).render('orphans', { title: i18nOf(res).t('title.orphanReview'), only: orphan, ...orphansOf(ix), articles: ix.articles });
      throw new HttpError(404, msg('err.noFinding'));
    }
    res.render('finding', { title: i18nOf(res).t('title.finding'), card: cardOf(ix, req.params.id), cardSources: Infinity, openHistory: true });
  });

  app.post('/findings/:id/review', ctx.form, ctx.verify, async (req, res) => {
    const ix = ctx.index();
    const f = ix.findingById.get(req.params.id as string);
    if (!f) throw new HttpError(404, msg('err.noFindingPost'));
    const action = oneOf(req, 'action', ACTIONS, 'action');
    const note = field(req, 'note', 5000, 'note');
    const change = reviewChange(req, action, f.claimIds, ix, note);
    const viewer = viewerOf(res);
    const current = ix.reviews.get(f.id);
    if (isStale(req.body?.seen, current))
      throw new HttpError(
        409,
        msg('err.stale', { by: current?.by ?? msg('common.someone'), state: (i) => helpersFor(i).stateWords(current), when: (i) => helpersFor(i).when(current?.updatedAt), action: msg(`action.${action}`) }),
        note || undefined,
      );
    const refused = refusal(viewer, current, action);
    if (refused) throw new HttpError(403, refusedText(refused), note || undefined);
    const judged = judgedOf(f, ix.claimById, ix.articles);
    const by = viewer.name;
    await save(ctx, (db) => void decide(db, f, change, { by, action, at: new Date().toISOString(), judged, note: note.trim() || undefined }), { kept: note || undefined });
    flash(res.locals.sid, flashWord(action, req, (i) => helpersFor(i).fact(f.fact)));
    const focus = field(req, 'focus', 40) || f.id;
    const back = backTo(req, `/findings/${f.id}`);
    res.redirect(303, back.includes('#') || !/^[\w-]+$/.test(focus) ? back : `${back}#f-${focus}`);
  });
}

function reviewChange(req: Request, action: (typeof ACTIONS)[number], claimIds: string[], ix: Index, note: string): (r: Review) => void {
  switch (action) {
    case 'confirm':
      return (r) => {
        r.status = 'confirmed';
        delete r.reason;
        if (note.trim()) r.note = note.trim();
      };
    case 'dismiss': {
      const reason = oneOf(req, 'reason', REASON_KEYS, 'reason');
      return (r) => {
        r.status = 'dismissed';
        r.reason = reason;
        if (note.trim()) r.note = note.trim();
      };
    }
    case 'reopen':
      return (r) => {
        r.status = 'open';
        delete r.reason;
      };
    case 'note':
      return (r) => {
        if (note.trim()) r.note = note.trim();
        else delete r.note;
      };
    case 'correct': {
      const claimId = field(req, 'claimId', 100);
      if (!claimIds.includes(claimId)) throw new HttpError(400, msg('err.notSourceClaim'));
      return (r) => {
        if (r.correctClaimId === claimId) delete r.correctClaimId;
        else r.correctClaimId = claimId;
      };
    }
    case 'reference': {
      const articleId = field(req, 'articleId', 100);
      const sources = new Set(claimIds.map((id) => ix.claimById.get(id)?.articleId));
      if (!sources.has(articleId)) throw new HttpError(400, msg('err.notSourceArticle'));
      return (r) => {
        if (r.referenceArticleId === articleId) delete r.referenceArticleId;
        else r.referenceArticleId = articleId;
      };
    }
  }
}

function flashWord(action: string, req: Request, fact: (i: I18n) => string) {
  if (action === 'dismiss') return msg('flash.dismissed', { reason: msg(`reason.${req.body.reason as DismissReason}`), fact });
  const key = ({ confirm: 'confirmed', reopen: 'reopened', note: 'note', correct: 'correct', reference: 'reference' } as Record<string, string>)[action] ?? 'saved';
  return msg(`flash.${key}`, { fact });
}

/** Why a reviewer may not change another's decision, in the reader's language. */
export const refusedText = (r: { by: string; status: string }) => msg('err.refused', { by: r.by, status: msg(`status.${r.status}`) });

export function orphansOf(ix: Index) {
  return {
    reviews: ix.db.reviews.filter((r) => !ix.findingById.has(r.findingId)),
    annotations: ix.db.annotations.filter((a) => a.orphaned),
    corrections: ix.db.corrections.filter((k) => k.orphaned),
    manual: ix.db.manualClaims.filter((m) => m.aspects.includes('orphaned')),
  };
}
