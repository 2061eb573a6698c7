// Pass 8: 分别 and "respectively" lists. "第一、二、三产业增加值分别增长4.1%、4.7%和5.8%" pairs the
// n-th number with the n-th item; items that share a head word get it back (第一、二、三产业
// → 第二产业). "二者得分分别为…" pairs the numbers with the two entities named before.
import type { NumberToken } from './2-numbers.js';
import type { EntityMention } from './7-subjects.js';
import { endingBy, startingBefore } from '../before.js';

export interface ListItem {
  text: string;
  /** An entity the item names, when the list is of entities (二者, both). */
  entityId?: string;
}

const SPLIT_ZH = /、|以及|及|和|与|跟/;
const SPLIT_EN = /,\s*(?:and\s+)?|\s+and\s+/;
const BOTH = /(?:二者|两者|双方|两家|both)/;

/** For each token index in a list, the item it belongs to. */
export function listItems(
  sentence: string,
  tokens: NumberToken[],
  entities: EntityMention[],
  lang: 'zh' | 'en',
  /** The entity an item names, if any (Li Auto, 零跑). */
  entityIn: (text: string) => string | undefined = () => undefined,
): Map<number, ListItem> {
  const out = listItemsRaw(sentence, tokens, entities, lang);
  for (const item of out.values()) item.entityId ??= entityIn(item.text);
  // In English, a list of capitalised names (Li Auto, Leapmotor and Xpeng delivered …) names owners.
  if (lang === 'en') {
    const items = [...new Set(out.values())];
    const names = items.map((it) => /^(?:[A-Z]|i[A-Z])[\w&.-]*(?:\s+[A-Z][\w&.-]*)*/.exec(it.text)?.[0]);
    if (items.length >= 2 && names.every(Boolean) && items.some((it) => !it.entityId && !/^(?:Its|The|Their)\b/.test(it.text)))
      items.forEach((it, k) => (it.entityId ??= names[k]!.toLowerCase().replace(/\s+/g, '')));
  }
  return out;
}

