// Extract: article text → numeric claims. A pure function of the article. The passes in
// compute/ run in their numbered order on each sentence; this file threads the context
// a reader carries from sentence to sentence (the paragraph's subject and period, the
// article's main subject and period) and assembles the Claim.
import nlp from 'compromise';
import type { Article, Claim, Measure } from '../types.js';
import { entityById, entityRe, metricById, segmentOf } from './model/lexicon.js';
import { splitSentences, type Sentence, type Span } from './compute/1-sentences.js';
import { cellsOf, headerCell, isLeadIn, isListItem, isTableRow, tableHeaders, unitInCell } from './compute/1-tables.js';
import { scanNumbers } from './compute/2-numbers.js';
import { qualifierOf } from './compute/3-qualifiers.js';
import { inheritChange, measureMentions, measureOf } from './compute/4-measures.js';
import { metricMentions, metricOfToken, segmentBefore } from './compute/5-metrics.js';
import { periodMentions, resolvePeriod, type PeriodMention } from './compute/6-periods.js';
import { entityMentions, nameId, subjectOf } from './compute/7-subjects.js';
import { listItems } from './compute/8-lists.js';
import { aspectsOf } from './compute/9-aspects.js';
import { entityOf, findAll, metricOf, metricRe } from './model/lexicon.js';

export { parseChineseNumeral, scanNumbers } from './compute/2-numbers.js';
export { splitSentences } from './compute/1-sentences.js';
export { periodMentions, resolvePeriod } from './compute/6-periods.js';

const UNKNOWN_SUBJECT = 'main';
const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

interface SentenceFacts {
  sentence: Sentence;
  lang: 'zh' | 'en';
  tokens: ReturnType<typeof scanNumbers>;
  periods: PeriodMention[];
  entities: ReturnType<typeof entityMentions>;
  /** Countries named in a company story: regions, not owners. */
  regions?: ReturnType<typeof entityMentions>;
}

