// The primary-source form: a document's address and the figure as printed there, read into a
// PrimarySource normalised like a claim (126.14 with scale 亿 → 12,614,000,000, step 1e6), and
// the finding's sources as they stand against it, for the card.
import type { Request } from 'express';
import type { Claim, Finding, PrimarySource, Review } from '../../types.js';
import { againstSource, comparableUnits, type AgainstSource, type Standing } from '../../review/primary-source.js';
import { HttpError } from '../errors.js';
import { field } from '../form.js';
import { msg } from '../i18n.js';
import { SCALES, scaleOf } from './choices.js';
import { scaledValue } from './manual-claim.js';
import type { Index } from './index.js';
import type { Source } from './sources.js';

/** How a scale is written after a figure, the same in every language (亿 and 万 are what filings print). */
const SCALE_WORDS: Record<number, string> = { 1: '', 1e3: ' thousand', 1e4: '万', 1e6: ' million', 1e8: '亿', 1e9: ' billion', 1e12: ' trillion' };

/** Reads the form; refuses, in the reader's language, what cannot be judged against the finding's figures. */
export function primarySourceFrom(req: Request, claims: Claim[], by: string, at: string): PrimarySource {
  const url = field(req, 'sourceUrl', 2000, 'sourceUrl').trim();
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(url)) throw new HttpError(400, msg('err.sourceUrl'));
  const title = field(req, 'sourceTitle', 300, 'sourceTitle').trim();
  const typed = field(req, 'sourceValue', 40, 'sourceValue');
  const scale = Number(field(req, 'sourceScale', 20) || 1);
  if (!SCALES.includes(scale)) throw new HttpError(400, msg('err.scale'));
  const unit = field(req, 'sourceUnit', 16, 'unit').trim();
  const units = comparableUnits(claims);
  if (!units.has(unit)) throw new HttpError(400, msg('err.sourceUnit', { units: [...units].join(', ') }));
  const { value, precision } = scaledValue(typed, scale);
  const printed = field(req, 'sourcePrinted', 100, 'sourcePrinted').trim() || `${typed.trim()}${SCALE_WORDS[scale]}${unit === '%' || unit === '‰' ? unit : unit === 'count' ? '' : ` ${unit}`}`;
  return {
    url,
    ...(title ? { title } : {}),
    printed,
    value,
    unit,
    precision,
    by,
    at,
  };
}

export interface SourceView {
  against: AgainstSource;
  /** Per article, the worst standing of its figures, and the figure that has it. */
  byArticle: Map<string, { standing: Standing; unitDiffers: boolean; quote: string }>;
  wrong: Array<{ source: Source; quote: string }>;
  right: Array<{ source: Source; quote: string }>;
}

const RANK: Record<Standing, number> = { exact: 0, rounding: 1, truncation: 2, wrong: 3 };

/** The card's view of the primary source: who is wrong against it, who agrees. */
export function sourceView(ix: Index, f: Finding, review: Review | undefined, sources: Source[]): SourceView | undefined {
  const against = againstSource(f, review, ix.claimById);
  if (!against) return undefined;
  const byArticle: SourceView['byArticle'] = new Map();
  for (const s of against.claims) {
    const seen = byArticle.get(s.articleId);
    if (!seen || RANK[s.standing] > RANK[seen.standing]) byArticle.set(s.articleId, { standing: s.standing, unitDiffers: !!s.unitDiffers, quote: ix.claimById.get(s.claimId)?.quote ?? '' });
  }
  const pick = (ids: string[]) => ids.flatMap((id) => {
    const source = sources.find((x) => x.articleId === id);
    return source ? [{ source, quote: byArticle.get(id)!.quote }] : [];
  });
  return { against, byArticle, wrong: pick(against.wrongArticleIds), right: pick(against.rightArticleIds) };
}

/** What the form starts from: the units the finding's figures allow, and the scale and unit its first figure is printed in. */
export function sourceFormDefaults(sources: Source[]): { units: string[]; unit: string; scale: number; placeholder: string } {
  const main = sources[0]?.main;
  const units = [...comparableUnits(sources.map((s) => s.main))];
  if (!main) return { units, unit: units[0] ?? '', scale: 1, placeholder: '' };
  return { units, unit: main.unit, ...scaleOf(main) };
}
