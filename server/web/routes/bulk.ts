// Bulk decisions: the findings ticked on the queue page, or every rounding finding the queue's
// filters match. Each finding gets its own history entry; they share a batch, so one undo
// reverses the lot. Findings the viewer may not change are skipped and counted, not forced.
import express, { type Express, type Request } from 'express';
import { randomBytes } from 'node:crypto';
import type { Finding, Review } from '../../types.js';
import { decide } from '../../review/decide.js';
import { judgedOf } from '../../review/evidence.js';
import { refusal } from '../../review/permissions.js';
import { save, type Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { backTo, oneOf } from '../form.js';
import { applyFilters, parseFilters } from '../model/filters.js';
import type { Index } from '../model/index.js';
import { REASON_KEYS } from '../render.js';
import { msg, msgN } from '../i18n.js';
import { viewerOf } from '../who.js';

const MAX_IDS = 500;
// A page of cards sends one "ids" field per ticked card, more than ordinary forms allow.
const bulkForm = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: MAX_IDS + 20 });

/** The findings a bulk form names: its ticked ids, or the rounding findings its filters match. */
export function bulkTargets(ix: Index, req: Request, scope: 'selected' | 'rounding'): Finding[] {
  if (scope === 'rounding') {
    const filters = parseFilters(req.body ?? {}, { status: 'open', verdict: 'flagged' });
    return applyFilters(ix, { ...filters, page: 1 }).filter((f) => f.verdict === 'rounding');
  }
  const raw = req.body?.ids;
  const ids = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (!ids.length) throw new HttpError(400, msg('err.tickFirst'));
  if (ids.length > MAX_IDS || ids.some((x) => typeof x !== 'string')) throw new HttpError(400, msg('err.atMost', { n: MAX_IDS }));
  const found = ids.map((id) => ix.findingById.get(id));
  if (found.some((f) => !f)) throw new HttpError(404, msg('err.tickedGone'));
  return [...new Set(found as Finding[])];
}

export function bulkRoutes(app: Express, ctx: Ctx) {
  app.post('/bulk', bulkForm, ctx.verify, async (req, res) => {
    const ix = ctx.index();
    const viewer = viewerOf(res);
    const action = oneOf(req, 'action', ['confirm', 'dismiss'] as const, 'bulkAction');
    const reason = action === 'dismiss' ? oneOf(req, 'reason', REASON_KEYS, 'reason') : undefined;
    const scope = oneOf(req, 'scope', ['selected', 'rounding'] as const, 'scope');
    const targets = bulkTargets(ix, req, scope);
    const change = (r: Review) => {
      r.status = action === 'confirm' ? 'confirmed' : 'dismissed';
      if (reason) r.reason = reason;
      else delete r.reason;
    };
    const allowed = targets.filter((f) => !refusal(viewer, ix.reviews.get(f.id), action));
    const batch = 'b' + randomBytes(6).toString('hex');
    const at = new Date().toISOString();
    let changed = 0;
    await save(ctx, (db) => {
      for (const f of allowed) if (decide(db, f, change, { by: viewer.name, action: `bulk ${action}`, at, judged: judgedOf(f, ix.claimById, ix.articles), batch })) changed++;
    });
    const skipped = targets.length - allowed.length;
    const already = targets.length - skipped - changed;
    flash(res.locals.sid, msgN(action === 'confirm' ? 'flash.bulkConfirmed' : 'flash.bulkDismissed', changed, { reason: reason ? msg(`reason.${reason}`) : '', already: already ? msg('flash.already', { n: already }) : '' }));
    if (skipped) flash(res.locals.sid, msg('flash.skipped', { n: skipped }), 'warn');
    res.redirect(303, backTo(req, '/queue'));
  });
}
