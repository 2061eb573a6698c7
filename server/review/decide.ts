// Applying one person's decision to one finding's review: the change itself, who and when,
// the evidence it was made on, and a history entry. Bulk actions and the web form both use it.
import type { Db, Finding, JudgedEvidence, Review, ReviewEvent } from '../types.js';
import { recordEvent, sameState, stateOf } from './history.js';

export interface Decision {
  by: string;
  action: string;
  at: string;
  judged: JudgedEvidence;
  /** Shared by the decisions of one bulk action, so one undo reverses them all. */
  batch?: string;
  note?: string;
}

export function reviewFor(db: Db, findingId: string): Review | undefined {
  return db.reviews.find((r) => r.findingId === findingId);
}

/** Applies `change` to the finding's review; returns the history entry, or undefined when nothing changed. */
export function decide(db: Db, f: Finding, change: (r: Review) => void, d: Decision): ReviewEvent | undefined {
  let r = reviewFor(db, f.id);
  if (!r) db.reviews.push((r = { findingId: f.id, status: 'open', updatedAt: d.at }));
  const from = stateOf(r);
  change(r);
  const to = stateOf(r);
  if (sameState(from, to)) return undefined;
  r.updatedAt = d.at;
  r.by = d.by;
  r.judged = d.judged;
  // A new decision answers the "needs another look".
  if (from.status !== to.status) delete r.reopened;
  return recordEvent(db, { findingId: f.id, at: d.at, by: d.by, action: d.action, from, to, ...(d.batch ? { batch: d.batch } : {}), ...(d.note ? { note: d.note } : {}) });
}
