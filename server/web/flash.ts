// One-time messages shown on the page after a redirect ("Confirmed …"), kept per visitor id
// in memory: they are a courtesy, not data, so losing them on restart is fine. They are kept as
// message keys and put in the reader's language when the page shows them.
import type { I18n, Text } from './i18n.js';

const MAX_VISITORS = 2000;
type Kind = 'ok' | 'warn';
const messages = new Map<string, Array<{ kind: Kind; text: Text }>>();

export function flash(sid: string | undefined, text: Text, kind: Kind = 'ok') {
  if (!sid) return;
  if (!messages.has(sid) && messages.size >= MAX_VISITORS) messages.delete(messages.keys().next().value!);
  const list = messages.get(sid) ?? [];
  list.push({ kind, text });
  messages.set(sid, list.slice(-5));
}

export function takeFlash(sid: string | undefined, i: I18n): Array<{ kind: Kind; text: string }> {
  if (!sid) return [];
  const list = messages.get(sid) ?? [];
  messages.delete(sid);
  return list.map((m) => ({ kind: m.kind, text: i.text(m.text) }));
}
