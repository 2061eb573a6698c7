// STUB — to be replaced by the export module (issue 4).
import type { Db } from '../types.js';
export type ExportFormat = 'csv' | 'md' | 'html' | 'json' | 'annotations' | 'claimreview';
export interface ExportFilters {
  status?: 'open' | 'confirmed' | 'dismissed' | 'all';
  verdict?: string;
  severity?: string;
  metric?: string;
  articleId?: string;
  q?: string;
}
export function renderExport(_db: Db, _format: ExportFormat, _filters: ExportFilters = {}): { body: string; contentType: string; filename: string } {
  throw new Error('export not built yet');
}
