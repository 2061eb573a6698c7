#!/usr/bin/env bash
# Scores the report on the shared evaluation sets (../shared/eval). Usage: npm run eval [-- -v]
set -u
cd "$(dirname "$0")/.."
shared=../shared
tmp=$(mktemp -d)
for name in seeds dev; do
  if [ "$name" = seeds ]; then dir=$shared/seeds; else dir=$shared/eval/articles; fi
  npm run --silent crosscheck -- report --articles "$dir" --format json >"$tmp/$name.json" 2>"$tmp/$name.err" || { echo "$name: report failed"; cat "$tmp/$name.err"; }
  printf '%-6s' "$name"
  if [ "${1:-}" = -v ]; then node $shared/eval/score.mjs --truth $shared/eval/$name.truth.json --report "$tmp/$name.json"; else node $shared/eval/score.mjs --truth $shared/eval/$name.truth.json --report "$tmp/$name.json" --quiet; fi
done
rm -rf "$tmp"
