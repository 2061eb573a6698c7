#!/usr/bin/env bash
# Scores our own fixture sets with the shared scorer. The held-out sets (test/fixtures/holdout*)
# were written for testing by teammates who did not tune the extractor; the paired sets
# (test/fixtures/pairs/*) were written the same way but have since been worked on, so they are
# dev sets, not held-out. Usage: bash scripts/holdout.sh [-v]
cd "$(dirname "$0")/.."
for dir in test/fixtures/holdout test/fixtures/holdout2 test/fixtures/holdout3 test/fixtures/pairs/pairA test/fixtures/pairs/pairB test/fixtures/pairs/pairC test/fixtures/pairs/pairD; do
  [ -d "$dir" ] || continue
  set=$(basename "$dir")
  npm run --silent crosscheck -- report --articles "$dir" --format json > "/tmp/$set.json" 2>/dev/null
  printf '%-9s' "$set"
  if [ "${1:-}" = -v ]; then node ../shared/eval/score.mjs --truth "$dir.truth.json" --report "/tmp/$set.json"; else node ../shared/eval/score.mjs --truth "$dir.truth.json" --report "/tmp/$set.json" --quiet; fi
done
