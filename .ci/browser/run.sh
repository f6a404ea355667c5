#!/usr/bin/env bash
# Browser tests of the built site: Debian's Chromium (never a downloaded
# browser) driven by playwright-core, axe-core for accessibility, node's own
# test runner. Run after the build:  bash .ci/browser/run.sh
# SITE_DIR: the built site (default ../../public from here, i.e. <repo>/public).
# Screenshots go to <repo>/.ci/out/screenshots/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"

export SITE_DIR="${SITE_DIR:-../../public}"
if [ ! -f "$SITE_DIR/zh-hans/index.html" ]; then
  echo "no built site in $SITE_DIR (run 'go run ./generator build' first)" >&2
  exit 1
fi

# Chromium and CJK fonts from Debian (CI runs as root). Without CJK fonts
# the screenshots show boxes instead of characters.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund

node --test --test-concurrency=1 --test-reporter=spec tests/*.test.js
