// The interface in the reader's language. Every label and message of the web app comes from one
// data file per language (locales/en.json, locales/zh.json), chosen by the language switch (a
// cookie), else by the browser's Accept-Language, else English. Code names a key and its
// parameters; the words live in the data files only.
import { readFileSync } from 'node:fs';
import type { Response } from 'express';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';
export const LANG_COOKIE = 'cc_lang';

/** A parameter: plain text or a number, a message of its own, or words that depend on the language (a fact's name). */
export type Param = string | number | Msg | ((i: I18n) => string);
export type Params = Record<string, Param>;
/** A message to put in the reader's language when it is shown (errors, flashes made before the page is). */
export interface Msg {
  key: string;
  params?: Params;
  /** For a counted key (key.one / key.other): the count, shown as {n}. */
  count?: number;
}
export type Text = string | Msg;
export const msg = (key: string, params?: Params): Msg => ({ key, params });
/** A counted message: "1 finding", "3 findings". */
export const msgN = (key: string, count: number, params?: Params): Msg => ({ key, params, count });
const isMsg = (v: unknown): v is Msg => !!v && typeof v === 'object' && typeof (v as Msg).key === 'string';

export interface I18n {
  lang: Lang;
  /** For <html lang>: zh-CN, so browsers pick Chinese glyphs rather than Japanese ones. */
  htmlLang: string;
  /** The text of a key with {params} filled in; a key missing here falls back to English, then to the key itself. */
  t(key: string, params?: Params): string;
  /** The plural form of a key for a count ({n} is the count, grouped): key.one / key.other. */
  n(key: string, count: number, params?: Params): string;
  /** Text as HTML: the words escaped, the params (already HTML: <kbd>, links) put in as they are. */
  html(key: string, params?: Record<string, string>): string;
  /** A key if this language has it, else the fallback (for labels of open-ended ids: causes, qualifiers). */
  maybe(key: string, fallback: string): string;
  has(key: string): boolean;
  /** A message or plain text, in this language. */
  text(x: Text | undefined): string;
  /** A number grouped the way this language writes it. */
  num(n: number): string;
}

type Tree = { [k: string]: string | Tree };
const DIR = new URL('./locales/', import.meta.url);

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (k.startsWith('//')) continue; // comments in the data files
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/** The flat key → text table of a language (exported for the tests that compare the files). */
export const tableOf = (lang: Lang): Map<string, string> => flatten(JSON.parse(readFileSync(new URL(`${lang}.json`, DIR), 'utf8')) as Tree);

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

function make(lang: Lang, own: Map<string, string>, fallback: Map<string, string>): I18n {
  const rules = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US');
  const grouped = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 });
  const raw = (key: string) => own.get(key) ?? fallback.get(key);
  const fill = (template: string, params: Params | undefined, show: (p: Param) => string) => (params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? show(params[name]!) : m)) : template);
  const i: I18n = {
    lang,
    htmlLang: lang === 'zh' ? 'zh-CN' : 'en',
    t: (key, params) => fill(raw(key) ?? key, params, show),
    n: (key, count, params) => {
      const form = raw(`${key}.${rules.select(count)}`) ?? raw(`${key}.other`) ?? key;
      return fill(form, { n: grouped.format(count), ...params }, show);
    },
    html: (key, params) => fill(esc(raw(key) ?? key), params, (p) => String(p)),
    maybe: (key, fb) => raw(key) ?? fb,
    has: (key) => raw(key) !== undefined,
    text: (x) => (x === undefined ? '' : typeof x === 'string' ? x : show(x)),
    num: (n) => grouped.format(n),
  };
  function show(p: Param): string {
    if (typeof p === 'function') return p(i);
    if (isMsg(p)) return p.count === undefined ? i.t(p.key, p.params) : i.n(p.key, p.count, p.params);
    return typeof p === 'number' ? grouped.format(p) : p;
  }
  return i;
}

const TABLES = new Map<Lang, I18n>();
/** The translator of a language, built once. */
export function i18nFor(lang: Lang): I18n {
  let i = TABLES.get(lang);
  if (!i) {
    const en = tableOf('en');
    TABLES.set(lang, (i = make(lang, lang === 'en' ? en : tableOf(lang), en)));
  }
  return i;
}

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/**
 * The language to answer in: the reader's choice (cookie), else the supported language the
 * browser ranks highest in Accept-Language (zh-CN, zh-TW and zh are all zh), else English.
 */
export function negotiate(cookie: string | undefined, accept: string | undefined): Lang {
  if (isLang(cookie)) return cookie;
  let best: Lang | undefined;
  let bestQ = 0;
  for (const part of (accept ?? '').split(',')) {
    const [tag = '', ...attrs] = part.trim().split(';');
    const q = Number(attrs.map((a) => a.trim()).find((a) => a.startsWith('q='))?.slice(2) ?? 1);
    const base = tag.trim().toLowerCase().split('-')[0];
    if (isLang(base) && q > bestQ) (best = base), (bestQ = q);
  }
  return best ?? DEFAULT_LANG;
}

/** The request's translator (set by the app's language middleware; English before it ran). */
export const i18nOf = (res: Response): I18n => (res.locals.i18n as I18n | undefined) ?? i18nFor(DEFAULT_LANG);
