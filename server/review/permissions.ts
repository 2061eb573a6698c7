// Who may change what. Reviewers decide open findings and change their own decisions; changing
// or re-opening a decision someone else made is an editor's call. Notes are open to everyone.
import type { Review } from '../types.js';
import type { Viewer } from '../web/who.js';
import { SYSTEM } from './evidence.js';

export const DECISIONS = new Set(['confirm', 'dismiss', 'reopen']);

/** Whose decision stands in the way of the viewer taking this action on this review, or null if they may. */
export function refusal(viewer: Viewer, review: Review | undefined, action: string): { by: string; status: Review['status'] } | null {
  if (!DECISIONS.has(action) || viewer.role === 'editor') return null;
  if (!review || review.status === 'open' || !review.by || review.by === SYSTEM || review.by === viewer.name) return null;
  return { by: review.by, status: review.status };
}

/** The form was made from an older state of the review: someone changed it in between. */
export function isStale(seen: unknown, review: Review | undefined): boolean {
  return typeof seen === 'string' && seen !== (review?.updatedAt ?? '');
}