export function extractClaims(article: Article): Claim[] {
  const text = article.text;
  // A saved page often ends with related stories: their figures are not the article's.
  const related = /^[ \t#*>]*(?:相关阅读|相关推荐|相关新闻|相关文章|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|更多阅读|Related(?: (?:articles|stories|news|coverage|reading|content))?|Read more|More from [^\n]{1,40}|Recommended(?: for you)?|You may also like)[ \t*:：]*$/im.exec(text);
  const sentences = splitSentences(text).filter((s) => !related || s.start < related.index);
  const facts: SentenceFacts[] = sentences.map((s) => {
    const lang = article.language === 'mixed' ? (isCjk(s.text) ? 'zh' : 'en') : article.language === 'zh' ? (isCjk(s.text) ? 'zh' : 'en') : isCjk(s.text) ? 'zh' : 'en';
    return { sentence: s, lang, tokens: [] as ReturnType<typeof scanNumbers>, periods: periodMentions(s.text), entities: entityMentions(s.text, lang) };
  });
  // Numbers, with table cells taking the unit their row label or column header names.
  const headersOf = tableHeaders(sentences);
  facts.forEach((f, si) => {
    const h = headersOf.get(si);
    const rowUnit = isTableRow(f.sentence.text) ? unitInCell(cellsOf(f.sentence.text)[0] ? f.sentence.text.slice(cellsOf(f.sentence.text)[0]!.start, cellsOf(f.sentence.text)[0]!.end) : '') : undefined;
    const headUnit = h !== undefined ? unitInCell(facts[h]!.sentence.text) : undefined;
    f.tokens = scanNumbers(f.sentence.text, f.lang, rowUnit ?? headUnit);
  });
  // Data sources and agencies (IDC, Reuters, 国家统计局) report figures but own none of them.
  for (const f of facts) f.entities = f.entities.filter((e) => entityById.get(e.id)?.kind !== 'source');
  const main = mainSubject(article, facts);
  // In coverage of a company, a country names a market: a region of the figure, not its owner.
  const companyStory = ['company', 'product'].includes(entityById.get(main)?.kind ?? 'company') && main !== UNKNOWN_SUBJECT;
  // The world market is the exception: "global shipments" belong to the market, not to a company.
  if (companyStory) for (const f of facts) f.entities = f.entities.filter((e) => entityById.get(e.id)?.kind !== 'country' || e.id === 'world' || ((f.regions ??= []).push(e), false));
  const mainPeriod = mainPeriodOf(article, facts);

  const claims: Claim[] = [];
  let paragraph = -1;
  let carrySubject: string | undefined;
  let carryPeriod: string | null = null;
  // A lead-in line ("Key figures, 4Q23:") keeps its context for the list items under it.
  let inList = false;
  for (const [si, f] of facts.entries()) {
    const { sentence: s, lang } = f;
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      const prev = facts[si - 1]?.sentence.text ?? '';
      inList = isListItem(s.text) && (inList || isLeadIn(prev));
      if (!inList) {
        carrySubject = undefined;
        carryPeriod = null;
      }
    }
    const header = headersOf.has(si) ? facts[headersOf.get(si)!] : undefined;
    const tokens = f.tokens;
    if (!tokens.length) {
      carryPeriod = lastPeriod(f, article, carryPeriod, mainPeriod) ?? carryPeriod;
      carrySubject = lastSubject(f) ?? carrySubject;
      continue;
    }
    const metrics = metricMentions(s.text);
    const measures = measureMentions(s.text);
    const lists = listItems(s.text, tokens, f.entities, lang, (text) => {
      const named = entityMentions(text, lang).find((e) => !findAll(metricRe, e.text).length);
      return named && (!companyStory || entityById.get(named.id)?.kind !== 'country') ? named.id : undefined;
    });
    const clauses: Span[] = s.clauses.map((c) => ({ ...c, start: c.start - s.start, end: c.end - s.start }));
    tokens.forEach((tok, i) => {
      const clause = clauses.find((c) => tok.start >= c.start && tok.start <= c.end) ?? { start: 0, end: s.text.length, text: s.text };
      const why: Claim['why'] = {};
      const q = qualifierOf(s.text, tok);
      if (q.word) why.qualifier = `"${q.word}"`;
      // In a table, the column header may name the period, the metric or a change.
      const column = header ? headerCell(s.text, tok.start, header.sentence.text, header.periods) : undefined;
      const meas = measureOf(s.text, tok, tokens[i - 1]?.end ?? 0, clause.start, clause.end, measures);
      if (column?.change && meas.measure === 'level' && (tok.unit === '%' || tok.unit === 'pp')) {
        meas.measure = 'yoy';
        meas.sign = tok.sign === -1 ? -1 : 1;
        meas.why = `column header "${column.text}"`;
      }
      const prevClaim = claims[claims.length - 1];
      if (i > 0 && prevClaim?.sentenceStart === s.start) inheritChange(meas, prevClaim, s.text.slice(tokens[i - 1]!.end, tok.start), tok.unit === tokens[i - 1]!.unit);
      if (meas.why) why.measure = meas.why;
      const item = lists.get(i);

      // Metric, and a segment named with it.
      let metric: string | null = null;
      let segment: string | undefined;
      const itemMetric = item && findAll(metricRe, item.text).map((m) => metricOf(m.text)!)[0];
      if (itemMetric) {
        metric = itemMetric;
        why.metric = `item "${item!.text}" of a respectively list`;
      } else if (column?.metric) {
        metric = column.metric;
        why.metric = `column header "${column.text}"`;
      } else {
        const r = metricOfToken(s.text, tok, metrics, clause);
        metric = r.metric;
        if (r.why) why.metric = r.why;
        segment = r.mention && segmentBefore(s.text, r.mention, (name) => !!entityOf(name) || !!metricOf(name) || /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(name));
      }
      let unit = tok.unit;
      const entry = metric ? metricById.get(metric) : undefined;
      // Per ten shares is how A-share dividends are quoted.
      if (tok.perShare && tok.unitWhy?.startsWith('quoted per') && metric === null) metric = 'dividend_per_share';
      if (tok.perShare && (metric === null || metric === 'net_profit' || metric === 'revenue')) {
        metric = 'eps';
        why.metric = 'a per-share amount of earnings';
      }
      const perShare = tok.perShare || (!!entry?.perShare && unit !== '%' && unit !== 'pp' && unit !== 'count');
      if (entry?.perShare && !tok.perShare && Math.abs(tok.value) >= 1000) {
        metric = null; // "the dividend costs $5bn a year" is not a per-share figure
        delete why.metric;
      } else if (perShare && unit !== 'count') unit = `${unit}/share`;

      // Aspects: those of the number's clause, and those said with its metric (失业率平均值 … 下降0.4个百分点).
      const nextInClause = tokens[i + 1] && tokens[i + 1]!.start < clause.end ? tokens[i + 1]!.start : clause.end;
      const aspects = new Set(aspectsOf(s.text, clause, metrics, { start: tok.start, end: tok.end, nextStart: nextInClause }, clauses[0]).aspects);
      // Both ends of a range share what is said of the range (expect … between 9.55 and 11.55 billion).
      if (tok.rangeEnd === 'high' && claims.length && claims[claims.length - 1]!.sentenceStart === s.start)
        for (const a of claims[claims.length - 1]!.aspects) if (!a.startsWith('range:')) aspects.add(a);
      const mention = metric ? metrics.filter((m) => m.metric === metric && m.end <= tok.start).pop() : undefined;
      const home = mention && clauses.find((c) => mention.start >= c.start && mention.start <= c.end);
      if (home && home !== clause) for (const a of aspectsOf(s.text, home, metrics).aspects) if (a.startsWith('stat:') || a.startsWith('basis:')) aspects.add(a);
      if (tok.rangeEnd) aspects.add(`range:${tok.rangeEnd}`);
      // A forecast by an analyst or a brokerage is an opinion: two analysts may differ without either being wrong.
      if (aspects.has('forecast') && /分析师|研报|券商|证券预计|经济学家|机构预计|analyst|economist|brokerage|strategist/i.test(s.text)) {
        aspects.delete('forecast');
        aspects.add('forecast:analyst');
      }
      // 数据中心业务同比增长409%: a business named in the clause before the figure is its segment.
      if (!segment && lang === 'zh') {
        const biz = /([\u4e00-\u9fffA-Za-z]{1,8}?)(业务|板块|分部)(?!收入|营收)[^，。；]*$/.exec(s.text.slice(clause.start, tok.start));
        if (biz) segment = (biz[1]! + biz[2]!).replace(entityRe, '') || undefined;
      }
      if (segment && ![...aspects].some((a) => a.startsWith('segment:'))) aspects.add(`segment:${segmentOf(segment)}`);
      const region = f.regions?.filter((r) => r.start >= clause.start && r.end <= tok.start).pop();
      if (region && !aspects.has('segment:overseas')) aspects.add(`region:${region.id}`);

      // Subject.
      let subject: string | undefined;
      if (item?.entityId) {
        subject = item.entityId;
        why.subject = `"${item.text}" in a respectively list`;
      } else {
        const sr = subjectOf(s.text, tok, f.entities, clause);
        if (sr.subject) {
          subject = sr.subject;
          why.subject = sr.why;
          if (!sr.local) carrySubject = sr.subject;
        }
        if (meas.isBase && !sr.local) aspects.add('base');
      }
      if (!subject && carrySubject) {
        subject = carrySubject;
        why.subject = 'named earlier in the paragraph';
      }
      if (!subject) {
        subject = main;
        why.subject = main === UNKNOWN_SUBJECT ? 'no subject named; the article names none we know' : "the article's main subject";
      }
      if (item && !item.entityId && !itemMetric) {
        // A list item that is an aspect (adjusted, GAAP, 海外) says so; any other item names a part.
        const said = aspectsOf(item.text, { start: 0, end: item.text.length }, []).aspects;
        if (said.length) said.forEach((a) => aspects.add(a));
        else if (!/^(?:GAAP|reported)\b/i.test(item.text)) aspects.add(`item:${item.text.slice(0, 24)}`);
        // An item of its own basis drops the basis a neighbouring word gave the whole clause.
        if (!said.some((a) => a.startsWith('basis:'))) for (const a of [...aspects]) if (a.startsWith('basis:') && /^(?:GAAP|reported)\b/i.test(item.text)) aspects.delete(a);
      }

      // Period.
      const forward = [...aspects].some((a) => a.startsWith('forecast') || a === 'target');
      const p = periodFor(f, tok, clause, lang, tokens[i + 1]?.start ?? Infinity);
      let period: string | null;
      if (column?.period) {
        period = resolvePeriod(column.period.raw, { date: article.date, forward, current: quarterOf(carryPeriod) ?? quarterOf(mainPeriod) ?? mainPeriod });
        why.period = `column header "${column.text}"`;
      } else if (p) {
        period = resolvePeriod(p.raw, { date: article.date, year: yearNear(f, p), forward, current: quarterOf(carryPeriod) ?? quarterOf(mainPeriod) ?? mainPeriod });
        why.period = `"${p.text}"${p.start >= tok.end ? ' after the number' : ''}`;
      } else if (carryPeriod) {
        period = carryPeriod;
        why.period = 'named earlier in the paragraph';
      } else if (metric) {
        period = mainPeriod;
        why.period = mainPeriod ? "the article's main period" : 'no period named';
      } else {
        // An unnamed figure with no period of its own is matched only as a loose figure.
        period = null;
        why.period = 'no period named';
      }

      // An inflation rate printed as a level is the price index's change on a year earlier.
      if (entry?.levelIsChange && meas.measure === 'level' && unit === '%' && !meas.isBase) {
        meas.measure = 'yoy';
        why.measure = 'an inflation rate is the year-on-year change of prices';
      }
      // A change against a named year other than the one before (较2019年同期) is a different fact.
      const periodYear = period ? +(/\d{4}/.exec(period)?.[0] ?? 0) : 0;
      if (meas.baseYear && meas.measure !== 'level' && meas.baseYear !== periodYear - 1) {
        aspects.add(`vs:${meas.baseYear}`);
        why.measure = `${why.measure ?? ''}; measured against ${meas.baseYear}`;
      }
      // For a year or a year-end, "since the end of last year" (较上年末) is the change on a year earlier.
      if (meas.measure === 'vs_start' && period && /^(?:FY)?\d{4}(?:-12)?$/.test(period)) {
        meas.measure = 'yoy';
        why.measure = `${why.measure ?? ''}; for a year-end figure, since last year-end is year on year`;
      }
      const sign = meas.sign;
      const value = sign * Math.abs(tok.value);
      const start = s.start + tok.start;
      const end = s.start + tok.end;
      claims.push({
        id: `${article.id}:${start}-${end}`,
        articleId: article.id,
        quote: text.slice(start, end),
        start,
        end,
        sentence: s.text,
        sentenceStart: s.start,
        value,
        unit,
        countOf: tok.countOf ?? entry?.countOf,
        precision: tok.precision,
        qualifier: q.qualifier,
        qualifierWord: q.word,
        measure: meas.measure as Measure,
        subject,
        metric,
        period,
        aspects: [...aspects].sort(),
        why: { ...why, ...(tok.unitWhy ? { unit: tok.unitWhy } : {}) },
        origin: 'extracted',
      });
    });
    carryPeriod = lastPeriod(f, article, carryPeriod, mainPeriod) ?? carryPeriod;
  }
  return claims;
}

