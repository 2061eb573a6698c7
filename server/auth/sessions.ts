// Sessions kept in the store, so a restart does not sign everyone out. The browser holds a
// random token; the store holds only its sha256, so a copy of claims.json cannot sign anyone in.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Session } from '../types.js';

export const SESSION_DAYS = 7;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Starts a session for the user; drops expired ones while at it. Returns the token for the cookie. */
export function startSession(db: Db, user: string, now = new Date()): string {
  const token = randomBytes(32).toString('base64url');
  const sessions = (db.sessions ?? []).filter((s) => s.expiresAt > now.toISOString());
  sessions.push({ tokenHash: hashOf(token), user, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_DAYS * 864e5).toISOString() });
  db.sessions = sessions;
  return token;
}

/** The session a token opens, if it is valid and not expired. */
export function sessionOf(db: Pick<Db, 'sessions'>, token: string | undefined, now = new Date()): Session | undefined {
  if (!token || !TOKEN.test(token)) return undefined;
  const h = hashOf(token);
  return (db.sessions ?? []).find((s) => s.tokenHash === h && s.expiresAt > now.toISOString());
}

export function endSession(db: Db, token: string): void {
  const h = hashOf(token);
  db.sessions = (db.sessions ?? []).filter((s) => s.tokenHash !== h);
}
