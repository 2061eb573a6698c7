// How each collection of the Db maps to its table: the key column, and the columns copied
// out of the entity for indexes. Pure data, shared by the store, the diff and migrate.
import type { Db } from '../../types.js';

type Entity = Record<string, unknown>;
export type Collection = Exclude<keyof Db, 'version'>;

export interface Table {
  name: string;
  /** The key column, and the entity field it holds. */
  key: { column: string; field: string };
  /** Extra columns and how each is read from the entity (null when absent). */
  columns: Array<[column: string, read: (e: Entity) => unknown]>;
  /**
   * Entries the code replaces rather than edits in place (articles, claims, findings), so an
   * unchanged reference means an unchanged row and large collections are not re-serialised
   * per click. The store freezes them to make a slip loud instead of silently unsaved.
   */
  replacedWhole: boolean;
}

const field = (k: string) => (e: Entity) => e[k] ?? null;
const byArticle: Table['columns'] = [['article_id', field('articleId')]];

export const TABLES: Record<Collection, Table> = {
  articles: {
    name: 'articles',
    key: { column: 'id', field: 'id' },
    columns: [['path', field('path')], ['library', field('library')], ['hash', field('hash')], ['publisher', field('publisher')], ['date', field('date')]],
    replacedWhole: true,
  },
  claims: { name: 'claims', key: { column: 'id', field: 'id' }, columns: byArticle, replacedWhole: true },
  findings: {
    name: 'findings',
    key: { column: 'id', field: 'id' },
    columns: [['fact_key', field('key')], ['verdict', field('verdict')], ['severity', field('severity')]],
    replacedWhole: true,
  },
  reviews: {
    name: 'reviews',
    key: { column: 'finding_id', field: 'findingId' },
    columns: [['status', field('status')], ['updated_at', field('updatedAt')]],
    replacedWhole: false,
  },
  annotations: { name: 'annotations', key: { column: 'id', field: 'id' }, columns: byArticle, replacedWhole: false },
  manualClaims: { name: 'manual_claims', key: { column: 'id', field: 'id' }, columns: byArticle, replacedWhole: false },
  corrections: { name: 'corrections', key: { column: 'id', field: 'id' }, columns: byArticle, replacedWhole: false },
  reviewEvents: { name: 'review_events', key: { column: 'id', field: 'id' }, columns: [['finding_id', field('findingId')], ['at', field('at')]], replacedWhole: false },
  users: { name: 'users', key: { column: 'name', field: 'name' }, columns: [['role', field('role')]], replacedWhole: false },
  sessions: { name: 'sessions', key: { column: 'token_hash', field: 'tokenHash' }, columns: [['user_name', field('user')], ['expires_at', field('expiresAt')]], replacedWhole: false },
};

export const keyOf = (t: Table, e: unknown) => String((e as Entity)[t.key.field]);
