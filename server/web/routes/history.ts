// Undo: reverses the signed-in person's last action (a bulk action as a whole). A plain form
// posts here, so it works without JavaScript; the `u` key submits the same form.
import type { Express } from 'express';
import { undoLast, type UndoResult } from '../../review/history.js';
import { save, type Ctx } from '../context.js';
import { HttpError } from '../errors.js';
import { flash } from '../flash.js';
import { backTo } from '../form.js';
import { whoOf } from '../who.js';
import { helpers } from '../render.js';

export function historyRoutes(app: Express, ctx: Ctx) {
  app.post('/undo', ctx.form, ctx.verify, async (req, res) => {
    const by = whoOf(res);
    const holder: { result?: UndoResult } = {};
    await save(ctx, (db) => void (holder.result = undoLast(db, by, new Date().toISOString())));
    const result = holder.result ?? { ok: false, reason: 'nothing' };
    const back = backTo(req, '/queue');
    if (!result.ok && result.reason === 'nothing') throw new HttpError(409, 'There is nothing of yours to undo.');
    if (!result.ok) {
      const f = ctx.index().findingById.get(result.findingId);
      throw new HttpError(409, `Not undone: ${result.by} changed “${f ? helpers.fact(f.fact) : result.findingId}” after you (${helpers.when(result.at)}). Nothing was changed; open the finding to see its history.`);
    }
    const n = result.events.length;
    const first = ctx.index().findingById.get(result.events[0]!.findingId);
    flash(res.locals.sid, n > 1 ? `Undone: “${result.events[0]!.action}” on ${n} findings` : `Undone: “${result.events[0]!.action}” on ${first ? helpers.fact(first.fact) : 'a finding'}`);
    res.redirect(303, back);
  });
}
