// Whether the web app asks for a sign-in. Accounts are required as soon as one exists; without
// any, or with --no-auth, one person may use it on their own machine (loopback only), never on
// a network address.
export type AuthMode = 'accounts' | 'single';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export class AuthModeError extends Error {}

export function authModeFor(o: { users: number; host: string; noAuth?: boolean }): { mode: AuthMode; message: string } {
  const local = isLoopback(o.host);
  if (o.noAuth) {
    if (!local) throw new AuthModeError(`--no-auth is allowed only on a loopback address (127.0.0.1, localhost), not ${o.host}: anyone on the network could review. Create accounts with \`crosscheck user add NAME --role editor\`.`);
    return { mode: 'single', message: 'single-user mode (--no-auth): no sign-in, decisions are recorded as "local"' };
  }
  if (o.users) return { mode: 'accounts', message: `sign-in required (${o.users} account${o.users === 1 ? '' : 's'})` };
  if (!local) throw new AuthModeError(`no accounts are defined, so ${o.host} would let anyone on the network review. Create one first: npm run -s crosscheck -- user add NAME --role editor`);
  return { mode: 'single', message: 'no accounts defined: single-user mode on this machine only, decisions recorded as "local". Add accounts with `npm run -s crosscheck -- user add NAME --role reviewer|editor` to require sign-in' };
}

/** Host names the server answers to: loopback names plus the one it was bound to or told about. */
export function allowedHosts(extra: Array<string | undefined>): Set<string> {
  const out = new Set(['localhost', '127.0.0.1', '[::1]']);
  for (const h of extra) if (h && h !== '0.0.0.0' && h !== '::') out.add(h.includes(':') && !h.startsWith('[') ? `[${h.toLowerCase()}]` : h.toLowerCase());
  return out;
}

/** The host name of a Host header ("example.org:3000" → "example.org"), lower-cased; '' if malformed. */
export function hostNameOf(header: string | undefined): string {
  if (!header) return '';
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}
