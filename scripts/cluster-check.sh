#!/usr/bin/env bash
# Cluster check: a search evaluated on two workers (separate processes on loopback) writes the same pareto.csv and
# evaluations.csv as a local run (all columns but the wall-clock eval_time_s), also when one worker is killed with
# kill -9 mid-run; workers with another secret or another device library are refused and the search says so; a
# local search loads no Hazelcast class. Runs in about a minute on a quiet 2-core machine; cleans up after itself.
#
#   scripts/cluster-check.sh            (builds the jar through ./phodex when needed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T0=$SECONDS

./phodex --version >/dev/null # builds target/phodex.jar when missing or stale
JAR="$ROOT/target/phodex.jar"
WORK="$(mktemp -d -t phodex-cluster-check.XXXXXX)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "cluster-check: FAIL: $*" >&2
  for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f (last lines)" >&2; tail -n 6 "$f" | cut -c1-220 >&2; }; done
  exit 1
}

# Short failure detection for the test only (the defaults suit real networks): heartbeats every second, a member
# silent for 4 s is dead; Hazelcast's own log lines stay quiet.
HZ=(-Dhazelcast.heartbeat.interval.seconds=1 -Dhazelcast.max.no.heartbeat.seconds=4
    -Dhazelcast.client.heartbeat.interval=1000 -Dhazelcast.client.heartbeat.timeout=4000
    -Dhazelcast.wait.seconds.before.join=0 -Dphodex.cluster.connect.timeout.ms=15000)
EXTRA=() # more JVM options for the next run_java
run_java() { # HOME_DIR ARGS...: phodex with its files from HOME_DIR; call it in a subshell: it execs java
  local home="$1"
  shift
  exec java --add-modules jdk.incubator.vector -Djava.awt.headless=true -Xmx1g "-Dphodex.home=$home" "${HZ[@]}" \
    ${EXTRA[@]+"${EXTRA[@]}"} -jar "$JAR" "$@"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 12000)) # below the usual ephemeral range (32768-60999) of outgoing connections
    if ! port_in_use "$p" && ! port_in_use $((p + 1)) && ! port_in_use $((p + 2)) && ! port_in_use $((p + 3)); then
      echo "$p"
      return 0
    fi
  done
  fail "no free port found"
}
BASE=$(free_port)
P1=$BASE P2=$((BASE + 1)) P3=$((BASE + 2)) P4=$((BASE + 3))

start_worker() { # NAME HOME SECRET PORT [worker options...]
  local name="$1" home="$2" secret="$3" port="$4"
  shift 4
  (run_java "$home" worker --port "$port" --threads 1 --secret-file "$secret" "$@") >"$WORK/$name.log" 2>&1 &
  PIDS+=($!) # the java process itself (run_java execs it)
  eval "${name}_PID=$!"
}
wait_listening() { # NAME PID: until its log says it listens (60 s at most)
  for _ in $(seq 1 240); do
    grep -q 'worker: listening' "$WORK/$1.log" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || fail "worker $1 exited before listening"
    sleep 0.25
  done
  fail "worker $1 did not start listening within 60 s"
}

head -c 32 /dev/urandom | base64 >"$WORK/secret"
head -c 32 /dev/urandom | base64 >"$WORK/other-secret"
chmod 600 "$WORK/secret" "$WORK/other-secret"

# A second copy of the project's files whose device library differs in one number.
mkdir -p "$WORK/other-home"
cp -r "$ROOT/architectures" "$WORK/other-home/"
ln -s "$ROOT/workloads" "$WORK/other-home/workloads"
sed -i '0,/value: [0-9.]*/s//value: 0.4242/' "$WORK/other-home/architectures/devices/photonics.yaml"
cmp -s "$ROOT/architectures/devices/photonics.yaml" "$WORK/other-home/architectures/devices/photonics.yaml" \
  && fail "could not alter the copied device library"

SEARCH=(search -a mzi-clements -a mrr-bank -w digits-mlp --population 12 --generations 6 --seed 7 --threads 1
        --final-chips 3)

# The workers start while the local reference runs (they need a few seconds to come up).
start_worker w1 "$ROOT" "$WORK/secret" "$P1"
start_worker w2 "$ROOT" "$WORK/secret" "$P2" --join "127.0.0.1:$P1"
start_worker bad1 "$ROOT" "$WORK/other-secret" "$P3"
start_worker bad2 "$WORK/other-home" "$WORK/secret" "$P4" --join "127.0.0.1:$P3"

echo "cluster-check: local reference run (class loading logged) [$((SECONDS - T0)) s]"
EXTRA=("-Xlog:class+load=info:file=$WORK/local.classes")
(run_java "$ROOT" "${SEARCH[@]}" -o "$WORK/local") >"$WORK/local.log" 2>&1 || fail "the local search failed"
EXTRA=()
grep -q 'org\.phodex\.moo\.GeneticSearch' "$WORK/local.classes" || fail "class loading was not logged"
if grep -q 'com\.hazelcast' "$WORK/local.classes"; then fail "a local search loaded Hazelcast classes"; fi

