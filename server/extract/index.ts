// Extract: article text → numeric claims. A pure function of the article. The passes in
// compute/ run in their numbered order on each sentence; context.ts keeps what a reader carries
// from sentence to sentence, and figure.ts weighs the evidence for each number.
import type { Article, Claim } from '../types.js';
import { asOwners, deicticRe, entityById, findAll, metricRe, segmentRe, wordsRe, yenSign } from './model/lexicon.js';
import { foldTraditional, withoutPinyinNotes } from './compute/0-script.js';
import { splitSentences, type Span } from './compute/1-sentences.js';
import { captionUnit, cellsOf, flatTableColumns, hasSymbolCells, isLeadIn, isListItem, isTableRow, logicalCells, tableCaptions, tableHeaders, unitInCell } from './compute/1-tables.js';
import { aspectsOf } from './compute/9-aspects.js';
import { scanNumbers, type NumberToken } from './compute/2-numbers.js';
import { measureMentions } from './compute/4-measures.js';
import { metricMentions } from './compute/5-metrics.js';
import { periodMentions } from './compute/6-periods.js';
import { entityMentions } from './compute/7-subjects.js';
import { listItems } from './compute/8-lists.js';
import { isCjk, lastPeriod, lastSubject, mainPeriodOf, mainSubject, UNKNOWN_SUBJECT, type ArticleContext, type Carry, type SentenceFacts } from './context.js';
import { readFigure } from './figure.js';
import { borrowRestated, headlineMeasures } from './restated.js';
import { fillGaps } from './gapped.js';

export { parseChineseNumeral, scanNumbers } from './compute/2-numbers.js';
export { splitSentences } from './compute/1-sentences.js';
export { periodMentions, resolvePeriod } from './compute/6-periods.js';

/** Citation markers ("[3][12]", "[1]") are references, not quantities: blanked, offsets kept. */
export const maskCitations = (text: string) => text.replace(/(?<=\S)(?:\[\d{1,3}\])+/g, (m) => m.replace(/\d/g, ' '));

// A picture credit in brackets ((张三摄、取自某某脸书), (Photo: Reuters)) names where a picture came from, never an owner.
const CREDIT = /[（(][^（()）]{0,60}?(?:摄|取自|图源|图片来源|来源：|Photo|Image|Credit|Getty)[^（()）]{0,60}[)）]/gi;
const blank = (m: string) => ' '.repeat(m.length);

/**
 * The text with what names no owner blanked out, offsets kept: picture credits, and on a page in
 * Traditional script the pointing country words (全国, 我国), whose country depends on the publisher.
 */
function unowned(text: string, traditional: boolean): string {
  const t = text.replace(CREDIT, blank);
  return traditional ? t.replace(deicticRe, blank) : t;
}

/**
 * A row whose page split the signs off its figures ("revenue | $ | 13,507 | … | up 88% |") is read
 * cell by cell, each figure with its own sign, and money in the caption's unit ($ in millions),
 * except per-share rows, which are in plain currency units.
 */
function splitCellTokens(text: string, lang: 'zh' | 'en', unit: string | undefined, caption: string | undefined): NumberToken[] {
  const cells = logicalCells(text);
  const perShare = /per share|每股/i.test(text.slice(cells[0]?.start ?? 0, cells[0]?.end ?? 0));
  return cells.flatMap((c) => {
    const money = c.sign && c.sign !== '%' ? (caption && !perShare ? caption.replace(/^\S+/, c.sign) : c.sign) : undefined;
    const hint = c.sign === '%' ? '%' : money ?? unit;
    return scanNumbers(text.slice(c.start, c.end), lang, hint).map((t) => shiftToken(t, c.start));
  });
}

const shiftToken = (t: NumberToken, by: number): NumberToken => ({ ...t, start: t.start + by, end: t.end + by, numStart: t.numStart + by, numEnd: t.numEnd + by });

/** The last segment the lexicon knows that a sentence names: what "this segment" later points back to. */
const lastSegment = (text: string) => findAll(segmentRe, text).pop()?.text;

// ¥ is the yen in English coverage of Japan that names nothing of China (units.json yenSign).
const JAPAN = wordsRe(yenSign.japan);
const CHINA = wordsRe(yenSign.china);
function yenArticle(a: Article): boolean {
  if (a.language !== 'en') return false;
  const all = a.title + '\n' + a.text;
  return JAPAN.test(all) && !CHINA.test(all);
}
function yenTokens(tokens: NumberToken[], sentence: string): NumberToken[] {
  for (const t of tokens) {
    if (!t.unit.startsWith('CNY') || !/[¥￥]/.test(sentence.slice(t.start, t.end))) continue;
    t.unit = t.unit.replace('CNY', 'JPY');
    t.unitWhy = '¥ in an English article about Japan is the yen';
  }
  return tokens;
}

