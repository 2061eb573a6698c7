// Evidence that aligned claims state one fact. Each source's claim earns trust per field from
// where the field came from: said with the figure beats set earlier in the paragraph, which beats
// the article's default, which beats the story's. A group is as strong as its weakest source.
// Agreement needs little evidence (two sources printing the same figure for a compatible fact is
// worth showing); a discrepancy is flagged only on strong evidence, because a false alarm costs
// a reviewer's time and trust.
import type { Alignment, Basis, Claim } from '../types.js';
import { metricById } from '../extract/model/lexicon.js';

const TRUST: Record<Basis, number> = { stated: 1, paragraph: 0.9, article: 0.75, 'story-year': 0.7, story: 0.4, none: 0 };
// An article that names no company is about the story's company: a subject from the story is
// nearly as good as the article's own. A whole period from the story is a guess.
const SUBJECT_TRUST: Record<Basis, number> = { ...TRUST, story: 0.7 };
const HOW: Record<Basis, string> = {
  stated: 'said with the figure',
  paragraph: 'set earlier in the paragraph',
  article: "the article's default",
  'story-year': "year from the story",
  story: "the story's default",
  none: 'not said',
};

/** Below this, a field is not placed by the article itself. */
const STRONG = 0.7;

export function alignmentOf(claims: Claim[]): Alignment {
  const stated: string[] = [];
  const inferred: string[] = [];
  let score = 1;
  const metricNamed = claims.every((c) => c.metric !== null);
  if (metricNamed) stated.push('metric');
  else inferred.push('metric: not named by every source (grouped only on an identical value)');
  // No source names a period: they report one event (a Games, an earthquake), which is its own period.
  const oneEvent = claims.every((c) => c.period === null);
  for (const field of ['subject', 'period'] as const) {
    const bases = claims.map((c) => (field === 'period' && oneEvent ? 'article' : c.basis?.[field] ?? 'stated'));
    const trust = field === 'subject' ? SUBJECT_TRUST : TRUST;
    const weakest = bases.reduce((a, b) => (trust[b] < trust[a] ? b : a));
    score = Math.min(score, trust[weakest]);
    if (bases.every((b) => b === 'stated')) stated.push(field);
    else inferred.push(`${field}: ${[...new Set(bases.filter((b) => b !== 'stated'))].map((b) => HOW[b]).join(', ')} for some source`);
  }
  if (!metricNamed) score = Math.min(score, 0.3);
  // The other side of a comparison (up from $3.2 billion, against expectations of $3.4 billion) may be
  // a year-ago figure or an estimate: two bases may agree, but we cannot tell they are one fact.
  if (claims.some((c) => c.aspects.includes('base'))) {
    score = Math.min(score, 0.5);
    inferred.push('aspects: a comparison base, which may be another period or an estimate');
  }
  // A share price moves by the day: a quarter or a year is no period for it.
  if (metricNamed && claims.every((c) => metricById.get(c.metric!)?.pointInTime) && !claims.every((c) => /^\d{4}-\d{2}-\d{2}/.test(c.period ?? '') && (c.basis?.period ?? 'stated') === 'stated')) {
    score = Math.min(score, 0.5);
    inferred.push('period: a price holds on one day, and not every source says which');
  }
  stated.push('measure', 'unit');
  return { strength: score >= STRONG ? 'strong' : 'weak', score: Math.round(score * 100) / 100, stated, inferred };
}

/** Plain words for the explanation: what matched, and what was inferred. */
export function alignmentWords(a: Alignment): string {
  const inf = a.inferred.length ? `; inferred: ${a.inferred.join('; ')}` : '';
  return `Alignment ${a.strength} (${a.score}): every source states ${a.stated.join(', ')}${inf}.`;
}
