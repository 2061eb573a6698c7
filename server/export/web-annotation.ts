// W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): an AnnotationCollection
// whose first page embeds one Annotation per claim (highlighting), per reviewer note
// (commenting) and per review decision (assessing). Tools such as Hypothesis can re-anchor
// them with the TextQuoteSelector; the TextPositionSelector counts code points, as the spec says.
import type { Annotation, Article, Claim } from '../types.js';
import { factKeyOf } from '../align/index.js';
import { describeFact, formatValue } from '../compare/format.js';
import type { ExportModel, FindingView } from './model.js';
import { codePointOffsets, contextAround, wellFormed } from './offsets.js';
import { decisionWords, documentName, primaryWords, safeUrl } from './words.js';
import { prettyJsonChunks } from '../store/json-stream.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const iri = (kind: string, id: string) => `urn:crosscheck:${kind}:${encodeURIComponent(id)}`;
const text = (value: string, purpose: string, extra: Record<string, string> = {}) => ({ type: 'TextualBody', purpose, value, format: 'text/plain', ...extra });

type Selector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number };
interface Target {
  source: string;
  selector: Selector[];
}

/** Builds targets for one export, converting offsets with one index per article. */
function targeter(articles: Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const converters = new Map<string, (u: number) => number>();
  /** `at` is the UTF-16 span; without it (an orphaned note) only the quote is given. */
  return (articleId: string, exact: string, at?: { start: number; end: number }, stored?: { prefix: string; suffix: string }): Target => {
    const a = byId.get(articleId);
    const source = safeUrl(a?.url) ?? iri('article', articleId);
    // Offsets that no longer point at the quote would send a reader to the wrong text:
    // then only the quote (with its remembered context) is given.
    if (!a || !at || a.text.slice(at.start, at.end) !== exact)
      return { source, selector: [{ type: 'TextQuoteSelector', exact, prefix: wellFormed(stored?.prefix ?? ''), suffix: wellFormed(stored?.suffix ?? '') }] };
    let cp = converters.get(a.id);
    if (!cp) converters.set(a.id, (cp = codePointOffsets(a.text)));
    return {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact, ...contextAround(a.text, at.start, at.end) },
        { type: 'TextPositionSelector', start: cp(at.start), end: cp(at.end) },
      ],
    };
  };
}
type Targeter = ReturnType<typeof targeter>;

function claimAnnotation(c: Claim, target: Targeter, created?: string) {
  const data = { value: c.value, unit: c.unit, metric: c.metric, period: c.period, measure: c.measure, subject: c.subject, qualifier: c.qualifier, precision: c.precision };
  const body: object[] = [
    text(`${describeFact(factKeyOf(c))}: printed «${c.quote}», normalised ${formatValue(c.value, c.unit)}`, 'describing', { language: 'en' }),
    // The same facts as data, for tools that import them.
    { ...text(JSON.stringify(data), 'describing'), format: 'application/json' },
  ];
  if (c.metric) body.push(text(c.metric, 'tagging'));
  return {
    id: iri('claim', c.id),
    type: 'Annotation',
    motivation: 'highlighting',
    ...(created ? { created } : {}),
    body,
    target: target(c.articleId, c.quote, c),
  };
}

function noteAnnotation(n: Annotation, target: Targeter) {
  const body = [text(n.comment, 'commenting')];
  if (n.orphaned) body.push(text('The text this note was anchored to is no longer in the article.', 'describing', { language: 'en' }));
  const where = target(n.articleId, n.anchor.exact, n.orphaned ? undefined : n.anchor, n.anchor);
  return { id: iri('annotation', n.id), type: 'Annotation', motivation: 'commenting', created: n.createdAt, body, target: where };
}

function reviewAnnotation(v: FindingView, target: Targeter) {
  const r = v.review!;
  const body: object[] = [text(`${decisionWords(v)} Finding: ${v.fact}. ${v.finding.explanation}`, 'assessing', { language: 'en' })];
  // The primary source the decision rests on: in words, and as a link tools can follow.
  if (v.primary) {
    body.push(text(`Primary source: ${documentName(v)} ${primaryWords(v)}`, 'assessing', { language: 'en' }));
    const url = safeUrl(v.primary.source.url);
    if (url) body.push({ type: 'SpecificResource', purpose: 'linking', source: url });
  }
  if (r.note) body.push(text(r.note, 'commenting'));
  return {
    id: iri('review', v.finding.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: r.updatedAt,
    body,
    // The decision is about every quote the finding compares.
    target: v.sources.map((s) => target(s.claim.articleId, s.claim.quote, s.claim)),
  };
}

/** The AnnotationCollection's JSON-LD, pretty-printed as before, in pieces. */
export function* webAnnotationChunks(m: ExportModel): Generator<string> {
  const target = targeter(m.articles);
  const ingested = new Map(m.articles.map((a) => [a.id, a.ingestedAt]));
  const items = [
    ...m.claims.map((c) => claimAnnotation(c, target, ingested.get(c.articleId))),
    ...m.annotations.map((n) => noteAnnotation(n, target)),
    // An open review is no decision yet.
    ...m.findings.filter((v) => v.review && v.status !== 'open' && v.sources.length).map((v) => reviewAnnotation(v, target)),
  ];
  const id = `urn:crosscheck:annotations:${m.generatedAt}`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Crosscheck: numeric claims, reviewer notes and review decisions',
    total: items.length,
    // A page must hold at least one annotation, so an empty collection has none.
    ...(items.length ? { first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items }, last: `${id}:page:1` } : {}),
  };
  yield* prettyJsonChunks(collection);
  yield '\n';
}
