// The history of every review: who changed what, when, from what to what. Undo replays an
// event backwards, and only while the review still stands as that event left it, so an undo
// never silently overwrites what someone else decided since.
import { randomBytes } from 'node:crypto';
import type { Db, Review, ReviewEvent, ReviewState } from '../types.js';

const STATE_KEYS = ['status', 'reason', 'note', 'correctClaimId', 'referenceArticleId', 'primarySource'] as const;

// Values are strings, or a flat object (the primary source) that is copied, never shared, so a
// history entry keeps what the review held at that moment.
const copy = (v: unknown) => (v && typeof v === 'object' ? { ...v } : v);
const same = (a: unknown, b: unknown) => (a && typeof a === 'object' && b && typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b);

export function stateOf(r: Review | undefined): ReviewState {
  const out: ReviewState = { status: r?.status ?? 'open' };
  if (r) for (const k of STATE_KEYS) if (k !== 'status' && r[k] !== undefined) (out as Record<string, unknown>)[k] = copy(r[k]);
  return out;
}

export function sameState(a: ReviewState, b: ReviewState): boolean {
  return STATE_KEYS.every((k) => same(a[k] ?? undefined, b[k] ?? undefined));
}

export function applyState(r: Review, s: ReviewState): void {
  for (const k of STATE_KEYS) {
    if (s[k] === undefined) delete r[k];
    else (r as unknown as Record<string, unknown>)[k] = copy(s[k]);
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

/** The events one undo by `by` would reverse: their latest action not yet undone (a whole bulk batch). */
export function lastUndoable(db: Pick<Db, 'reviewEvents'>, by: string): ReviewEvent[] {
  const events = db.reviewEvents ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.by !== by || e.undone || e.action === 'undo') continue;
    return e.batch ? events.filter((x) => x.batch === e.batch && !x.undone) : [e];
  }
  return [];
}

export type UndoResult =
  | { ok: true; events: ReviewEvent[] }
  | { ok: false; reason: 'nothing' }
  | { ok: false; reason: 'changed-since'; findingId: string; by: string; at: string };

/**
 * Reverses `by`'s last action. All or nothing: if anyone changed one of its reviews since, no
 * review is touched and the caller learns who did.
 */
export function undoLast(db: Db, by: string, at: string): UndoResult {
  const events = lastUndoable(db, by);
  if (!events.length) return { ok: false, reason: 'nothing' };
  for (const e of events) {
    const r = db.reviews.find((x) => x.findingId === e.findingId);
    if (!sameState(stateOf(r), e.to)) {
      const since = historyOf(db, e.findingId)[0];
      return { ok: false, reason: 'changed-since', findingId: e.findingId, by: since?.by ?? 'someone', at: since?.at ?? '' };
    }
  }
  for (const e of events) {
    const r = db.reviews.find((x) => x.findingId === e.findingId)!;
    applyState(r, e.from);
    r.updatedAt = at;
    r.by = by;
    e.undone = true;
    recordEvent(db, { findingId: e.findingId, at, by, action: 'undo', from: e.to, to: e.from, note: `undid “${e.action}”`, ...(e.batch ? { batch: `undo-${e.batch}` } : {}) });
  }
  return { ok: true, events };
}