function listItemsRaw(sentence: string, tokens: NumberToken[], entities: EntityMention[], lang: 'zh' | 'en'): Map<number, ListItem> {
  const out = new Map<number, ListItem>();
  if (lang === 'zh') {
    for (const m of sentence.matchAll(/分别/g)) {
      const at = m.index!;
      const clauseEnd = nextBoundary(sentence, at);
      // Tokens are in order: the list's figures are the run that starts after 分别 and before the clause ends.
      const first = startingBefore(tokens, at + 1);
      const count = startingBefore(tokens, clauseEnd) - first;
      // A list cut short (a page clipped at a length limit, "A、B分别增长5%、"): its figures still
      // pair in order from the first item, so the one figure left is the first item's.
      if (count === 1 && /^\s*[、,，]\s*$/.test(sentence.slice(tokens[first]!.end))) {
        for (let n = 2; n <= 4; n++) {
          const items = itemsBefore(sentence, at, n, SPLIT_ZH, entities);
          if (items) {
            out.set(first, items[0]!);
            break;
          }
        }
        continue;
      }
      if (count < 2) continue;
      const idx = Array.from({ length: count }, (_, k) => first + k);
      const items = itemsBefore(sentence, at, idx.length, SPLIT_ZH, entities);
      if (items) idx.forEach((ti, k) => out.set(ti, items[k]!));
    }
    slashItems(sentence, tokens, out);
  } else {
    // Lists come left to right: where the last ';' is and which entities stand before each list
    // are kept from one list to the next, not searched for again from the start of the sentence.
    const semis = [...sentence.matchAll(/;/g)].map((x) => ({ start: x.index! }));
    let seen = { leadStart: -1, next: 0, first: new Map<string, EntityMention>() };
    for (const m of sentence.matchAll(/\brespectively\b/gi)) {
      const at = m.index!;
      // The figures of the list: the run of numbers before "respectively" joined by commas and "and".
      // Tokens are in order and do not overlap: those that end by "respectively" are a prefix of them.
      const idx: number[] = [];
      for (let i = endingBy(tokens, at) - 1; i >= 0; i--) {
        if (idx.length && !/^\s*(?:,|and|,\s*and)\s*$/i.test(sentence.slice(tokens[i]!.end, tokens[idx[0]!]!.start))) break;
        idx.unshift(i);
      }
      if (idx.length < 2) continue;
      // (The same as sentence.lastIndexOf(';', start) + 1.)
      const semi = startingBefore(semis, tokens[idx[0]!]!.start + 1) - 1;
      const leadStart = semi >= 0 ? semis[semi]!.start + 1 : 0;
      // "Xiaomi and OPPO came third and fourth with …": the n entities named before the figures.
      if (seen.leadStart !== leadStart) seen = { leadStart, next: startingBefore(entities, leadStart), first: new Map() };
      while (seen.next < entities.length && entities[seen.next]!.end <= tokens[idx[0]!]!.start) {
        const e = entities[seen.next++]!;
        if (!e.compared && !seen.first.has(e.id)) seen.first.set(e.id, e);
      }
      const ids = [...seen.first.keys()];
      if (ids.length === idx.length) {
        idx.forEach((ti, k) => out.set(ti, { text: seen.first.get(ids[k]!)!.text, entityId: ids[k] }));
        continueList(sentence, tokens, at, idx, out);
        continue;
      }
      const lead = sentence
        .slice(leadStart, tokens[idx[0]!]!.start)
        .replace(/\s+(?:were|was|are|is|stood at|came in at|reached|of|at|totalled|totaled|had|posted|reported|delivered|sold|contributed|made|earned|won|with|to|rose|fell|grew)\s*(?:\w+\s*)?$/i, '');
      // The items are the last n parts of the lead: "In December, Li Auto, Leapmotor and Xpeng".
      const parts = lead.split(SPLIT_EN).map((s) => s.trim().replace(/^(?:its|their|the|his|her|our)\s+/i, '')).filter(Boolean);
      if (parts.length >= idx.length) {
        const items = parts.slice(parts.length - idx.length);
        idx.forEach((ti, k) => out.set(ti, { text: items[k]! }));
        continueList(sentence, tokens, at, idx, out);
      }
    }
  }
  return out;
}

/**
 * "… 1,265.89 and 206.30 billion yuan, respectively, with growth of 17.39% and 29.43%": the next run
 * of as many figures, joined the same way in the same sentence, goes with the same items.
 */
function continueList(sentence: string, tokens: NumberToken[], at: number, idx: number[], out: Map<number, ListItem>) {
  const after = tokens.map((_, i) => i).filter((i) => tokens[i]!.start > at && !out.has(i));
  const run = after.slice(0, idx.length);
  if (run.length !== idx.length) return;
  const joined = run.every((ti, k) => k === 0 || /^\s*(?:,|and|,\s*and)\s*$/i.test(sentence.slice(tokens[run[k - 1]!]!.end, tokens[ti]!.start)));
  // The run must follow on directly ("respectively, with …"), not start a new list of its own.
  if (!joined || /\brespectively\b|[;:]/.test(sentence.slice(tokens[run[run.length - 1]!]!.end))) return;
  run.forEach((ti, k) => out.set(ti, out.get(idx[k]!)!));
}

// n names joined by slashes (营收/净利润/毛利率), one regex per n, built on first use.
const SLASH_NAME = '[\\u4e00-\\u9fffA-Za-z][\\u4e00-\\u9fffA-Za-z0-9]*';
const slashLists = new Map<number, RegExp>();
function slashList(n: number): RegExp {
  let re = slashLists.get(n);
  if (!re) slashLists.set(n, (re = new RegExp(`(?<![\\u4e00-\\u9fffA-Za-z/])${SLASH_NAME}(?:/${SLASH_NAME}){${n - 1}}(?![/\\u4e00-\\u9fffA-Za-z0-9]*/)`, 'g')));
  return re;
}

