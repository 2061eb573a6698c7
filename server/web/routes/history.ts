// Undo: reverses the signed-in person's last action (a bulk action as a whole). A plain form
// posts here, so it works without JavaScript; the `u` key submits the same form.
import type { Express } from 'express';
import { undoLast, type UndoResult } from '../../review/history.js';
import { save, type Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { backTo } from '../form.js';
import { whoOf } from '../who.js';
import { helpersFor } from '../render.js';
import { msg } from '../i18n.js';

export function historyRoutes(app: Express, ctx: Ctx) {
  app.post('/undo', ctx.form, ctx.verify, async (req, res) => {
    const by = whoOf(res);
    const holder: { result?: UndoResult } = {};
    await save(ctx, (db) => void (holder.result = undoLast(db, by, new Date().toISOString())));
    const result = holder.result ?? { ok: false, reason: 'nothing' };
    const back = backTo(req, '/queue');
    if (!result.ok && result.reason === 'nothing') throw new HttpError(409, msg('err.nothingToUndo'));
    if (!result.ok) {
      const f = ctx.index().findingById.get(result.findingId);
      throw new HttpError(409, msg('err.notUndone', { by: result.by, fact: (i) => (f ? helpersFor(i).fact(f.fact) : result.findingId), when: (i) => helpersFor(i).when(result.at) }));
    }
    const n = result.events.length;
    const first = ctx.index().findingById.get(result.events[0]!.findingId);
    const action = msg(`action.${result.events[0]!.action}`);
    flash(res.locals.sid, n > 1 ? msg('flash.undoneMany', { action, n }) : msg('flash.undone', { action, fact: (i) => (first ? helpersFor(i).fact(first.fact) : i.t('common.aFinding')) }));
    res.redirect(303, back);
  });
}