// 元 in a Taiwanese report is the New Taiwan dollar: an article that names 新台币 and never 人民币
// prints its other 元 amounts in NT$ too (营收1兆460亿元 after 新台币5057亿元).
const TWD_NAMED = /新台币|新台幣|NT\$/;
const CNY_NAMED = /人民币|人民幣|RMB|[^A-Za-z]CNY|港元|港币|美元/;
const twdArticle = (a: Article) => a.language === 'zh' && TWD_NAMED.test(a.text) && !CNY_NAMED.test(a.text);
function twdTokens(tokens: NumberToken[], sentence: string): void {
  for (const t of tokens) {
    if (t.unit !== 'CNY' || !/[元圆圓]$/.test(sentence.slice(t.start, t.end))) continue;
    t.unit = 'TWD';
    t.unitWhy = '元 in an article that prices in 新台币 and names no 人民币 is the New Taiwan dollar';
  }
}

const BREAKDOWN = /^(?:其中|分类别看|分项看|具体来看|Of (?:this|these|which)\b|Among them\b)/i;

/**
 * The claims of an article. Traditional Chinese is read through its Simplified folding (same
 * offsets), and a mirror's pinyin notes are read without them (offsets mapped back); quotes and
 * sentences are then cut from the text as printed.
 */
export function extractClaims(article: Article): Claim[] {
  const folded = foldTraditional(article.text);
  const plain = withoutPinyinNotes(folded);
  if (folded === article.text && !plain) return extractFolded(article);
  const title = foldTraditional(article.title);
  const claims = extractFolded({ ...article, text: plain?.text ?? folded, title: withoutPinyinNotes(title)?.text ?? title }, folded !== article.text);
  const at = (i: number) => plain?.offsets[i] ?? i;
  for (const c of claims) {
    const sentenceEnd = c.sentenceStart + c.sentence.length;
    c.start = at(c.start);
    c.end = at(c.end - 1) + 1;
    c.sentenceStart = at(c.sentenceStart);
    c.quote = article.text.slice(c.start, c.end);
    c.sentence = article.text.slice(c.sentenceStart, sentenceEnd > 0 ? at(sentenceEnd - 1) + 1 : c.sentenceStart);
    if (plain) c.id = `${article.id}:${c.start}-${c.end}`;
  }
  return claims;
}

