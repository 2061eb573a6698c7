// Accounts: names, roles and bcrypt password hashes (bcryptjs: pure JavaScript, nothing to
// compile or download). The password itself is never stored or logged.
import bcrypt from 'bcryptjs';
import type { Db, Role, User } from '../types.js';

export const ROLES: readonly Role[] = ['reviewer', 'editor'];
const COST = 10;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;
// Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
const DUMMY = bcrypt.hashSync('not a password', COST);

export class AccountError extends Error {}

export const usersOf = (db: Pick<Db, 'users'>): User[] => db.users ?? [];
export const findUser = (db: Pick<Db, 'users'>, name: string) => usersOf(db).find((u) => u.name === name);

/** Why a name or password cannot be used, or null. */
export function checkCredentials(name: string, password: string): string | null {
  if (!NAME.test(name)) return 'a user name is 1–40 letters, digits, dots, dashes or underscores, starting with a letter or digit';
  if (password.length < 8) return 'a password needs at least 8 characters';
  // bcrypt reads only the first 72 bytes; a longer password would silently lose its end.
  if (bcrypt.truncates(password)) return 'a password can be at most 72 bytes long (about 24 Chinese characters)';
  return null;
}

/** Hashes the password; the caller stores the user with putUser in one write. */
export async function makeUser(name: string, role: Role, password: string, now = new Date()): Promise<User> {
  const problem = checkCredentials(name, password);
  if (problem) throw new AccountError(problem);
  if (!ROLES.includes(role)) throw new AccountError(`a role is one of: ${ROLES.join(', ')}`);
  return { name, role, passwordHash: await bcrypt.hash(password, COST), createdAt: now.toISOString() };
}

/** Adds the user, or replaces the one of that name (a new password or role). Returns true if it was new. */
export function putUser(db: Db, user: User): boolean {
  const list = (db.users ??= []);
  const i = list.findIndex((u) => u.name === user.name);
  if (i >= 0) list[i] = { ...user, createdAt: list[i]!.createdAt };
  else list.push(user);
  return i < 0;
}

/** The user if the password is theirs. */
export async function verifyPassword(db: Pick<Db, 'users'>, name: string, password: string): Promise<User | undefined> {
  const user = findUser(db, name);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY);
  return ok && user ? user : undefined;
}
