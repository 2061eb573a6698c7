// The JSON export is the CLI's `report`, with each finding's review attached. Filters only
// narrow the findings, so an unfiltered export is exactly buildReport(db).
import type { Db } from '../types.js';
import { buildReport } from '../check/index.js';
import type { ExportModel } from './model.js';

export function renderJson(db: Db, m: ExportModel): string {
  const report = buildReport(db);
  const keep = new Set(m.findings.map((v) => v.finding.id));
  const findings = m.filterWords.length ? report.findings.filter((f) => keep.has(f.id)) : report.findings;
  return JSON.stringify({ ...report, generatedAt: m.generatedAt, findings, ...(m.filterWords.length ? { filters: m.filterWords } : {}) }, null, 2) + '\n';
}