/**
 * Broker notes pair names and figures with slashes: 茅台酒/系列酒营业收入1,265.89/206.30亿元, 同比
 * +17.39%/+29.43%. The k-th figure of a slash run is the k-th name of the nearest slash list of as
 * many names before it in the sentence (the names carry over to later runs, as the reader's do).
 */
function slashItems(sentence: string, tokens: NumberToken[], out: Map<number, ListItem>) {
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j + 1 < tokens.length && sentence.slice(tokens[j]!.end, tokens[j + 1]!.start) === '/') j++;
    const n = j - i + 1;
    if (n < 2 || [...Array(n).keys()].some((k) => out.has(i + k))) {
      i = j;
      continue;
    }
    const lists = [...sentence.slice(0, tokens[i]!.start).matchAll(slashList(n))];
    const last = lists[lists.length - 1];
    // Chinese runs words together: what leads into the list (其中, 公司实现) is not its first name.
    if (last) last[0].split('/').forEach((text, k) => out.set(i + k, { text: k ? text : text.replace(/^.*(?:其中|包括|公司|实现|分别|的|中)/, '') || text }));
    i = j;
  }
}

function itemsBefore(sentence: string, at: number, n: number, split: RegExp, entities: EntityMention[]): ListItem[] | null {
  // The text before 分别 back to the previous clause boundary, then the clause before that.
  let end = at;
  for (let tries = 0; tries < 5 && end > 0; tries++) {
    const start = prevBoundary(sentence, end);
    const seg = sentence.slice(start, end);
    if (BOTH.test(seg) && n === 2) {
      const named: EntityMention[] = [];
      for (const e of entities.filter((x) => x.end <= at).reverse()) if (!named.some((x) => x.id === e.id)) named.unshift(e);
      if (named.length >= 2) return named.slice(-2).map((e) => ({ text: e.text, entityId: e.id }));
    }
    const parts = seg.split(split).map((s) => s.trim()).filter(Boolean);
    // 运输和仓储业、租赁和商务服务业: a name may hold 和 itself; then only 、 separates the items.
    const byComma = parts.length === n ? parts : seg.split(/、/).map((s) => s.trim()).filter(Boolean);
    if (byComma.length === n) return shareHead(byComma.map((p) => p.replace(/^(?:在|对|从)/, '').replace(/等.*$/, '')));
    // 小米和OPPO分别以…位列第三、四位，市场份额分别为…: the n entities named in an earlier clause.
    const named = entities.filter((e) => e.start >= start && e.end <= end && !e.compared);
    const ids = [...new Set(named.map((e) => e.id))];
    if (ids.length === n && end < at) return ids.map((id) => ({ text: named.find((e) => e.id === id)!.text, entityId: id }));
    end = start - 1;
  }
  return null;
}

/** 第一、二、三产业增加值 → 第一产业增加值, 第二产业增加值, 第三产业增加值. */
function shareHead(parts: string[]): ListItem[] {
  const last = parts[parts.length - 1]!;
  const m = /^(第?[一二三四五六七八九十\d]+)(.+)$/.exec(last);
  if (!m || !parts.slice(0, -1).every((p) => /^第?[一二三四五六七八九十\d]{1,2}$/.test(p))) return parts.map((text) => ({ text }));
  const ordinal = parts[0]!.startsWith('第') ? '第' : '';
  return parts.map((p, i) => ({ text: i === parts.length - 1 ? ordinal + last.replace(/^第/, '') : ordinal + p.replace(/^第/, '') + m[2] }));
}

function nextBoundary(s: string, from: number) {
  const m = /[，;；。]|,(?!\d{3}(?!\d))/.exec(s.slice(from));
  return m ? from + m.index : s.length;
}
/** Just after the last boundary before `before` (what /.*(?:[，；;]|,(?!\d{3}(?!\d)))/s finds), read backwards from it. */
function prevBoundary(s: string, before: number) {
  for (let i = Math.min(before, s.length) - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '，' || c === '；' || c === ';' || (c === ',' && !/^\d{3}(?!\d)/.test(s.slice(i + 1, Math.min(before, i + 5))))) return i + 1;
  }
  return 0;
}
