#!/usr/bin/env bash
# Issue 16: a sweep on a real Spark standalone cluster survives a worker killed mid-sweep.
#
# Starts a Spark master and two workers (1 core each) as separate JVMs on 127.0.0.1, from Spark's
# jars as Maven resolves them (spark/cluster/pom.xml; no Spark distribution, no download outside
# Maven), submits a sweep with ./fedwan sweep --engine spark --master spark://..., kills the second
# worker with SIGKILL once the driver has written some runs and while that worker's executor runs
# a task, waits for the sweep to finish, runs the same study on the local engine and compares
# sweep.csv and every run's files byte for byte (manifest.json without its two wall-clock lines).
# Prints PASS or FAIL; stops every process it started.
# Usage: spark/cluster-test.sh [STUDY]   (FEDWAN_KEEP=1 keeps the temporary folder)
#
# What a standalone worker needs to launch executors without a Spark distribution (found here, see
# docs/howto/spark-cluster.md): SPARK_HOME with a jars/ folder (the worker builds the
# executor's class path as SPARK_HOME/jars/*, org.apache.spark.launcher.AbstractCommandBuilder)
# and SPARK_SCALA_VERSION, or the launcher stops with "Cannot find any build directories".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STUDY="$(realpath "${1:-$ROOT/spark/src/test/resources/cluster/cluster-sweep.yaml}")"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/fedwan-spark-cluster.XXXXXX")"
T0=$(date +%s)
MASTER_PID="" ; W1_PID="" ; W2_PID="" ; DRIVER_PID="" ; RESULT=FAIL

say() { printf '[%4d s] %s\n' $(( $(date +%s) - T0 )) "$*"; }
fail() { say "FAIL: $*"; exit 1; }

