// A discrepancy with one outlier among three or more sources is two findings: the sources that
// agree (an agreement, keeping the fact's id), and the outlier against the figure they agree on
// (the discrepancy). The reviewer judges one disagreement at a time, and the agreement is not
// buried under a flag it does not deserve.
import type { Article, Finding } from '../types.js';
import type { Group } from '../align/index.js';
import { compareGroup, findingIdFor } from './index.js';
import { formatValue } from './format.js';

type Names = Map<string, Pick<Article, 'title' | 'publisher'>>;

export function splitOnOutlier(group: Group, finding: Finding, articles: Names): Finding[] {
  const odd = finding.outlierArticleIds?.length === 1 ? finding.outlierArticleIds[0]! : undefined;
  if (finding.verdict !== 'discrepancy' || !odd) return [finding];
  const rest = group.claims.filter((c) => c.articleId !== odd);
  const agreed = compareGroup({ ...group, claims: rest }, articles);
  if (agreed.verdict === 'discrepancy') return [finding];
  // The figure the others agree on: their most precise one.
  const reference = [...rest].sort((a, b) => a.precision - b.precision)[0]!;
  const key = `${group.key}|outlier:${odd}`;
  const pair = compareGroup({ ...group, key, claims: [...group.claims.filter((c) => c.articleId === odd), reference] }, articles);
  const others = new Set(rest.map((c) => c.articleId)).size;
  const name = articles.get(odd)?.publisher || articles.get(odd)?.title || odd;
  pair.id = findingIdFor(key);
  pair.outlierArticleIds = [odd];
  pair.explanation += ` ${name} is the outlier: the ${others} other sources agree with each other on ${formatValue(reference.value, reference.unit)} (finding ${agreed.id}).`;
  return [agreed, pair];
}
