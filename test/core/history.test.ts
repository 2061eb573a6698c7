// Undo never overwrites someone else's later decision; a bulk batch is undone as a whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db, Finding } from '../../server/types.js';
import { emptyDb } from '../../server/store/index.js';
import { decide } from '../../server/review/decide.js';
import { historyOf, undoLast } from '../../server/review/history.js';

const finding = (id: string): Finding => ({ id, key: id, fact: { subject: 's', metric: 'revenue', period: '2023', measure: 'level', unitFamily: 'CNY', aspects: [] }, verdict: 'rounding', claimIds: [], severity: 'low', explanation: '' });
const judged = { verdict: 'rounding' as const, claims: [] };
const confirm = (db: Db, f: Finding, by: string, batch?: string) => decide(db, f, (r) => void (r.status = 'confirmed'), { by, action: 'confirm', at: '2026-12-01T00:00:00Z', judged, batch });
const dismiss = (db: Db, f: Finding, by: string) => decide(db, f, (r) => void ((r.status = 'dismissed'), (r.reason = 'rounding')), { by, action: 'dismiss', at: '2026-12-01T00:01:00Z', judged });
const status = (db: Db, id: string) => db.reviews.find((r) => r.findingId === id)?.status;

test('conflicting decisions: an undo after someone else changed the review is refused, naming them', () => {
  const db = emptyDb();
  const f = finding('f1');
  confirm(db, f, 'alice');
  dismiss(db, f, 'bob');
  const refused = undoLast(db, 'alice', '2026-12-01T00:02:00Z');
  assert.deepEqual(refused, { ok: false, reason: 'changed-since', findingId: 'f1', by: 'bob', at: '2026-12-01T00:01:00Z' });
  assert.equal(status(db, 'f1'), 'dismissed', 'nothing changed');
  assert.ok(undoLast(db, 'bob', '2026-12-01T00:03:00Z').ok);
  assert.equal(status(db, 'f1'), 'confirmed', "bob's undo brings back alice's decision");
  assert.ok(undoLast(db, 'alice', '2026-12-01T00:04:00Z').ok);
  assert.equal(status(db, 'f1'), 'open');
  assert.deepEqual(historyOf(db, 'f1').map((e) => `${e.by}:${e.action}`), ['alice:undo', 'bob:undo', 'bob:dismiss', 'alice:confirm']);
});

test('a bulk action is one action: one undo reverses every finding of the batch', () => {
  const db = emptyDb();
  const [a, b, c] = [finding('fa'), finding('fb'), finding('fc')];
  confirm(db, c, 'alice');
  confirm(db, a, 'alice', 'batch1');
  confirm(db, b, 'alice', 'batch1');
  const r = undoLast(db, 'alice', '2026-12-01T00:05:00Z');
  assert.ok(r.ok && r.events.length === 2);
  assert.deepEqual([status(db, 'fa'), status(db, 'fb'), status(db, 'fc')], ['open', 'open', 'confirmed']);
});

test('a change that changes nothing is not history', () => {
  const db = emptyDb();
  const f = finding('f1');
  confirm(db, f, 'alice');
  assert.equal(confirm(db, f, 'alice'), undefined);
  assert.equal(db.reviewEvents!.length, 1);
});
