// The JSON export is the CLI's `report`, with each finding's review attached (its primary source
// included) and, for a finding with a primary source, how each of its figures stands against it.
// Filters only narrow the findings, so an unfiltered export is buildReport(db) plus that.
import type { Db } from '../types.js';
import { buildReport } from '../check/index.js';
import type { ExportModel, FindingView } from './model.js';
import { prettyJsonChunks } from '../store/json-stream.js';

/** Which articles the primary source proves wrong, and every figure's standing against it. */
function againstPrimarySource(v: FindingView | undefined) {
  if (!v?.primary) return undefined;
  return {
    wrongArticleIds: v.primary.wrong.map((s) => s.article.id),
    rightArticleIds: v.primary.right.map((s) => s.article.id),
    claims: v.sources.map((s) => ({ claimId: s.claim.id, articleId: s.article.id, standing: s.against!, ...(s.againstUnitDiffers ? { unitDiffers: true } : {}) })),
  };
}

/** The report's JSON, pretty-printed as JSON.stringify(…, null, 2) prints it, in pieces. */
export function* jsonExportChunks(db: Db, m: ExportModel): Generator<string> {
  const report = buildReport(db);
  const views = new Map(m.findings.map((v) => [v.finding.id, v]));
  const kept = m.filterWords.length ? report.findings.filter((f) => views.has(f.id)) : report.findings;
  const findings = kept.map((f) => {
    const against = againstPrimarySource(views.get(f.id));
    return against ? { ...f, againstPrimarySource: against } : f;
  });
  yield* prettyJsonChunks({ ...report, generatedAt: m.generatedAt, findings, ...(m.filterWords.length ? { filters: m.filterWords } : {}) });
  yield '\n';
}