# every column but eval_time_s (wall clock), which CsvLayout puts just before the last column, design_key
strip() {
  head -n 1 "$1" | grep -q ',eval_time_s,design_key$' || fail "$1: eval_time_s,design_key are not the last columns"
  sed -E 's/,[0-9.Ee+-]+,("[^"]*"|[^,"]*)$/,,\1/' "$1"
}
same_results() { # DIR: same pareto.csv and evaluations.csv as the local run
  for f in pareto.csv evaluations.csv $( [ -f "$WORK/local/rescored.csv" ] && echo rescored.csv); do
    [ -s "$1/$f" ] || fail "$1/$f is missing"
    diff <(strip "$WORK/local/$f") <(strip "$1/$f") >"$WORK/diff.txt" || { head -20 "$WORK/diff.txt" >&2; fail "$1/$f differs from the local run's"; }
  done
}
[ "$(wc -l <"$WORK/local/pareto.csv")" -ge 2 ] || fail "the local run's front is empty: the comparison would prove little"

wait_listening w1 "$w1_PID"
wait_listening w2 "$w2_PID"
echo "cluster-check: search on two workers [$((SECONDS - T0)) s]"
(run_java "$ROOT" "${SEARCH[@]}" -o "$WORK/cluster" --cluster "127.0.0.1:$P1,127.0.0.1:$P2" \
  --secret-file "$WORK/secret") >"$WORK/cluster.log" 2>&1 || fail "the cluster search failed"
same_results "$WORK/cluster"
grep -q '2 worker(s) accepted this search' "$WORK/cluster.log" || fail "the search did not use both workers"
grep -q 'workers 2' "$WORK/cluster.log" || fail "the progress line does not show the workers"
if grep -q 're-scor' "$WORK/local.log"; then # the end-of-run re-scoring, when the run has one, is on the workers too
  grep -q 'cluster (re-scoring): 2 worker(s) accepted' "$WORK/cluster.log" || fail "the re-scoring did not use the workers"
fi
for w in w1 w2; do grep -q 'worker: evaluated' "$WORK/$w.log" || fail "worker $w evaluated nothing"; done
echo "cluster-check: equal to the local run ($(grep -c 'worker: evaluated' "$WORK/w1.log") + $(grep -c 'worker: evaluated' "$WORK/w2.log") designs on the workers)"

echo "cluster-check: search on two workers, one killed with kill -9 mid-run [$((SECONDS - T0)) s]"
before=$(grep -c 'worker: evaluated' "$WORK/w2.log")
(run_java "$ROOT" "${SEARCH[@]}" -o "$WORK/killed" --cluster "127.0.0.1:$P1,127.0.0.1:$P2" \
  --secret-file "$WORK/secret") >"$WORK/killed.log" 2>&1 &
SEARCH_PID=$!
PIDS+=("$SEARCH_PID")
for _ in $(seq 1 400); do
  [ "$(grep -c 'worker: evaluated' "$WORK/w2.log")" -ge $((before + 1)) ] && break
  kill -0 "$SEARCH_PID" 2>/dev/null || break
  sleep 0.02
done
kill -0 "$SEARCH_PID" 2>/dev/null || fail "the search ended before the worker could be killed"
kill -9 "$w2_PID"
{ wait "$w2_PID"; } 2>/dev/null || true # reaped here, without the shell's "Killed" notice
echo "cluster-check: killed worker w2 after $(($(grep -c 'worker: evaluated' "$WORK/w2.log") - before)) of its evaluations"
wait "$SEARCH_PID" || fail "the search failed after a worker was killed"
same_results "$WORK/killed"
grep -q 'left the cluster or cannot be reached' "$WORK/killed.log" || fail "the search did not report the lost worker"
grep -q 'resubmitted to the remaining workers\|evaluated locally' "$WORK/killed.log" \
  || fail "the search did not say where the lost evaluations went"
echo "cluster-check: still equal to the local run; the search said: $(grep -m1 'left the cluster' "$WORK/killed.log")"

echo "cluster-check: workers with another secret / another device library [$((SECONDS - T0)) s]"
wait_listening bad1 "$bad1_PID"
wait_listening bad2 "$bad2_PID"
set +e
(run_java "$ROOT" "${SEARCH[@]}" -o "$WORK/refused" --cluster "127.0.0.1:$P3,127.0.0.1:$P4" \
  --secret-file "$WORK/secret") >"$WORK/refused.log" 2>&1
code=$?
set -e
[ "$code" = 2 ] || fail "a search whose workers all refuse should exit 2, got $code"
grep -q "signature does not verify" "$WORK/refused.log" || fail "the search did not say the secret differs"
grep -q "device library" "$WORK/refused.log" || fail "the search did not say the device library differs"
grep -q "refused task" "$WORK/bad1.log" || fail "the worker with another secret did not log its refusal"
grep -q "refused task" "$WORK/bad2.log" || fail "the worker with another device library did not log its refusal"
[ ! -e "$WORK/refused/pareto.csv" ] || fail "a refused search wrote results"
echo "cluster-check: refused, and the search said:"
grep 'refused this search' "$WORK/refused.log" | sed 's/^/  /' | head -4

echo "cluster-check: OK: equal results with two workers and after a kill -9, refusals reported, no Hazelcast in a" \
  "local search ($((SECONDS - T0)) s)"
