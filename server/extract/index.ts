import type { Article, Claim } from '../types.js';
export function extractClaims(_article: Article): Claim[] {
  return [];
}
