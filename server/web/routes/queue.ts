// The review queue, one finding's page, and the review actions on a finding.
import type { Express, Request } from 'express';
import type { Claim, DismissReason, Finding, PrimarySource, Review } from '../../types.js';
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
import { primarySourceFrom, sourceFormDefaults, sourceView } from '../model/primary-source.js';
import { SCALES } from '../model/choices.js';
import { againstSource } from '../../review/primary-source.js';

const PAGE = 20;
/** Sources shown side by side on a queue card; the finding page shows them all. */
const CARD_SOURCES = 4;
const ACTIONS = ['confirm', 'dismiss', 'reopen', 'note', 'correct', 'reference', 'source', 'unsource'] as const;

export function cardOf(ix: Index, id: string) {
  const f = ix.findingById.get(id)!;
  const review = ix.reviews.get(id);
  const sources = sourcesOf(ix, f);
  return { f, sources, review, status: statusOf(ix, id), history: historyOf(ix.db, id), primary: sourceView(ix, f, review, sources) };
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
    const card = cardOf(ix, req.params.id);
    res.render('finding', { title: i18nOf(res).t('title.finding'), card, cardSources: Infinity, openHistory: true, sourceForm: { ...sourceFormDefaults(card.sources), scales: SCALES } });
  });

  app.post('/findings/:id/review', ctx.form, ctx.verify, async (req, res) => {
    const ix = ctx.index();
    const f = ix.findingById.get(req.params.id as string);
    if (!f) throw new HttpError(404, msg('err.noFindingPost'));
    const action = oneOf(req, 'action', ACTIONS, 'action');
    const note = field(req, 'note', 5000, 'note');
    const viewer = viewerOf(res);
    const at = new Date().toISOString();
    const change = reviewChange(req, action, f.claimIds, ix, note, viewer.name, at);
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
    await save(ctx, (db) => void decide(db, f, change, { by, action, at, judged, note: note.trim() || undefined }), { kept: note || undefined });
    const fact = (i: I18n) => helpersFor(i).fact(f.fact);
    flash(res.locals.sid, action === 'source' || action === 'unsource' ? sourceFlash(ctx.index(), f, fact) : flashWord(action, req, fact));
    const focus = field(req, 'focus', 40) || f.id;
    const back = backTo(req, `/findings/${f.id}`);
    res.redirect(303, back.includes('#') || !/^[\w-]+$/.test(focus) ? back : `${back}#f-${focus}`);
  });
}

function reviewChange(req: Request, action: (typeof ACTIONS)[number], claimIds: string[], ix: Index, note: string, by: string, at: string): (r: Review) => void {
  switch (action) {
    case 'source': {
      const claims = claimIds.map((id) => ix.claimById.get(id)).filter((c): c is Claim => !!c);
      const source = primarySourceFrom(req, claims, by, at);
      return (r) => {
        // The same document and figure again is no change: who recorded it first stays.
        const { by: _b, at: _a, ...same } = r.primarySource ?? ({} as Partial<PrimarySource>);
        const { by: _b2, at: _a2, ...given } = source;
        if (JSON.stringify(same) !== JSON.stringify(given)) r.primarySource = source;
      };
    }
    case 'unsource':
      return (r) => void delete r.primarySource;
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

/** What recording the source showed: the articles it proves wrong, by name. */
function sourceFlash(ix: Index, f: Finding, fact: (i: I18n) => string) {
  const against = againstSource(f, ix.reviews.get(f.id), ix.claimById);
  if (!against) return msg('flash.sourceRemoved', { fact });
  const names = (i: I18n) => against.wrongArticleIds.map((id) => helpersFor(i).publisher(ix.articles.get(id))).join(i.t('common.listSep'));
  return msg(against.wrongArticleIds.length ? 'flash.sourceWrong' : 'flash.sourceNoneWrong', { fact, names, figure: against.source.printed });
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
