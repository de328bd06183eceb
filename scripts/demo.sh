#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, index corpus/ into
# gazette.db (made anew), and run the example query.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
rm -rf gazette.db
build/bin/gazette-index --db gazette.db corpus/seed corpus/samples
build/bin/gazette-search --db gazette.db --limit 5 "${@:-Ukraine negotiations Witkoff}"