# Executors are children of the workers: they are found by the process id each writes in its log
# and checked to be this script's (class path under $TMP) before being stopped.
executor_pids() {
  sed -n 's/.*Started daemon with process name: \([0-9]*\)@.*/\1/p' "$TMP"/worker*/app-*/*/stderr 2>/dev/null || true
}
ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q -- "$TMP/"; }
cleanup() {
  local p
  for p in $DRIVER_PID $W1_PID $W2_PID $MASTER_PID; do kill "$p" 2>/dev/null || true; done
  sleep 2
  for p in $(executor_pids) $DRIVER_PID $W1_PID $W2_PID $MASTER_PID; do
    if kill -0 "$p" 2>/dev/null && ours "$p"; then kill -9 "$p" 2>/dev/null || true; fi
  done
  if [ "${FEDWAN_KEEP:-0}" = 1 ] || [ "$RESULT" != PASS ]; then echo "logs and results kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # FILE PATTERN SECONDS WHAT
  local i
  for ((i = 0; i < $3; i++)); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  fail "no '$2' in $1 after $3 s ($4)"
}

cd "$ROOT"
say "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; building FedWAN with the spark module (mvn -B -Pspark -DskipTests package)"
mvn -B -Pspark -DskipTests package > "$TMP/build.log" 2>&1 || { tail -n 40 "$TMP/build.log"; fail "the build failed"; }
# The launcher rebuilds when a source is newer than this file, which Maven leaves untouched when
# the class path did not change; it was just built.
touch scenarios/target/classpath.txt

ARTIFACT=$(sed -n 's:.*<spark.artifact>\(.*\)</spark.artifact>.*:\1:p' spark/pom.xml)
VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' spark/pom.xml)
say "resolving Spark's own jars ($ARTIFACT $VERSION) with mvn -f spark/cluster/pom.xml dependency:build-classpath"
mvn -B -f spark/cluster/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$TMP/spark-jars.txt" \
  -Dspark.artifact="$ARTIFACT" -Dspark.version="$VERSION" > "$TMP/spark-jars.log" 2>&1 \
  || { tail -n 40 "$TMP/spark-jars.log"; fail "resolving Spark's jars failed"; }
export SPARK_HOME="$TMP/spark-home"
mkdir -p "$SPARK_HOME/jars"
tr ':' '\n' < "$TMP/spark-jars.txt" | while read -r j; do [ -n "$j" ] && ln -sf "$j" "$SPARK_HOME/jars/"; done
export SPARK_SCALA_VERSION="${ARTIFACT##*_}"
export SPARK_LOCAL_IP=127.0.0.1
say "SPARK_HOME=$SPARK_HOME: $(ls "$SPARK_HOME/jars" | wc -l) jars; SPARK_SCALA_VERSION=$SPARK_SCALA_VERSION"

OPENS=""  # the flags Spark's launcher sets on Java 17 (as ./fedwan and spark/pom.xml)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
OPENS="$OPENS -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
# shellcheck disable=SC2206 # OPENS splits into its flags
DAEMON=(java -Xmx256m $OPENS -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*")

"${DAEMON[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 > "$TMP/master.log" 2>&1 &
MASTER_PID=$!
wait_for "$TMP/master.log" "Starting Spark master at" 120 "master start"
URL=$(sed -n 's/.*Starting Spark master at \(spark:[^ ]*\).*/\1/p' "$TMP/master.log" | head -1)
say "master $URL (pid $MASTER_PID)"
for w in 1 2; do
  mkdir -p "$TMP/worker$w"
  "${DAEMON[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1536m \
    --work-dir "$TMP/worker$w" "$URL" > "$TMP/worker$w.log" 2>&1 &
  eval "W${w}_PID=$!"
done
wait_for "$TMP/worker1.log" "Successfully registered with master" 120 "worker 1 registration"
wait_for "$TMP/worker2.log" "Successfully registered with master" 120 "worker 2 registration"
say "workers registered: worker 1 pid $W1_PID, worker 2 pid $W2_PID (1 core, 1536 MiB each)"

say "sweep on the cluster: ./fedwan sweep $(realpath --relative-to="$ROOT" "$STUDY") --engine spark --master $URL"
TS=$(date +%s)
./fedwan sweep "$STUDY" --out "$TMP/spark" --engine spark --master "$URL" --no-figures > "$TMP/driver.out" 2> "$TMP/driver.err" &
DRIVER_PID=$!

# Kill worker 2 once the driver has written some runs (a first batch) and worker 2's executor runs
# a task.
EXEC_LOG="" ; KILLED_TASK=""
while kill -0 "$DRIVER_PID" 2>/dev/null; do
  EXEC_LOG=$(ls "$TMP"/worker2/app-*/*/stderr 2>/dev/null | head -1 || true)
  if [ -n "$EXEC_LOG" ] && grep -q ' runs  wall' "$TMP/driver.out"; then
    started=$(grep -c "Executor: Running task" "$EXEC_LOG" || true)
    finished=$(grep -c "Executor: Finished task" "$EXEC_LOG" || true)
    if [ "$started" -gt "$finished" ]; then
      KILLED_TASK=$(grep "Executor: Running task" "$EXEC_LOG" | tail -1 | sed 's/.*Running //')
      break
    fi
  fi
  sleep 1
done
[ -n "$KILLED_TASK" ] || fail "the sweep ended before worker 2's executor ran a task after the first batch; nothing was killed"
EXEC_PID=$(sed -n 's/.*Started daemon with process name: \([0-9]*\)@.*/\1/p' "$EXEC_LOG" | head -1)
say "runs written by the driver so far: $(grep -c ' runs  wall' "$TMP/driver.out" || true)/$(sed -n 's/.*= \([0-9]*\) runs.*/\1/p' "$TMP/driver.out")"
say "worker 2's executor (pid $EXEC_PID) finished $(grep -c 'Executor: Finished task' "$EXEC_LOG" || true) task(s) and runs $KILLED_TASK"
kill -9 "$W2_PID"
TK=$(date +%s)
wait "$W2_PID" 2>/dev/null || true
say "kill -9 $W2_PID (worker 2)"
for ((i = 0; i < 120; i++)); do kill -0 "$EXEC_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$EXEC_PID" 2>/dev/null && fail "executor $EXEC_PID still alive 120 s after its worker was killed"
say "executor $EXEC_PID exited $(( $(date +%s) - TK )) s after its worker"

DRIVER_RC=0
wait "$DRIVER_PID" || DRIVER_RC=$?
DRIVER_PID=""
say "cluster sweep finished in $(( $(date +%s) - TS )) s, exit code $DRIVER_RC"
tail -n 1 "$TMP/driver.out"
echo "--- master log: worker and executor losses"
grep -E "Removing worker|Removing executor|got disassociated|Launching executor" "$TMP/master.log" | sed 's/^[0-9\/]* //' || true
echo "--- driver: what Spark did (org.fedwan.spark.TaskReport)"
grep '^spark: ' "$TMP/driver.err" || true
grep -E "^(WARN|ERROR) .*(Lost task|Lost executor|ExecutorLost)" "$TMP/driver.err" | cut -c1-240 || true
echo "---"
[ "$DRIVER_RC" = 0 ] || { tail -n 30 "$TMP/driver.err"; fail "the cluster sweep failed"; }

say "the same study on the local engine: ./fedwan sweep ... --workers 2"
TL=$(date +%s)
./fedwan sweep "$STUDY" --out "$TMP/local" --workers 2 --no-figures > "$TMP/local.out" 2> "$TMP/local.err" \
  || { tail -n 30 "$TMP/local.err"; fail "the local sweep failed"; }
say "local sweep finished in $(( $(date +%s) - TL )) s"

PROBLEMS=0
cmp "$TMP/local/sweep.csv" "$TMP/spark/sweep.csv" || PROBLEMS=$((PROBLEMS + 1))
FILES=0
while read -r f; do
  FILES=$((FILES + 1))
  a="$TMP/local/$f" ; b="$TMP/spark/$f"
  if [ "$(basename "$f")" = manifest.json ]; then
    diff <(grep -v -E '^  "(started|finished)" :' "$a") <(grep -v -E '^  "(started|finished)" :' "$b") > /dev/null \
      || { echo "differs: $f"; PROBLEMS=$((PROBLEMS + 1)); }
  else
    cmp -s "$a" "$b" || { echo "differs: $f"; PROBLEMS=$((PROBLEMS + 1)); }
  fi
done < <(cd "$TMP/local" && find runs -type f | sort)
[ "$(cd "$TMP/spark" && find runs -type f | sort)" = "$(cd "$TMP/local" && find runs -type f | sort)" ] \
  || { echo "the two sweeps wrote different file lists"; PROBLEMS=$((PROBLEMS + 1)); }
say "compared sweep.csv ($(wc -l < "$TMP/spark/sweep.csv") lines) and $FILES run files: $PROBLEMS difference(s)"

LOST=$(grep -c '^spark: run .* failed on executor .*ExecutorLostFailure' "$TMP/driver.err" || true)
RERUN=$(grep -c '^spark: run .* done on executor .* at attempt [2-9]' "$TMP/driver.err" || true)
[ "$LOST" -ge 1 ] || fail "no task was lost with the killed worker's executor"
[ "$RERUN" -ge 1 ] || fail "no lost task succeeded on a later attempt"
[ "$PROBLEMS" = 0 ] || fail "the cluster's results differ from the local engine's"
RESULT=PASS
say "PASS: worker 2 killed mid-sweep, $LOST task(s) lost with its executor and re-run by Spark on worker 1; sweep.csv and $FILES run files identical to the local engine's (total $(( $(date +%s) - T0 )) s)"