function extractFolded(article: Article, traditional = false): Claim[] {
  const text = article.text;
  // A saved page often ends with related stories: their figures are not the article's.
  const related = /^[ \t#*>]*(?:相关阅读|相关推荐|相关新闻|相关文章|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|更多阅读|Related(?: (?:articles|stories|news|coverage|reading|content))?|Read more|More from [^\n]{1,40}|Recommended(?: for you)?|You may also like)[ \t*:：]*$/im.exec(text);
  const sentences = splitSentences(text).filter((s) => !related || s.start < related.index);
  const facts: SentenceFacts[] = sentences.map((s) => {
    // Each sentence is read in its own script: Chinese articles quote English and the reverse.
    const lang = isCjk(s.text) ? 'zh' : 'en';
    return { sentence: s, lang, tokens: [] as ReturnType<typeof scanNumbers>, periods: periodMentions(s.text), entities: entityMentions(unowned(s.text, traditional), lang) };
  });
  // Numbers, with table cells taking the unit their row label or column header names.
  const headersOf = tableHeaders(sentences);
  const captions = tableCaptions(sentences);
  const yen = yenArticle(article);
  const twd = twdArticle(article);
  facts.forEach((f, si) => {
    const h = headersOf.get(si);
    const label = isTableRow(f.sentence.text) ? cellsOf(f.sentence.text)[0] : undefined;
    const rowUnit = label ? unitInCell(f.sentence.text.slice(label.start, label.end)) : undefined;
    const headText = h !== undefined ? facts[h]!.sentence.text : '';
    const headUnit = h !== undefined ? unitInCell(headText) : undefined;
    const text = maskCitations(f.sentence.text);
    f.tokens = label && hasSymbolCells(text) ? splitCellTokens(text, f.lang, rowUnit ?? headUnit, captionUnit(headText)) : scanNumbers(text, f.lang, rowUnit ?? headUnit);
    if (yen && f.lang === 'en') yenTokens(f.tokens, text);
    if (twd && f.lang === 'zh') twdTokens(f.tokens, text);
  });
  // Flattened tables: the k-th figure of a row line belongs to the k-th column its header line names.
  const flat = flatTableColumns(facts.map((f) => ({ text: f.sentence.text, periods: f.periods, tokens: f.tokens, table: isTableRow(f.sentence.text) })));
  // Data sources and agencies (IDC, Reuters, 国家统计局) report figures but own none of them.
  // A national agency (国家统计局, the Fed) names the country it reports for, though never a company's market.
  for (const f of facts) f.entities = asOwners(f.entities);
  const main = mainSubject({ ...article, title: unowned(article.title, traditional) }, facts);
  // In coverage of a company, a country names a market: a region of the figure, not its owner.
  const companyStory = ['company', 'product'].includes(entityById.get(main)?.kind ?? 'company') && main !== UNKNOWN_SUBJECT;
  // The world market is the exception: "global shipments" belong to the market, not to a company.
  const market = (id: string) => ['country', 'region'].includes(entityById.get(id)?.kind ?? '');
  if (companyStory) for (const f of facts) f.entities = f.entities.filter((e) => !e.viaSource && (!market(e.id) || e.id === 'world' || ((f.regions ??= []).push(e), false)));
  // A company on its own fiscal calendar names its quarters in that calendar.
  const fiscalYearEnd = entityById.get(main)?.fiscalYearEnd;
  const mainPeriod = mainPeriodOf(article, facts, fiscalYearEnd);

  const ctx: ArticleContext = { article, main, mainPeriod, companyStory };
  const claims: Claim[] = [];
  let paragraph = -1;
  const carry: Carry = { period: null };
  // A lead-in line ("Key figures, 4Q23:") keeps its context for the list items under it.
  let inList = false;
  for (const [si, f] of facts.entries()) {
    const { sentence: s, lang } = f;
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      const prev = facts[si - 1]?.sentence.text ?? '';
      inList = isListItem(s.text) && (inList || isLeadIn(prev));
      if (!inList) {
        carry.subject = undefined;
        carry.period = null;
        carry.measure = undefined;
        carry.segment = undefined;
      }
    }
    const header = headersOf.has(si) ? facts[headersOf.get(si)!] : undefined;
    // A breakdown opens with 其中 (Of which) and runs on through the parts a semicolon joins to it.
    const prevText = facts[si - 1]?.sentence.paragraph === s.paragraph ? facts[si - 1]!.sentence.text : '';
    carry.breakdown = BREAKDOWN.test(s.text) || (!!carry.breakdown && /[;；]$/.test(prevText));
    const tokens = f.tokens;
    if (!tokens.length) {
      carry.period = lastPeriod(f, article, carry.period, mainPeriod, fiscalYearEnd) ?? carry.period;
      const named = lastSubject(f);
      carry.subject = (companyStory && named === 'world' ? undefined : named) ?? carry.subject;
      carry.segment = lastSegment(s.text) ?? carry.segment;
      continue;
    }
    const lists = listItems(s.text, tokens, f.entities, lang, (text) => {
      const named = entityMentions(text, lang).find((e) => !findAll(metricRe, e.text).length);
      return named && (!companyStory || !market(named.id)) ? named.id : undefined;
    });
    const clauses: Span[] = s.clauses.map((c) => ({ ...c, start: c.start - s.start, end: c.end - s.start }));
    const sc = { facts: f, clauses, metrics: metricMentions(s.text), measures: measureMentions(s.text), lists, header, columns: flat.get(si) };
    const first = claims.length;
    for (let i = 0; i < tokens.length; i++) claims.push(readFigure(ctx, sc, carry, i, claims[claims.length - 1]));
    if (lang === 'en') fillGaps(claims.slice(first));
    // A table's caption (Non-GAAP) gives its basis to every figure under it.
    const caption = captions.get(si);
    const basis = caption ? aspectsOf(caption, { start: 0, end: caption.length }, []).aspects.filter((a) => a.startsWith('basis:')) : [];
    for (const c of claims.slice(first)) for (const a of basis) if (!c.aspects.includes(a)) c.aspects = [...c.aspects, a].sort();
    carry.period = lastPeriod(f, article, carry.period, mainPeriod, fiscalYearEnd) ?? carry.period;
    carry.measure = sc.measures[sc.measures.length - 1] ?? carry.measure;
    carry.segment = lastSegment(s.text) ?? carry.segment;
  }
  borrowRestated(claims);
  headlineMeasures(claims);
  return claims;
}