/** "the quarter" means a quarter: the carried or main period when it is one. */
const quarterOf = (p: string | null) => (p && /^(?:FY)?\d{4}-Q\d$/.test(p) ? p : null);

/** The period phrase that governs a number: in its clause (after it first in English, before it first in Chinese), then before it in the sentence. */
function periodFor(f: SentenceFacts, tok: { start: number; end: number }, clause: { start: number; end: number }, lang: 'zh' | 'en', nextStart: number): PeriodMention | undefined {
  const own = f.periods.filter((p) => !p.isBase);
  const inClause = own.filter((p) => p.start >= clause.start && p.end <= clause.end);
  const before = inClause.filter((p) => p.end <= tok.start).pop();
  // English puts the period after the figure ("3.58 yuan for the quarter"), up to the next figure.
  const after = inClause.find((p) => p.start >= tok.end && p.start < nextStart);
  const order = lang === 'en' ? [after, before] : [before, after];
  const hit = order.find(Boolean);
  if (hit) return hit;
  // English: "expects revenue of $24.0 billion, …, for the first quarter of fiscal 2025": a period
  // later in the sentence, with no other figure between, still governs it.
  if (lang === 'en') {
    const later = own.find((p) => p.start >= tok.end && p.start < nextStart);
    if (later) return later;
  }
  return own.filter((p) => p.end <= tok.start).pop();
}

