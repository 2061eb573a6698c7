// A figure said again later without its metric ("The fall of 2.08 million means …") is the fact
// it restates: it takes the metric and period it had where it was first said with them. A
// percentage in the same sentence that measures the same change ("… a drop of 0.14%") belongs
// to that metric too, as "fell 2.08 million, or 0.14%" would.
//
// Trade-off: only figures distinctive enough to be a restatement (3 significant digits, or a
// thousand and more) are matched, so a second "5%" never borrows the first "5%"'s metric.
import type { Claim } from '../types.js';
import { yoyByDefault } from './compute/4-measures.js';

const significantDigits = (v: number) => String(Math.abs(v)).replace(/^0\.0*|\./g, '').replace(/0+$/, '').length;
const distinctive = (c: Claim) => Math.abs(c.value) >= 1000 || significantDigits(c.value) >= 3;
const sameAspects = (a: Claim, b: Claim) => a.aspects.join() === b.aspects.join();

export function borrowRestated(claims: Claim[]): void {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (c.metric || !distinctive(c)) continue;
    const first = claims
      .slice(0, i)
      .find((p) => p.metric && p.value === c.value && p.unit === c.unit && p.measure === c.measure && p.subject === c.subject && p.sentenceStart !== c.sentenceStart && sameAspects(p, c));
    if (!first) continue;
    take(c, first, `the same figure as "${first.quote}" earlier, which is ${first.metric}`);
    // Its percentage in the same sentence: the same change, measured as a share.
    if (c.measure === 'level') continue;
    for (const s of claims) {
      if (s === c || s.sentenceStart !== c.sentenceStart || s.metric || s.measure !== c.measure || s.unit !== '%' || Math.sign(s.value) !== Math.sign(c.value)) continue;
      take(s, first, `the same change as "${c.quote}" in its sentence, which is ${first.metric}`);
    }
  }
}

function take(c: Claim, from: Claim, why: string): void {
  c.metric = from.metric;
  c.why = { ...c.why, metric: why };
  if (!c.period && from.period) {
    c.period = from.period;
    c.why.period = `from "${from.quote}", the figure it restates`;
    if (c.basis && from.basis) c.basis = { ...c.basis, period: from.basis.period };
  }
}

/**
 * A headline's "sees a 14.4% increase in revenue" names no base; its body says "compared to the
 * third quarter, … a 14.4% increase in revenue". The headline figure is the body's, measured as
 * the body measures it.
 */
export function headlineMeasures(claims: Claim[]): void {
  const first = claims[0]?.sentenceStart;
  for (const c of claims) {
    if (c.sentenceStart !== first || c.measure !== 'yoy' || !yoyByDefault(c.why.measure)) continue;
    const body = claims.find((b) => b.sentenceStart !== first && b.value === c.value && b.unit === c.unit && b.metric === c.metric && b.measure !== 'level' && !yoyByDefault(b.why.measure));
    if (!body) continue;
    c.measure = body.measure;
    c.why = { ...c.why, measure: `the body gives the same figure as «${body.quote}», measured ${body.measure === 'qoq' ? 'against the period before' : 'against a year earlier'}` };
  }
}
