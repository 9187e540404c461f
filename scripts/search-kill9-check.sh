#!/usr/bin/env bash
# Hand check: a search killed with kill -9 and resumed ends with the same pareto.csv and evaluations.csv
# (eval_time_s aside, which is wall time) as an uninterrupted run with the same seed.
# Usage: scripts/search-kill9-check.sh   (from the repository root, after 'mvn -q -o test-compile')
set -euo pipefail
CP="target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cat > "$W/synth-a.yaml" <<'YAML'
version: 1
name: synth-a
family: mzi-clements
parameters:
  layout: clements
  mesh_size: 16
  cores: 1
  wavelengths: 1
  dac_bits: 8
  adc_bits: 8
  weight_bits: 8
  modulation_ghz: 10
  phase_shifter: thermo_optic
  laser_margin_db: 0
  phase_error_rad: 0.01
  coupler_error: 0.01
search_space:
  mesh_size: {min: 4, max: 64, step: 4}
  adc_bits: {min: 2, max: 10}
  phase_shifter: {choices: [thermo_optic, mems]}
  laser_margin_db: {min: -5, max: 5}
YAML
ARGS=(search -a "$W/synth-a.yaml" -w synthetic --population 20 --generations 12 --seed 7 --threads 2)
phodex() { java -cp "$CP" org.phodex.search.SyntheticMain "$@"; }

PHODEX_SYNTH_SLEEP_MS=0 phodex "${ARGS[@]}" -o "$W/straight" > /dev/null 2>&1

PHODEX_SYNTH_SLEEP_MS=40 java -cp "$CP" org.phodex.search.SyntheticMain "${ARGS[@]}" -o "$W/killed" \
    > /dev/null 2> "$W/killed.log" &
PID=$!
# wait until a few generations are checkpointed, then kill -9 in the middle of a generation
until [ -f "$W/killed/indicators.csv" ] && [ "$(wc -l < "$W/killed/indicators.csv")" -ge 5 ]; do sleep 0.2; done
sleep 0.3
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
echo "killed after $(($(wc -l < "$W/killed/indicators.csv") - 1)) generations," \
     "$(($(wc -l < "$W/killed/evaluations.csv") - 1)) rows in evaluations.csv"

PHODEX_SYNTH_SLEEP_MS=0 phodex resume "$W/killed" > /dev/null 2>&1

strip() {  # drop the eval_time_s column (wall time)
  python3 -c 'import csv,sys
r=list(csv.reader(open(sys.argv[1]))); i=r[0].index("eval_time_s")
w=csv.writer(sys.stdout, lineterminator="\n")
[w.writerow(x[:i]+x[i+1:]) for x in r]' "$1"
}
ok=0
for f in pareto.csv evaluations.csv; do
  if diff <(strip "$W/straight/$f") <(strip "$W/killed/$f") > /dev/null; then
    echo "$f: identical ($(($(wc -l < "$W/straight/$f") - 1)) rows)"
  else
    echo "$f: DIFFERENT"; ok=1
  fi
done
exit $ok
