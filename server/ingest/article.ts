// Turns decoded file text into an Article: front matter, title, date, language, hash.
import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { detectLanguage } from './language.js';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Article ids come from the library path, so re-ingesting a changed file keeps its id. */
export const articleIdFor = (path: string): string => 'a' + sha256(path).slice(0, 12);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A date in the first lines of the body (a byline or dateline), as YYYY-MM-DD. */
export function findLeadDate(body: string): string | undefined {
  const head = body.split(/\r?\n/).filter((l) => l.trim()).slice(0, 8).join('\n');
  const num = /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(head);
  if (num) return `${num[1]}-${pad(+num[2]!)}-${pad(+num[3]!)}`;
  const en = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/i.exec(head);
  if (en) return `${en[3]}-${pad(MONTHS.indexOf(en[1]!.toLowerCase()) + 1)}-${pad(+en[2]!)}`;
  return undefined;
}

/**
 * Publisher and URL from the first lines of a saved page when there is no front matter:
 * a bare URL line; "来源|X" or "Source: X"; the name before a dateline ("新火种    2023-10-28");
 * or a short bold line under the title ("**连线Insight**"), never a plain line, which may be a sentence.
 */
export function findLeadSource(body: string): { publisher?: string; url?: string } {
  const lines = body.split(/\r?\n/).map((l) => l.replace(/\*\*|__/g, '').trim()).filter(Boolean).slice(0, 8);
  const out: { publisher?: string; url?: string } = {};
  for (const l of lines) {
    const url = /^<?(https?:\/\/\S+?)>?$/.exec(l);
    if (url && !out.url) out.url = url[1];
  }
  for (const l of lines) {
    const src = /(?:来源|出处|Source)\s*[|｜:：]\s*([^\s(（|｜,，]{2,24})/i.exec(l);
    if (src) return { ...out, publisher: src[1] };
  }
  for (const l of lines.slice(1)) {
    const dateline = /^([^\d\s][^\d]{0,19}?)\s+(?:19|20)\d{2}[-/.年]\d{1,2}/.exec(l);
    if (dateline) return { ...out, publisher: dateline[1]!.trim() };
  }
  // Only a line set apart as a byline (bold): a short plain line is as likely the first sentence.
  const bold = body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(1, 4).map((l) => /^(?:\*\*|__)(.+?)(?:\*\*|__)$/.exec(l)?.[1]?.trim() ?? '');
  const short = bold.find((l) => l && l.length <= 20 && !/[\d。，,.!?？！:：]/.test(l) && !/^https?:/.test(l));
  if (short) out.publisher = short;
  return out;
}

function normaliseDate(d: string | undefined): string | undefined {
  // "unknown (the page header's date is site chrome)": a date said to be unknown is not guessed from its note.
  if (!d || /^\s*(?:unknown|n\/a|undated|未知)/i.test(d)) return undefined;
  const m = /^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(d);
  return m ? `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}` : findLeadDate(d);
}

/** The first markdown heading or first non-empty line, without markup. */
function titleFrom(body: string, fallback: string): string {
  const line = body.split(/\r?\n/).find((l) => l.trim()) ?? '';
  // A saved page may open with a breadcrumb (首页 > 资讯 > 标题): the title is its last step.
  const t = line.replace(/^#+\s*/, '').replace(/\*\*/g, '').split(/\s+[>›»]\s+/).pop()!.trim();
  return (t || fallback).slice(0, 200);
}

export interface BuildInput {
  path: string;
  text: string;
  hash: string;
  source: Article['source'];
  /** Metadata given outside the file (a paste form); front matter wins over nothing, these win over front matter. */
  meta?: { title?: string; url?: string; publisher?: string; date?: string };
}

export function buildArticle(input: BuildInput): { article: Article; warning?: string } {
  const { meta: fm, body, warning } = splitFrontMatter(input.text);
  const given = input.meta ?? {};
  const lead = fm.title || fm.publisher ? {} : findLeadSource(body);
  const lang = fm.language === 'zh' || fm.language === 'en' || fm.language === 'mixed' ? fm.language : detectLanguage(body);
  const article: Article = {
    id: articleIdFor(input.path),
    path: input.path,
    title: given.title?.trim() || fm.title || titleFrom(body, input.path),
    url: given.url?.trim() || fm.url || lead.url || undefined,
    publisher: given.publisher?.trim() || fm.publisher || lead.publisher || undefined,
    date: normaliseDate(given.date) ?? normaliseDate(fm.date) ?? findLeadDate(body),
    language: lang,
    text: body,
    hash: input.hash,
    ingestedAt: new Date().toISOString(),
    source: input.source,
  };
  return { article, warning };
}
