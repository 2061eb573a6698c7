// Decisions that follow the evidence. A review remembers the claims it judged by their text
// anchors, so it finds its finding again when the finding's key (and so its id) changes after an
// extractor or lexicon change; and a decided review whose finding gained a source or changed
// verdict goes back to the queue, saying what changed, instead of hiding the new evidence.
import type { Article, Claim, Db, Finding, JudgedEvidence, Review } from '../types.js';
import { anchorAt, locate } from '../check/anchor.js';
import { recordEvent, stateOf } from './history.js';
import { sourceName } from '../compare/format.js';

/** Who the history names when the evidence, not a person, changed a review. */
export const SYSTEM = 'crosscheck';

const posKey = (articleId: string, start: number, end: number) => `${articleId}@${start}-${end}`;

/** The claims of a finding, anchored in their articles' text, and its verdict. */
export function judgedOf(f: Finding, claims: Map<string, Claim>, articles: Map<string, Article>): JudgedEvidence {
  const out: JudgedEvidence['claims'] = [];
  for (const id of f.claimIds) {
    const c = claims.get(id);
    const a = c && articles.get(c.articleId);
    if (c && a) out.push({ claimId: c.id, articleId: c.articleId, anchor: anchorAt(a.text, c.start, c.end) });
  }
  return { verdict: f.verdict, claims: out };
}

/** Where each judged claim is now (article edits move text); claims whose text is gone drop out. */
function judgedPositions(j: JudgedEvidence, articles: Map<string, Article>): Set<string> {
  const out = new Set<string>();
  for (const c of j.claims) {
    const a = articles.get(c.articleId);
    const at = a && locate(a.text, c.anchor);
    if (at) out.add(posKey(c.articleId, at.start, at.end));
  }
  return out;
}

function positionsOf(f: Finding, claims: Map<string, Claim>): string[] {
  return f.claimIds.flatMap((id) => {
    const c = claims.get(id);
    return c ? [posKey(c.articleId, c.start, c.end)] : [];
  });
}

/** The finding that now holds most of the judged claims, if any does. */
export function bestMatch(j: JudgedEvidence, byPosition: Map<string, Finding>, articles: Map<string, Article>): Finding | undefined {
  const votes = new Map<Finding, number>();
  for (const p of judgedPositions(j, articles)) {
    const f = byPosition.get(p);
    if (f) votes.set(f, (votes.get(f) ?? 0) + 1);
  }
  let best: Finding | undefined;
  let most = 0;
  for (const [f, n] of votes) if (n > most) (best = f), (most = n);
  return best;
}

/** In words, what differs between what was judged and the finding now; '' when nothing that matters does. */
export function whatChanged(j: JudgedEvidence, f: Finding, claims: Map<string, Claim>, articles: Map<string, Article>): string {
  const seenArticles = new Set(j.claims.map((c) => c.articleId));
  const changes: string[] = [];
  if (j.verdict !== f.verdict) changes.push(`the verdict changed from ${j.verdict} to ${f.verdict}`);
  const gained = f.claimIds
    .map((id) => claims.get(id))
    .filter((c): c is Claim => !!c && !seenArticles.has(c.articleId));
  for (const c of gained) {
    const a = articles.get(c.articleId);
    changes.push(`a new source: ${sourceName(a, c.articleId)} says «${c.quote}»`);
  }
  return changes.join('; ');
}

/**
 * Run after every re-check. Re-attaches reviews whose finding id is gone to the finding that
 * holds their judged claims, re-opens decided reviews whose evidence changed, and keeps open
 * reviews' anchors current. Every change is written to the history.
 */
export function followEvidence(db: Db, claimList: Claim[], now = new Date()): void {
  if (!db.reviews.length) return;
  const at = now.toISOString();
  const articles = new Map(db.articles.map((a) => [a.id, a]));
  const claims = new Map(claimList.map((c) => [c.id, c]));
  const findingById = new Map(db.findings.map((f) => [f.id, f]));
  const byPosition = new Map<string, Finding>();
  for (const f of db.findings) for (const p of positionsOf(f, claims)) byPosition.set(p, f);
  const taken = new Set(db.reviews.filter((r) => findingById.has(r.findingId)).map((r) => r.findingId));

  for (const r of db.reviews) {
    let f = findingById.get(r.findingId);
    if (!f && r.judged) {
      const target = bestMatch(r.judged, byPosition, articles);
      if (target && !taken.has(target.id)) {
        const was = r.findingId;
        r.findingId = target.id;
        taken.add(target.id);
        // The history belongs to the review: it moves with it.
        for (const e of db.reviewEvents ?? []) if (e.findingId === was) e.findingId = target.id;
        f = target;
        recordEvent(db, { findingId: target.id, at, by: SYSTEM, action: 'followed', from: stateOf(r), to: stateOf(r), note: `the finding was re-computed under a new key (${was} → ${target.id}); the review followed the claims it judged` });
      }
    }
    if (!f) continue; // orphaned: kept, shown on /orphans, re-attached if its claims come back
    if (!r.judged || r.status === 'open') {
      // Nothing decided to protect: keep the anchors current so a later key change is followed.
      r.judged = judgedOf(f, claims, articles);
      continue;
    }
    const because = whatChanged(r.judged, f, claims, articles);
    if (because) reopen(db, r, because, at);
  }
}

function reopen(db: Db, r: Review, because: string, at: string) {
  const from = stateOf(r);
  r.reopened = { at, because, was: r.status as 'confirmed' | 'dismissed', by: r.by };
  r.status = 'open';
  delete r.reason;
  r.updatedAt = at;
  r.by = SYSTEM;
  recordEvent(db, { findingId: r.findingId, at, by: SYSTEM, action: 'reopened', from, to: stateOf(r), note: `needs another look: ${because}` });
}
