#!/usr/bin/env bash
# Refactor-equivalence check: builds two commits in temporary worktrees (outside the repository) and compares
#   - `phodex evaluate --json` for every architecture of BASE on digits-mlp and mnist-mlp, and
#   - a small search's pareto.csv (fixed seed, small budget, all families of BASE, digits-mlp).
# HEAD may add fields (JSON keys, CSV columns) but every value BASE has must be identical (bit for bit, as text).
# Usage: scripts/refactor-equivalence.sh BASE [HEAD]     (HEAD defaults to HEAD; takes a few minutes on 2 cores)
# Exit 0: equivalent; 1: a difference (printed); 2: usage or build problem.
set -euo pipefail
BASE="${1:?usage: scripts/refactor-equivalence.sh BASE [HEAD]}"
HEAD="${2:-HEAD}"
REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/phodex-equivalence.XXXXXX")"
cleanup() {
  git -C "$REPO" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  git -C "$REPO" worktree remove --force "$WORK/head" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

checkout_and_build() { # name commit
  git -C "$REPO" worktree add --detach "$WORK/$1" "$2" >/dev/null 2>&1 || { echo "cannot check out $2" >&2; exit 2; }
  echo "building $1 ($(git -C "$WORK/$1" rev-parse --short HEAD))..." >&2
  (cd "$WORK/$1" && mvn -q -B -o -DskipTests package >"$WORK/$1.build.log" 2>&1) \
    || (cd "$WORK/$1" && mvn -q -B -DskipTests package >"$WORK/$1.build.log" 2>&1) \
    || { cat "$WORK/$1.build.log" >&2; echo "build of $2 failed" >&2; exit 2; }
}

checkout_and_build base "$BASE"
checkout_and_build head "$HEAD"
# the trained weights are deterministic; reuse this checkout's cache if there is one, and share BASE's with HEAD so
# HEAD does not train again (training is not what a refactor of the model changes)
if [ -d "$REPO/workloads/.trained" ]; then cp -r "$REPO/workloads/.trained" "$WORK/base/workloads/"; fi
ARCHS=$(cd "$WORK/base/architectures" && ls *.yaml | sed 's/\.yaml$//')

run_side() { # side
  local dir="$WORK/$1" out="$WORK/out-$1"
  mkdir -p "$out"
  for w in digits-mlp mnist-mlp; do
    for a in $ARCHS; do
      "$dir/phodex" evaluate -a "$a" -w "$w" --json >"$out/evaluate-$a-$w.json"
    done
  done
  local search_archs=()
  for a in $ARCHS; do search_archs+=(-a "$a"); done
  "$dir/phodex" search "${search_archs[@]}" -w digits-mlp --seed 7 --population 16 --generations 4 --threads 2 \
    -o "$out/search" >/dev/null
  cp "$out/search/pareto.csv" "$out/pareto.csv"
}

echo "running base..." >&2
run_side base
if [ -d "$WORK/base/workloads/.trained" ]; then
  mkdir -p "$WORK/head/workloads"; cp -r "$WORK/base/workloads/.trained" "$WORK/head/workloads/"
fi
echo "running head..." >&2
run_side head

python3 - "$WORK/out-base" "$WORK/out-head" <<'PY'
import csv, json, os, sys
base, head = sys.argv[1], sys.argv[2]
problems = []

def same(path, b, h):
    if isinstance(b, dict):
        if not isinstance(h, dict):
            problems.append(f"{path}: object became {type(h).__name__}"); return
        for k, v in b.items():
            if k not in h: problems.append(f"{path}.{k}: missing in head")
            else: same(f"{path}.{k}", v, h[k])
    elif isinstance(b, list):
        if not isinstance(h, list) or len(b) != len(h):
            problems.append(f"{path}: list differs in length or type"); return
        for i, (x, y) in enumerate(zip(b, h)): same(f"{path}[{i}]", x, y)
    elif b != h or type(b) != type(h):
        problems.append(f"{path}: base {b!r} head {h!r}")

files = sorted(f for f in os.listdir(base) if f.endswith(".json"))
for f in files:
    with open(os.path.join(base, f)) as fb, open(os.path.join(head, f)) as fh:
        same(f, json.load(fb), json.load(fh))

with open(os.path.join(base, "pareto.csv")) as fb, open(os.path.join(head, "pareto.csv")) as fh:
    rb, rh = list(csv.DictReader(fb)), list(csv.DictReader(fh))
if len(rb) != len(rh):
    problems.append(f"pareto.csv: {len(rb)} rows in base, {len(rh)} in head")
for i, (x, y) in enumerate(zip(rb, rh)):
    for k, v in x.items():
        if k.endswith("_time_s"):
            continue  # wall-clock time of the evaluation, not a result
        if y.get(k) != v: problems.append(f"pareto.csv row {i + 1} column {k}: base {v!r} head {y.get(k)!r}")

if problems:
    print(f"NOT equivalent: {len(problems)} difference(s)")
    for p in problems[:40]: print("  " + p)
    sys.exit(1)
print(f"equivalent: {len(files)} evaluate --json outputs and pareto.csv ({len(rb)} designs) agree on every base field")
PY
