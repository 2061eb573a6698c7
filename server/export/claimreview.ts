// schema.org ClaimReview (JSON-LD) for fact-check publishers and search engines: one per
// discrepancy a reviewer confirmed. The claim reviewed is what the disputed sources print;
// its appearances are their articles.
import type { ExportModel, FindingView, SourceView } from './model.js';
import { decisionWords, documentName, primaryWords, safeUrl } from './words.js';
import { prettyJsonChunks } from '../store/json-stream.js';

export interface Reviewer {
  name: string;
  url?: string;
}
export const DEFAULT_REVIEWER: Reviewer = { name: 'Crosscheck reviewer' };

// A 1–5 scale (5 = accurate). A confirmed discrepancy with a known correct figure (marked right,
// or a primary source some sources are wrong against) means the other figure is wrong; without
// one we only know the sources cannot all be right.
export const RATING_SCALE = { bestRating: 5, worstRating: 1 } as const;
const WRONG = { ratingValue: 1, alternateName: 'Incorrect figure' };
const CONFLICT = { ratingValue: 2, alternateName: 'Conflicting figures' };

const org = (name: string, url?: string) => ({ '@type': 'Organization', name, ...(safeUrl(url) ? { url: safeUrl(url) } : {}) });
const hostOf = (u: string | undefined) => (safeUrl(u) ? new URL(safeUrl(u)!).hostname : undefined);
const uniqueBy = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
const one = <T>(xs: T[]) => (xs.length === 1 ? xs[0] : xs);

function appearance(s: SourceView) {
  const a = s.article;
  const url = safeUrl(a.url);
  return {
    '@type': 'CreativeWork',
    // Without a URL the article is still named, by an id that is stable across exports.
    ...(url ? { url } : { '@id': `urn:crosscheck:article:${encodeURIComponent(a.id)}` }),
    headline: a.title,
    ...(a.date ? { datePublished: a.date } : {}),
    ...(a.publisher ? { publisher: org(a.publisher) } : {}),
    ...(a.language !== 'mixed' ? { inLanguage: a.language } : {}),
  };
}

/** Where a reader can see the finding: the review app's page for it, under a configurable base. */
export const DEFAULT_BASE_URL = 'http://localhost:3000/';
export const findingUrl = (base: string, id: string) => `${base.replace(/\/+$/, '')}/findings/${encodeURIComponent(id)}`;

// Decisions made in single-user mode, or by the evidence, have no person to name.
const isPerson = (by: string | undefined): by is string => !!by && by !== 'local' && by !== 'crosscheck';

/** The claim's own language: that of the articles making it, when they share one. */
function claimLanguage(sources: SourceView[]): string | undefined {
  const langs = new Set(sources.map((s) => s.article.language).filter((l) => l !== 'mixed'));
  return langs.size === 1 ? [...langs][0] : undefined;
}

function claimReview(v: FindingView, reviewer: Reviewer, base: string) {
  const r = v.review!;
  // The primary source decides who is wrong when it proves someone wrong; else the figure marked right does.
  const proven = v.primary?.wrong.length ? v.primary.wrong : undefined;
  const known = !!proven || v.sources.some((s) => s.role === 'correct');
  const disputed = proven ?? v.sources.filter((s) => s.role !== 'correct');
  const cited = v.primary && safeUrl(v.primary.source.url);
  const articles = uniqueBy(disputed, (s) => s.article.id);
  const dates = articles.map((s) => s.article.date).filter((d): d is string => Boolean(d)).sort();
  // The earliest dated article printing the disputed figure; undated ones only if none is dated.
  const first = [...articles].sort((a, b) => (a.article.date ?? '9999').localeCompare(b.article.date ?? '9999'))[0];
  const language = claimLanguage(disputed);
  const claimReviewed =
    disputed.length === 1 ? disputed[0]!.claim.sentence.trim() : `${v.fact}: ${disputed.map((s) => `“${s.quote}” (${s.name})`).join(' vs ')}`;
  // Who made the claim: the publisher, else the site. A title is no author, so none is invented.
  const authors = uniqueBy(
    articles.map((s) => s.article.publisher || hostOf(s.article.url)).filter((n): n is string => Boolean(n)).map((n) => org(n)),
    (o) => o.name,
  );
  return {
    '@type': 'ClaimReview',
    '@id': `urn:crosscheck:review:${encodeURIComponent(v.finding.id)}`,
    url: findingUrl(base, v.finding.id),
    datePublished: r.updatedAt,
    // The person who confirmed it, for the desk that publishes it; else the desk itself.
    author: isPerson(r.by) ? { '@type': 'Person', name: r.by } : org(reviewer.name, reviewer.url),
    ...(isPerson(r.by) ? { publisher: org(reviewer.name, reviewer.url) } : {}),
    claimReviewed,
    reviewBody: [decisionWords(v), v.primary ? `Primary source: ${documentName(v)} ${primaryWords(v)}` : '', v.finding.explanation, r.note ? `Note: ${r.note}` : ''].filter(Boolean).join(' '),
    reviewRating: { '@type': 'Rating', ...(known ? WRONG : CONFLICT), ...RATING_SCALE },
    // The document the verdict rests on.
    ...(cited ? { citation: { '@type': 'CreativeWork', url: cited, ...(v.primary!.source.title ? { name: v.primary!.source.title } : {}) } } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(authors.length ? { author: one(authors) } : {}),
      ...(dates[0] ? { datePublished: dates[0] } : {}),
      appearance: articles.map(appearance),
      ...(first ? { firstAppearance: appearance(first) } : {}),
      ...(language ? { inLanguage: language } : {}),
    },
    ...(language ? { inLanguage: language } : {}),
  };
}

/** The ClaimReviews' JSON-LD, pretty-printed as before, in pieces. */
export function* claimReviewChunks(m: ExportModel, reviewer: Reviewer = DEFAULT_REVIEWER, base = DEFAULT_BASE_URL): Generator<string> {
  const confirmed = m.findings.filter((v) => v.finding.verdict === 'discrepancy' && v.status === 'confirmed' && v.sources.length);
  yield* prettyJsonChunks({ '@context': 'https://schema.org', '@graph': confirmed.map((v) => claimReview(v, reviewer, base)) });
  yield '\n';
}
