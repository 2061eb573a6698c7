#!/usr/bin/env bash
# Scores our own held-out fixtures (test/fixtures/holdout*): articles written for testing by
# teammates who did not tune the extractor. Usage: bash scripts/holdout.sh [-v]
cd "$(dirname "$0")/.."
for set in holdout holdout2 holdout3; do
  [ -d "test/fixtures/$set" ] || continue
  npm run --silent crosscheck -- report --articles "test/fixtures/$set" --format json > "/tmp/$set.json" 2>/dev/null
  printf '%-9s' "$set"
  if [ "${1:-}" = -v ]; then node ../shared/eval/score.mjs --truth "test/fixtures/$set.truth.json" --report "/tmp/$set.json"; else node ../shared/eval/score.mjs --truth "test/fixtures/$set.truth.json" --report "/tmp/$set.json" --quiet; fi
done
