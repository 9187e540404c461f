#!/usr/bin/env bash
# Hand check of crash safety on the real model: a search killed with kill -9 in the middle of a run and then
# resumed must end with the same pareto.csv and evaluations.csv as an uninterrupted run with the same seed
# (compared without eval_time_s, which is wall time).
# Usage: scripts/search-kill9-check.sh      (from anywhere; builds the jar first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
ARGS=(-a mzi-clements -a mrr-bank -w digits-mlp --population 24 --generations 12 --seed 11)

./phodex search "${ARGS[@]}" -o "$W/straight" > "$W/straight.log" 2>&1

./phodex search "${ARGS[@]}" -o "$W/killed" > "$W/killed.log" 2>&1 &
pid=$!   # the launcher execs the JVM, so this is the JVM's PID
gens() { if [ -f "$W/killed/indicators.csv" ]; then echo $(( $(wc -l < "$W/killed/indicators.csv") - 1 )); else echo 0; fi; }
while [ "$(gens)" -lt 4 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
kill -9 "$pid" 2>/dev/null || { echo "the run finished before it could be killed; rerun"; exit 1; }
wait "$pid" 2>/dev/null || true
echo "killed PID $pid with kill -9 after $(gens) checkpointed generations"
./phodex resume "$W/killed" > "$W/resume.log" 2>&1

# drop the wall-time column, then compare byte for byte
strip() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "eval_time_s") c = i }
                   { out = ""; for (i = 1; i <= NF; i++) if (i != c) out = out (out == "" ? "" : ",") $i; print out }' "$1"; }
status=0
for f in pareto.csv evaluations.csv; do
  if diff <(strip "$W/straight/$f") <(strip "$W/killed/$f") > /dev/null; then
    echo "$f: identical ($(( $(wc -l < "$W/straight/$f") - 1 )) rows)"
  else
    echo "$f: DIFFERENT"; status=1
  fi
done
exit $status
