// The ejs engine and the small helpers templates use. All article data goes through
// <%= %>, whose escape also writes "\r" as &#13; so the HTML parser keeps it (see highlight.ts).
import ejs from 'ejs';
import type { Express } from 'express';
import type { Article, Claim, DismissReason, FactKey, PrimarySource, ReviewEvent, ReviewState } from '../types.js';
import { formatValue, metricName } from '../compare/format.js';
import { entityById, metricById } from '../extract/model/lexicon.js';
import { i18nFor, type I18n } from './i18n.js';
import { scaleOf } from './model/choices.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '\r': '&#13;' };
export const escapeHtml = (v: unknown): string => (v === undefined || v === null ? '' : String(v).replace(/[&<>"'\r]/g, (c) => HTML[c]!));

export function useEjs(app: Express, viewsDir: string, cache: boolean) {
  app.engine('ejs', (file, data, cb) => {
    ejs.renderFile(file, data as ejs.Data, { escape: escapeHtml, cache, views: [viewsDir], strict: false }, (err, html) => cb(err, html));
  });
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
}

/** The dismiss reasons, in the order the forms list them; their labels are in the locale files (reason.*). */
export const REASON_KEYS: DismissReason[] = ['rounding', 'different-metric', 'different-period', 'different-subject', 'extraction-error', 'restated-figure', 'other'];

/** The publisher, else the start of the title; '' when neither is known (shown as "(no publisher)" in the reader's language). */
export function publisherName(a?: Pick<Article, 'publisher' | 'title'>): string {
  const p = a?.publisher?.trim();
  if (p) return p;
  const t = a?.title?.trim() ?? '';
  return t ? (t.length > 28 ? t.slice(0, 27) + '…' : t) : '';
}

const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** A value as Chinese readers write it: 126.14亿 CNY, 9936万 CNY, -0.37%, 0.4个百分点. */
export function formatValueZh(value: number, unit: string): string {
  if (unit === '%' || unit === '‰') return `${trim(value.toFixed(4))}${unit}`;
  if (unit === 'pp') return `${trim(value.toFixed(4))}个百分点`;
  const a = Math.abs(value);
  const [div, word] = a >= 1e12 ? [1e12, '万亿'] : a >= 1e8 ? [1e8, '亿'] : a >= 1e4 ? [1e4, '万'] : [1, ''];
  const num = div === 1 ? new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(value) : trim((value / div).toFixed(6));
  return `${num}${word}${unit === 'count' ? '' : ` ${unit}`}`;
}

/** A metric's name in the reader's language: zh from the lexicon's Chinese names (metric.* in zh.json where the first is a long formal name), en the id in words. */
function metricLabel(i: I18n, id: string | null): string {
  if (!id) return i.t('common.noMetric');
  if (i.lang === 'zh') return i.maybe(`metric.${id}`, metricById.get(id)?.zh[0] ?? id.replace(/_/g, ' '));
  return id.replace(/_/g, ' ');
}

/** A subject's display name: the lexicon's name in the reader's language, else the other one, else the name as printed. */
function subjectLabel(i: I18n, id: string): string {
  const e = entityById.get(id);
  if (e) return (i.lang === 'zh' ? (e.zh[0] ?? e.en[0]) : (e.en[0] ?? e.zh[0])) ?? id;
  return id === 'main' ? i.t('common.articleSubject') : id;
}

export type Helpers = ReturnType<typeof makeHelpers>;

/** Helpers available in every template as `h`, in the reader's language. */
function makeHelpers(i: I18n) {
  const value = (c: Pick<Claim, 'value' | 'unit' | 'countOf'>) => (i.lang === 'zh' ? formatValueZh(c.value, c.unit) : formatValue(c.value, c.unit)) + (c.unit === 'count' && c.countOf ? ` ${c.countOf}` : '');
  const stateWords = (s: Partial<ReviewState> | undefined): string => {
    if (!s?.status) return i.t('status.open');
    return s.status === 'dismissed' && s.reason ? i.t('status.dismissedWhy', { reason: i.t(`reason.${s.reason}`) }) : i.t(`status.${s.status}`);
  };
  const sourceFigure = (p: PrimarySource) => `${p.printed}`;
  return {
    i18n: i,
    /** For text put into HTML a translation carries as a parameter (th). */
    esc: escapeHtml,
    value,
    scaleOf,
    /** "iFlytek · revenue · 2023-Q1..Q3 · year-on-year change", in the reader's language. */
    fact: (f: FactKey) => {
      const parts = [subjectLabel(i, f.subject), f.metric ? metricLabel(i, f.metric) : i.t('common.unnamedMetric'), f.period ?? i.t('common.periodNotStated')];
      if (f.measure !== 'level') parts.push(i.t(`factMeasure.${f.measure}`));
      if (f.aspects.length) parts.push(f.aspects.join(', '));
      return parts.join(' · ');
    },
    subject: (id: string) => subjectLabel(i, id),
    metric: (id: string | null) => metricLabel(i, id),
    /** What a metric means: the lexicon's words in English; in Chinese, the id the data uses. */
    metricMeans: (id: string | null) => (i.lang === 'zh' ? (id ?? i.t('common.unnamedFigure')) : metricName(id)),
    measure: (m: string) => i.maybe(`measure.${m}`, m),
    /** Publisher, or the start of the title when none is known (as the comparison's explanations do). */
    publisher: (a?: Pick<Article, 'publisher' | 'title'>) => publisherName(a) || i.t('common.noPublisher'),
    /** Only http(s) links are rendered: a javascript: URL in front matter must never become a link. */
    safeUrl: (u?: string) => (u && /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : undefined),
    reasons: Object.fromEntries(REASON_KEYS.map((k) => [k, i.t(`reason.${k}`)])) as Record<DismissReason, string>,
    stateWords,
    /** What an event changed, in words, for the history list. */
    eventWords: (e: ReviewEvent): string => {
      const parts: string[] = [];
      if (e.from.status !== e.to.status || e.from.reason !== e.to.reason) parts.push(i.t('event.changed', { from: stateWords(e.from), to: stateWords(e.to) }));
      if (e.from.note !== e.to.note) parts.push(i.t(e.to.note ? 'event.noteChanged' : 'event.noteRemoved'));
      if (e.from.correctClaimId !== e.to.correctClaimId) parts.push(i.t(e.to.correctClaimId ? 'event.rightMarked' : 'event.rightUnmarked'));
      if (e.from.referenceArticleId !== e.to.referenceArticleId) parts.push(i.t(e.to.referenceArticleId ? 'event.refMarked' : 'event.refUnmarked'));
      if (JSON.stringify(e.from.primarySource) !== JSON.stringify(e.to.primarySource))
        parts.push(e.to.primarySource ? i.t(e.from.primarySource ? 'event.sourceChanged' : 'event.sourceRecorded', { figure: sourceFigure(e.to.primarySource) }) : i.t('event.sourceRemoved'));
      return parts.join('; ') || i.t('event.none');
    },
    action: (a: string) => i.maybe(`action.${a}`, a),
    verdict: (v: string) => i.maybe(`verdict.${v}`, v),
    severity: (s: string) => i.maybe(`severity.${s}`, s),
    status: (s: string) => i.maybe(`status.${s}`, s),
    cause: (c: string) => i.maybe(`cause.${c}`, c),
    stateLabel: (s: string) => i.maybe(`state.${s}`, s),
    num: (n: number) => i.num(n),
    pct: (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '—'),
    when: (iso?: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : ''),
    /** A URL with query params replaced; empty values are dropped to keep links short. */
    link: (path: string, params: Record<string, unknown>, over: Record<string, unknown> = {}) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...params, ...over })) if (v !== undefined && v !== '' && v !== null) q.set(k, String(v));
      const s = q.toString();
      return s ? `${path}?${s}` : path;
    },
  };
}

const HELPERS = new Map<I18n, Helpers>();
export function helpersFor(i: I18n): Helpers {
  let h = HELPERS.get(i);
  if (!h) HELPERS.set(i, (h = makeHelpers(i)));
  return h;
}

/** English helpers, for code that runs outside a request. */
export const helpers = helpersFor(i18nFor('en'));
