#!/usr/bin/env bash
# Fills corpus/<target>/ with seeds from the repository's docs/ pages and the hostile fixture
# tree (copied at run time rather than committed, so they never go stale).
set -euo pipefail
cd "$(dirname "$0")"
pages=(../docs/*/*/*.md ../graph-docgen/tests/fixtures/hostile-docs/*/*/*.md)
mkdir -p corpus/parse_page corpus/json corpus/pipeline
for p in "${pages[@]}"; do
    name="seed-$(echo "$p" | tr '/.' '__')"
    cp "$p" "corpus/parse_page/$name"
    # JSON seeds: every fenced json/http block body of the page (lines after the first `{`).
    awk '/^```/{if(inb){inb=0; print "" > "/dev/stderr"} else inb=1; next} inb' "$p" 2>/dev/null \
        | sed -n '/^[[:space:]]*[{[]/,$p' > "corpus/json/$name" || true
done
# Pipeline seeds: pages joined by 0x01, the target's page separator.
i=0
for group in "../docs/v1.0/api/group-update.md" \
             "../graph-docgen/tests/fixtures/hostile-docs/v1.0/resources/hostilenames.md ../graph-docgen/tests/fixtures/hostile-docs/v1.0/api/hostilenames-update.md ../graph-docgen/tests/fixtures/hostile-docs/v1.0/resources/treenode.md" \
             "../graph-docgen/tests/fixtures/hostile-docs/beta/resources/hostilenames.md ../graph-docgen/tests/fixtures/hostile-docs/beta/api/hostilenames-get.md ../graph-docgen/tests/fixtures/hostile-docs/beta/resources/option.md ../graph-docgen/tests/fixtures/hostile-docs/beta/resources/broken.md"; do
    i=$((i + 1))
    out="corpus/pipeline/seed-$i"
    : > "$out"
    for p in $group; do cat "$p" >> "$out"; printf '\x01' >> "$out"; done
done
