// Pass 7: subjects. A number belongs to the entity its sentence is about: the nearest entity
// named before it, unless that entity is the object of a comparison (与ChatGPT相当, ahead of
// X) in an earlier clause. An entity right before 的 + number (ChatGPT的84.3%), after a
// comparison word in the same clause (ahead of Australia on 18 golds), or in brackets right
// after the number (85.1%（星火V3.0）) owns that number only. With no entity in the sentence,
// the subject carries over from the paragraph, then falls back to the article's main subject.
import { alternation, entityById, entityOf, isEntityHere, entityRe, findAll, genericHeads, metricOf, metricRe, type Match } from '../model/lexicon.js';
import { endingBy, startingBefore } from '../before.js';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  id: string;
  /** Named as the other side of a comparison: it owns only numbers in its own clause. */
  compared: boolean;
  /** The country of a national agency cited (国家统计局 → China), not a name of its own. */
  viaSource?: true;
}

// Names the lexicon does not know: Latin names inside Chinese text (ChatGPT, GPT-4) and
// names with a version (星火认知大模型V3.0, 星火V3.0).
const VERSIONED = /[\u4e00-\u9fffA-Za-z]{1,12}[Vv]\d+(?:\.\d+)?/g;
// 比亚迪（002594.SZ）, 腾讯控股(00700.HK): the name before a stock code is a company.
const BEFORE_CODE = /([\u4e00-\u9fff]{2,8})(?=[（(]\s*(?:\d{6}\.S[ZHzh]|\d{4,5}\.HK|[A-Z]{1,5}\.(?:US|N|O)|(?:NYSE|NASDAQ|Nasdaq)\s*[:：]))/g;
const LATIN_IN_ZH = /(?<![A-Za-z0-9])[A-Z][A-Za-z]+(?:-\d+(?:\.\d+)?)?(?![A-Za-z])/g;
// Each with what any match of it holds, so that a sentence without that is not scanned.
const UNKNOWN_NAMES: Array<[RegExp, RegExp]> = [
  [VERSIONED, /[Vv]\d/],
  [LATIN_IN_ZH, /[A-Z]/],
  [BEFORE_CODE, /[（(]/],
];
/** Whether a position is inside 《…》, the marks around a work's title. */
const insideTitleMarks = (sentence: string, at: number) => sentence.lastIndexOf('《', at) > sentence.lastIndexOf('》', at);
/** A company or a product of one: it may own a figure a market ("worldwide") is named with. */
const isCompany = (id: string) => ['company', 'product'].includes(entityById.get(id)?.kind ?? '');
const NATIONALITY_OF_NAME = /^(?:['’]s\s+|\s+(?:[a-z-]+\s+){0,3}(?:maker|makers|company|firm|group|giant|carmaker|automaker|chipmaker|retailer|lender|insurer|producer|miner|airline|developer|conglomerate|start-?up|operator|brand|supplier|manufacturer|platform|champion|rival|peer)\s+)(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*(?!\s+(?:economy|government|market))/;
const COMPARED_BEFORE = /(?:对标|超越|超过|领先|落后于|比|较|than|versus|vs\.?|compared with|ahead of|behind|against|rivals?)\s*(?:the\s+)?$/i;
// 与/和/跟/同 join a list (小米和OPPO) unless the clause goes on to compare (与ChatGPT结果相当, 和去年相比).
const JOINED_BEFORE = /(?:与|和|跟|同)\s*$/;
const COMPARISON_AFTER = /^[^，。；,;]{0,16}?(?:相比|相当|持平|比较|一样|差距|相近)/;
// Latin heads only as whole words: "Auto" is dropped from "Lanhai Auto", not from "Autonomy".
const GENERIC = new RegExp(`${alternation(genericHeads.zh)}|(?<![A-Za-z])(?:${alternation(genericHeads.en)})(?![A-Za-z])`, 'g');

/** Canonical id for a name outside the lexicon: generic heads dropped, case folded. */
export function nameId(name: string): string {
  const known = entityOf(name);
  if (known) return known;
  const stripped = name.replace(GENERIC, '');
  const bare = stripped.replace(/\s+/g, '');
  // 腾讯控股, "Tencent Holdings": the lexicon's company under its corporate suffix.
  return entityOf(bare) ?? entityOf(stripped.trim()) ?? (bare.toLowerCase() || name.toLowerCase());
}

export function entityMentions(sentence: string, lang: 'zh' | 'en'): EntityMention[] {
  // "US$" is a currency, not the United States.
  const found = findAll(entityRe, sentence)
    .filter((m) => sentence[m.end] !== '$')
    .map((m) => ({ ...m, id: entityOf(m.text)! }))
    .filter((m) => isEntityHere(m.id, sentence.slice(m.end, m.end + 12), m.text));
  if (lang === 'zh') {
    for (const [re, needs] of UNKNOWN_NAMES) {
      if (!needs.test(sentence)) continue;
      for (const m of findAll(re, sentence)) {
        // Short capitals (AI, GPU, CPI), words of three letters or fewer (IoT) and metric names are terms, not owners of figures.
        if (/^[A-Z]{1,4}$/.test(m.text) || /^[A-Za-z]{1,3}$/.test(m.text) || metricOf(m.text)) continue;
        // Nor is a unit (元/Wh, 381GWh), a basis (Non-IFRS) or a word of a work's title (《PUBG MOBILE》).
        if (/[/／]\s*$/.test(sentence.slice(0, m.start)) || /^[kKMGT]?W[h]?$/.test(m.text) || /^Non$/i.test(m.text) || insideTitleMarks(sentence, m.start)) continue;
        found.push({ ...m, id: nameId(m.text) });
      }
    }
  }
  if (lang === 'en') {
    const lead = leadingName(sentence);
    if (lead) found.push(lead);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntityMention[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    const before = sentence.slice(Math.max(0, f.start - 16), f.start);
    // "Chinese carmaker Lanhai Auto", "China's Lanhai Auto": a country that says where a company is from owns nothing.
    if (lang === 'en' && NATIONALITY_OF_NAME.test(sentence.slice(f.end, f.end + 60)) && ['country', 'region'].includes(entityById.get(f.id)?.kind ?? '')) continue;
    const compared = COMPARED_BEFORE.test(before) || (JOINED_BEFORE.test(before) && COMPARISON_AFTER.test(sentence.slice(f.end)));
    out.push({ ...f, compared });
  }
  return out;
}

// A name that opens an English sentence: two or more capitalised words (Reality Labs posted…),
// or one set off by an apposition (Reality Labs, the division…). One capitalised word alone
// is usually just the first word of the sentence.
const LEAD = /^[*\-•\d.\s]*((?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*)(,\s+(?:the|a|an|which|its)\b|\s+(?:posted|reported|said|sold|delivered|earned|recorded|made|lost|generated|shipped|produced|saw|grew|returned|announced|booked|logged)\b)?/;
const FUNCTION_WORDS = /^(?:The|A|An|In|On|At|For|From|Its|It|This|That|These|Those|Some|Many|Most|Several|As|If|After|Before|When|While|By|With|Our|We|Here|There|What|Whether|Earlier|Later|Meanwhile|Still|Yet|But|And|Or|So|Also|Over|Under|About|Nearly|Net|Total|Basic|Diluted|Gross|Key|Full|Bottom|Figures|Price|Prices|However|Additionally|Moreover|Furthermore|Notably|Overall|Separately|Nevertheless|Nonetheless|Besides|Thus|Therefore|Consequently|Specifically|Similarly|Finally|Firstly|Secondly|Lastly|Importantly|Instead|Indeed|Likewise|Otherwise|Overall|Currently|Previously|Recently|Today|Yesterday)$/;
function leadingName(sentence: string): (Match & { id: string }) | null {
  const m = LEAD.exec(sentence);
  if (!m) return null;
  const name = m[1]!;
  const words = name.split(/\s+/);
  if (FUNCTION_WORDS.test(words[0]!)) return null;
  if (!m[2]) return null;
  if (entityOf(name) || words.some((w) => entityOf(w)) || findAll(metricRe, name).length) return null;
  const start = m[0].indexOf(name);
  return { text: name, start, end: start + name.length, id: nameId(name) };
}

export interface SubjectReading {
  /** The entity that owns this number, if one is named near it. */
  subject?: string;
  why?: string;
  /** The entity owns only this number; it does not carry to later ones. */
  local: boolean;
}

export function subjectOf(
  sentence: string,
  tok: { start: number; end: number; countNoun?: string },
  mentions: EntityMention[],
  clause: { start: number; end: number },
): SubjectReading {
  // 85.1%（星火V3.0）: a label in brackets right after the number.
  const label = /^\s*[（(]([^（）()]{1,20})[）)]/.exec(sentence.slice(tok.end));
  if (label) {
    const first = mentions[startingBefore(mentions, tok.end)];
    const inner = first && first.end <= tok.end + label[0].length ? first : undefined;
    if (inner) return { subject: inner.id, why: `labelled "${label[1]}" in brackets`, local: true };
  }
  // 404名中国运动员: the entity inside the counted noun.
  if (tok.countNoun) {
    const first = mentions[startingBefore(mentions, tok.end)];
    const inNoun = first && first.start < tok.end + tok.countNoun.length + 2 ? first : undefined;
    if (inNoun) return { subject: inNoun.id, why: `"${inNoun.text}" in the counted noun`, local: true };
  }
  // Mentions are in order and do not overlap (entityMentions): those before the figure are a prefix of them.
  const nBefore = endingBy(mentions, tok.start);
  const nearest = mentions[nBefore - 1];
  // ChatGPT的84.3%; ahead of Australia on 18 golds: a compared entity in the same clause.
  if (nearest && nearest.start >= clause.start) {
    const gap = sentence.slice(nearest.end, tok.start);
    if (/^的(?:[约近超逾])?$/.test(gap) || (nearest.compared && !/[，,;；]/.test(gap)))
      return { subject: nearest.id, why: `"${nearest.text}" owns the figure`, local: true };
  }
  let owner: EntityMention | undefined;
  let at = -1;
  for (let k = nBefore - 1; k >= 0 && !owner; k--) if (!mentions[k]!.compared) (owner = mentions[k]), (at = k);
  // 丰田全球销量, "Toyota sold 10.3 million vehicles worldwide": the world is the company's market, not the owner.
  if (owner?.id === 'world') {
    for (let k = at - 1; k >= 0 && mentions[k]!.start >= clause.start; k--) {
      const m = mentions[k]!;
      if (!m.compared && isCompany(m.id)) return { subject: m.id, why: `"${m.text}" earlier in the clause; "${owner.text}" names its market`, local: false };
    }
    // "CATL's battery volume ranked first worldwide, holding 36.8% of global share": the company whose the sentence is.
    const first = mentions[0]!;
    if (at > 0 && !first.compared && isCompany(first.id) && /^['’]s\b/.test(sentence.slice(first.end)))
      return { subject: first.id, why: `"${first.text}'s" opens the sentence; "${owner.text}" names its market`, local: false };
  }
  if (owner) return { subject: owner.id, why: `"${owner.text}" earlier in the sentence`, local: false };
  return { local: false };
}
