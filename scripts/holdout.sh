#!/usr/bin/env bash
# Scores our own held-out fixtures (test/fixtures/holdout): articles written for testing, never tuned on.
cd "$(dirname "$0")/.."
npm run --silent crosscheck -- report --articles test/fixtures/holdout --format json > /tmp/holdout.json 2>/dev/null
node ../shared/eval/score.mjs --truth test/fixtures/holdout.truth.json --report /tmp/holdout.json ${1:---quiet}
