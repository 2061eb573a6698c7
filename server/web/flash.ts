// One-time messages shown on the page after a redirect ("Confirmed …"), kept per visitor id
// in memory: they are a courtesy, not data, so losing them on restart is fine.
const MAX_VISITORS = 2000;
const messages = new Map<string, Array<{ kind: 'ok' | 'warn'; text: string }>>();

export function flash(sid: string | undefined, text: string, kind: 'ok' | 'warn' = 'ok') {
  if (!sid) return;
  if (!messages.has(sid) && messages.size >= MAX_VISITORS) messages.delete(messages.keys().next().value!);
  const list = messages.get(sid) ?? [];
  list.push({ kind, text });
  messages.set(sid, list.slice(-5));
}

export function takeFlash(sid: string | undefined) {
  if (!sid) return [];
  const list = messages.get(sid) ?? [];
  messages.delete(sid);
  return list;
}
