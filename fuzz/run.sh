#!/usr/bin/env bash
# Runs every fuzz target one after another for $1 seconds each (default 600) on stable Rust,
# logging to logs/<target>.log. `--sanitizer none`: graph-docgen has no unsafe code, and
# without ASan the shared machine gets several times more executions per second; `-a` keeps
# debug assertions (integer overflow checks) on, since an overflow panic is a crash we want.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
./seed.sh
mkdir -p logs
export RUSTC_BOOTSTRAP=1
cargo fuzz build --sanitizer none -a
for t in parse_page json pipeline; do
    cargo fuzz run --sanitizer none -a "$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -max_len=65536 \
        > "logs/$t.log" 2>&1 || echo "$t: CRASH (see logs/$t.log and artifacts/$t/)"
    tail -n 3 "logs/$t.log"
done
