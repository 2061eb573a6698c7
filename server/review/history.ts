// The history of every review: who changed what, when, from what to what. Undo replays an
// event backwards, and only while the review still stands as that event left it, so an undo
// never silently overwrites what someone else decided since.
import { randomBytes } from 'node:crypto';
import type { Db, Review, ReviewEvent, ReviewState } from '../types.js';

const STATE_KEYS = ['status', 'reason', 'note', 'correctClaimId', 'referenceArticleId'] as const;

export function stateOf(r: Review | undefined): ReviewState {
  const out: ReviewState = { status: r?.status ?? 'open' };
  if (r) for (const k of STATE_KEYS) if (k !== 'status' && r[k] !== undefined) (out as Record<string, unknown>)[k] = r[k];
  return out;
}

export function sameState(a: ReviewState, b: ReviewState): boolean {
  return STATE_KEYS.every((k) => (a[k] ?? undefined) === (b[k] ?? undefined));
}

export function applyState(r: Review, s: ReviewState): void {
  for (const k of STATE_KEYS) {
    if (s[k] === undefined) delete r[k];
    else (r as unknown as Record<string, unknown>)[k] = s[k];
  }
}

export const eventsOf = (db: Db): ReviewEvent[] => (db.reviewEvents ??= []);

export function recordEvent(db: Db, e: Omit<ReviewEvent, 'id'>): ReviewEvent {
  const event: ReviewEvent = { id: 'e' + randomBytes(6).toString('hex'), ...e };
  eventsOf(db).push(event);
  return event;
}

/** A finding's history, newest first. */
export function historyOf(db: Pick<Db, 'reviewEvents'>, findingId: string): ReviewEvent[] {
  return (db.reviewEvents ?? []).filter((e) => e.findingId === findingId).reverse();
}