/** An explicit year named in the sentence before a phrase that lacks one (2023年…前三季度). */
function yearNear(f: SentenceFacts, p: PeriodMention): number | undefined {
  if (p.raw.year !== undefined || p.raw.rel !== undefined) return undefined;
  const prior = f.periods.filter((x) => x.end <= p.start && x.raw.year !== undefined && !x.isBase).pop();
  return prior?.raw.year;
}

/**
 * The period a sentence sets for the ones after it: its last period phrase when the sentence
 * has no figures, else a phrase that opens it, before its first figure (前三季度，…; Revenue for
 * the three months ended Dec. 31 rose…). A phrase after a figure ("5.1% in December") is local.
 */
function lastPeriod(f: SentenceFacts, article: Article, carry: string | null, main: string | null): string | null {
  const first = f.tokens[0]?.start ?? Infinity;
  const p = f.periods.filter((x) => !x.isBase && x.raw.kind !== 'DAY' && x.end <= first).pop();
  return p ? resolvePeriod(p.raw, { date: article.date, year: yearNear(f, p), current: carry ?? main }) : null;
}

function lastSubject(f: SentenceFacts): string | undefined {
  return f.entities.filter((e) => !e.compared).pop()?.id;
}

/** The entity the article is about: the most named one, the title counting three times. */
function mainSubject(article: Article, facts: SentenceFacts[]): string {
  const counts = new Map<string, number>();
  const add = (id: string, w: number) => counts.set(id, (counts.get(id) ?? 0) + w);
  const titleLang = isCjk(article.title) ? 'zh' : 'en';
  for (const e of entityMentions(article.title, titleLang)) if (entityById.get(e.id)?.kind !== 'source' && e.id !== 'world') add(e.id, 3);
  for (const f of facts) for (const e of f.entities) if (e.id !== 'world') add(e.id, 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (!best || n > counts.get(best)!) best = id;
  if (best) return best;
  // compromise reads an English title for an organisation or place the lexicon lacks; else a
  // capitalised title word that the body repeats is taken as the name.
  if (titleLang === 'en') {
    const doc = nlp(article.title);
    const name = (doc.organizations().out('array') as string[])[0] ?? (doc.places().out('array') as string[])[0];
    if (name) return nameId(name.replace(/['’]s$/, '').replace(/[^\w\s&.-]/g, '').trim());
    const words = article.title.match(/\b[A-Z][A-Za-z0-9&-]+\b/g) ?? [];
    const repeated = words
      .filter((w) => !/^(?:The|A|An|In|On|At|For|Of|To|And|As|With|By|From|After|Before|Over|How|Why|What|Its|Five|Four|Three|Two|Things|Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(w.replace(/['’]s$/, '')) && !metricOf(w))
      .map((w) => ({ w, n: article.text.split(w).length - 1 }))
      .filter((x) => x.n >= 2)
      .sort((a, b) => b.n - a.n)[0];
    if (repeated) return nameId(repeated.w);
  }
  return UNKNOWN_SUBJECT;
}

/** The period the article is about: the one its title names, else the one its figures most often name. */
function mainPeriodOf(article: Article, facts: SentenceFacts[]): string | null {
  for (const p of periodMentions(article.title)) {
    const r = resolvePeriod(p.raw, { date: article.date });
    if (r && !p.isBase && p.raw.kind !== 'CUR') return r;
  }
  const counts = new Map<string, number>();
  for (const f of facts) {
    if (!f.tokens.length) continue;
    for (const p of f.periods) {
      if (p.isBase || p.raw.kind === 'DAY' || p.raw.kind === 'CUR') continue;
      // A period after a forecast word (forecast first-quarter revenue) is the period ahead, not the one reported.
      if (aspectsOf(f.sentence.text, { start: 0, end: p.start }, []).aspects.some((a) => a.startsWith('forecast'))) continue;
      const r = resolvePeriod(p.raw, { date: article.date, year: yearNear(f, p) });
      if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [id, n] of counts) if (!best || n > counts.get(best)!) best = id;
  return best;
}
