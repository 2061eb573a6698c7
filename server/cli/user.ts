// `crosscheck user add NAME --role reviewer|editor [--password P]` and `crosscheck user list`.
// Without --password the password is read from stdin: piped (first line), or typed at a
// terminal without echo.
import type { Store } from '../store/index.js';
import type { Role } from '../types.js';
import { AccountError, makeUser, putUser, ROLES, usersOf } from '../auth/users.js';

export class UserCommandError extends Error {}

export async function userCommand(store: Store, args: string[], o: { role?: string; password?: string }, readPassword: () => Promise<string> = passwordFromStdin): Promise<number> {
  const [sub, name] = args;
  if (sub === 'list') {
    for (const u of usersOf(store.read())) console.log(`${u.name}\t${u.role}\t${u.createdAt.slice(0, 10)}`);
    return 0;
  }
  if (sub !== 'add' || !name) throw new UserCommandError('usage: crosscheck user add NAME --role reviewer|editor [--password P]  |  crosscheck user list');
  const role = (o.role ?? 'reviewer') as Role;
  if (!ROLES.includes(role)) throw new UserCommandError(`--role is one of: ${ROLES.join(', ')}`);
  const password = o.password ?? (await readPassword());
  try {
    const user = await makeUser(name, role, password);
    let added = false;
    await store.update((db) => void (added = putUser(db, user)));
    console.error(`${added ? 'added' : 'updated'} ${name} (${role}) in ${store.location}${added ? '' : ': new password and role'}`);
    console.error('a running `crosscheck serve` on this file reads accounts when it starts: restart it to use this one');
    return 0;
  } catch (e) {
    if (e instanceof AccountError) throw new UserCommandError(e.message);
    throw e;
  }
}

async function passwordFromStdin(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of input) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('Password (not shown): ');
  input.setRawMode(true);
  input.resume();
  let typed = '';
  try {
    for await (const chunk of input) {
      for (const ch of (chunk as Buffer).toString('utf8')) {
        if (ch === '\r' || ch === '\n') return typed;
        if (ch === '\u0003') throw new UserCommandError('cancelled');
        if (ch === '\u007f') typed = typed.slice(0, -1);
        else typed += ch;
      }
    }
    return typed;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
