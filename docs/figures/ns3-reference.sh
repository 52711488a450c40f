#!/usr/bin/env bash
# Runs ns-3 lorawan's complete-network-example, the held-out reference of docs/lorawan.md
# ("Validation"), and writes docs/figures/lorawan-ns3-reference.dat: per device count, the delivery
# ratio over several ns-3 seeds (RngRun). Builds nothing: it needs an ns-3 tree with the lorawan
# module in src/lorawan, already configured and built with the example, e.g.
#   git clone <ns-3-dev> ns-3.43 && cd ns-3.43 && git checkout ns-3.43
#   git clone <signetlabdei/lorawan> src/lorawan && (cd src/lorawan && git checkout v0.3.2)
#   ./ns3 configure --enable-examples --enable-modules=lorawan -d optimized
#   nice -n 19 ./ns3 build -j2 complete-network-example
# Usage (device counts and seeds can be narrowed for a partial run):
#   NS3_DIR=/work/ns3/ns-3.43 docs/figures/ns3-reference.sh
#   NS3_DIR=... DEVICES="100 1000" SEEDS="1 2" OUT=/tmp/part.dat docs/figures/ns3-reference.sh
#   NS3_DIR=... MERGE="/tmp/part1.dat /tmp/part2.dat" docs/figures/ns3-reference.sh
# MERGE runs nothing: it rewrites OUT from the runs listed at the bottom of the given files (parts
# run side by side, e.g. one seed each; a point in several parts is counted once).
# Every run is one process of the example binary with the FedWAN scenario's parameters
# (scenarios/lorawan/ns3-complete-network.yaml): 6,400 m disc, 1 h of traffic, 600 s period, no
# buildings or shadowing. The example prints LoraPacketTracker::CountMacPacketsGlobally over
# [0, 2 h]: uplinks sent by the end devices' MAC and those of them received by at least one
# gateway's MAC; the delivery ratio is received / sent, as lorawan-net's framesReceived / framesSent.
set -euo pipefail
: "${NS3_DIR:?set NS3_DIR to a built ns-3 tree with src/lorawan}"
cd "$(dirname "$0")/../.."
OUT="${OUT:-docs/figures/lorawan-ns3-reference.dat}"
DEVICES="${DEVICES:-100 200 500 1000 1500 2000}"
SEEDS="${SEEDS:-1 2 3 4 5}"
BIN=$(find "$NS3_DIR/build" -type f -perm -u+x -name 'ns3*-complete-network-example*' | head -n 1)
[ -n "$BIN" ] || { echo "ns3-reference.sh: no complete-network-example binary under $NS3_DIR/build" >&2; exit 1; }
ARGS="--radius=6400 --simulationTime=3600 --appPeriod=600 --realisticChannel=false --print=false"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ns3_version=$(git -C "$NS3_DIR" describe --tags --always)
ns3_commit=$(git -C "$NS3_DIR" rev-parse HEAD)
lorawan_version=$(git -C "$NS3_DIR/src/lorawan" describe --tags --always)
lorawan_commit=$(git -C "$NS3_DIR/src/lorawan" rev-parse HEAD)
lorawan_needs=$(cat "$NS3_DIR/src/lorawan/NS3-VERSION")

runs=""
write_dat() {
  {
    echo "# Held-out reference: ns-3 lorawan's complete-network-example, run outside this repository by"
    echo "# docs/figures/ns3-reference.sh: ns-3 $ns3_version ($ns3_commit) with the lorawan module"
    echo "# $lorawan_version ($lorawan_commit; its NS3-VERSION file: $lorawan_needs), configured with"
    echo "#   ./ns3 configure --enable-examples --enable-modules=lorawan -d optimized   (g++ $(g++ -dumpfullversion))"
    echo "# one process per point:"
    echo "#   $(basename "$BIN") $ARGS --nDevices=N --RngRun=SEED"
    echo "# (6,400 m disc, one gateway at the centre 15 m up, devices 1.2 m up, log-distance 3.76 and 7.7 dB"
    echo "# at 1 m, no shadowing or buildings, SetSpreadingFactorsUp, 23-byte payloads every 600 s from a"
    echo "# uniform phase, unconfirmed, EU868 3 channels, 14 dBm, 8 gateway paths, Goursaud isolation)."
    echo "# Counters: LoraPacketTracker::CountMacPacketsGlobally(0, 2 h): uplinks sent by the devices' MAC,"
    echo "# and those received by the gateway's MAC; PDR = received / sent per run; seeds"
    echo "# (ns-3 RngRun, RngSeed 1) as listed under Runs."
    echo "# Columns: devices, mean PDR over seeds, sample sd, min, max, runs, sent (all runs), received (all runs)"
    printf '%s' "$runs" | awk '
      { n = $1; p = $4 / $3; k[n]++; sum[n] += p; sq[n] += p * p; sent[n] += $3; recv[n] += $4
        if (!(n in lo) || p < lo[n]) lo[n] = p
        if (!(n in hi) || p > hi[n]) hi[n] = p
        if (!(n in seen)) { seen[n] = 1; order[++m] = n } }
      END { for (i = 1; i <= m; i++) { n = order[i]; mean = sum[n] / k[n]
              var = k[n] > 1 ? (sq[n] - k[n] * mean * mean) / (k[n] - 1) : 0; if (var < 0) var = 0
              printf "%d %.4f %.4f %.4f %.4f %d %d %d\n", n, mean, sqrt(var), lo[n], hi[n], k[n], sent[n], recv[n] } }'
    echo "# Runs: devices, seed, sent, received"
    printf '%s' "$runs" | awk '{ printf "# %d %d %d %d\n", $1, $2, $3, $4 }'
  } > "$OUT"
}

if [ -n "${MERGE:-}" ]; then
  # a (devices, seed) point run twice must have given the same counts (ns-3 runs are deterministic)
  runs=$(cat $MERGE | awk '$1 == "#" && NF == 5 && $2 ~ /^[0-9]+$/ { print $2, $3, $4, $5 }' | sort -u | sort -n -k2,2 -k1,1 -s)$'\n'
  if [ "$(printf '%s' "$runs" | awk '{ print $1, $2 }' | sort -u | wc -l)" != "$(printf '%s' "$runs" | wc -l)" ]; then
    echo "ns3-reference.sh: the parts disagree on a (devices, seed) point" >&2
    exit 1
  fi
  SEEDS=$(printf '%s' "$runs" | awk '{ print $2 }' | sort -n -u | tr '\n' ' ')
  write_dat
  echo "merged $MERGE into $OUT" >&2
  exit 0
fi

# seeds outside, device counts inside, and the file rewritten after every run: an interrupted run
# still leaves every finished point in it
for s in $SEEDS; do
  for n in $DEVICES; do
    # prints "<sent> <received>" as two decimals, e.g. "6000.000000 5421.000000"
    line=$(cd "$WORK" && LD_LIBRARY_PATH="$NS3_DIR/build/lib" nice -n 19 "$BIN" $ARGS --nDevices=$n --RngRun=$s | tail -n 1)
    echo "devices $n seed $s: $line" >&2
    runs="$runs$n $s $line"$'\n'
    write_dat
  done
done
echo "wrote $OUT" >&2
