// Binary search over a sorted array: the index of the first item that is not "before" the
// point looked for. One piece for every sorted lookup (clauses, matches, intervals).
export function lowerBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
