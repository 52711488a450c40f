#!/usr/bin/env bash
# Regenerates the FedWAN-drawn PNGs of docs/figures/ (those embedded in docs/figures.md and
# docs/seeds.md) from runs it makes itself in a temporary results folder, so the same code that
# draws a user's figures draws the docs' ones: `./fedwan run/sweep ... --no-figures`, then
# `./fedwan plot DIR --only NAME --format png`, then a copy to the docs name. The gnuplot figures
# (lorawan-validation.sh, nbiot-lifetime.sh) are not touched.
#
#   docs/figures/redraw.sh                 # every group
#   docs/figures/redraw.sh run sweep       # only these groups
#   WORKERS=2 KEEP=1 docs/figures/redraw.sh seeds   # runs at once; keep the results folder
#
# Groups and their wall time on a 2-core machine shared with other jobs (docs/seeds.md for the
# seed studies):
#   run       quickstart run: the run-* figures except run-client-outcomes, run-training-per-round
#   outcomes  client-outcomes.yaml (quickstart + dropouts, deadline, late updates): run-client-outcomes
#   side      scenarios/protocols-side-by-side.yaml: side-by-side-*
#   sweep     quickstart-sweep.yaml (6 runs): sweep-metrics, pareto-*, sweep-accuracy-per-round,
#             sweep-accuracy-per-byte, sweep-bytes-per-round, sweep-accuracy-vs-energy
#   heat      quickstart-heat-map.yaml (6 runs): heat-map
#   codecs    scenarios/studies/codecs-accuracy-bytes.yaml (9 runs, about 8 min): codecs-*
#   seed000   seed000-xfl-q (4 runs, about 6 min)
#   seed001   seed001-quantfl (8 runs, about 5 min) and seed001-dirichlet (8 runs, about 3.5 min)
#   seed003   seed003-flq (4 runs, about 5.5 min): seed003-* and run-training-per-round (fp32 run)
#   seed002   seed002-octav (9 runs, about 17 min)
#   seed004   seed004-qrr (10 runs, about 13 min)
#   seeds     seed000 seed001 seed003 seed002 seed004
set -euo pipefail
cd "$(dirname "$0")/../.."
FIG=docs/figures
WORKERS="${WORKERS:-2}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/fedwan-redraw.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then
  echo "redraw: results kept in $TMP"
else
  trap 'rm -rf "$TMP"' EXIT
fi
FEDWAN="nice -n 10 ./fedwan"

# draw DIR NAME[:DOCNAME]...: draws figures NAME of the run or sweep folder DIR as PNG (one plot
# call) and copies each to docs/figures/DOCNAME.png (DOCNAME defaults to NAME)
draw() {
  local dir="$1" only="" f
  shift
  for f in "$@"; do only="$only${only:+,}${f%%:*}"; done
  $FEDWAN plot "$dir" --only "$only" --format png >/dev/null
  for f in "$@"; do
    cp "$dir/figures/${f%%:*}.png" "$FIG/${f#*:}.png"
    echo "redraw: $FIG/${f#*:}.png"
  done
}

# sweep STUDY NAME: runs a study into $TMP/NAME without figures
sweep() {
  $FEDWAN sweep "$1" --out "$TMP/$2" --workers "$WORKERS" --no-figures >/dev/null
}

# the run folder of the sweep DIR whose summary.json names uplink codec CODEC (first match)
run_of() {
  grep -rl --include=summary.json "\"uplink_codec\" *: *\"$2\"" "$1" | sort | head -n 1 | xargs dirname
}

group_run() {
  $FEDWAN run scenarios/quickstart.yaml --out "$TMP/quickstart" --no-figures >/dev/null
  local f figs=()
  for f in accuracy-per-round accuracy-vs-uplink-bytes accuracy-vs-energy accuracy-per-byte \
           bytes-per-round round-latency latency-breakdown upload-cdf duty-cycle-share frame-timeline \
           energy-over-time energy-by-state energy-per-device energy-small-multiples battery-level; do
    figs+=("$f:run-$f")
  done
  draw "$TMP/quickstart" "${figs[@]}"
}

group_outcomes() {
  $FEDWAN run $FIG/client-outcomes.yaml --out "$TMP/client-outcomes" --no-figures >/dev/null
  draw "$TMP/client-outcomes" client-outcomes:run-client-outcomes
}

group_side() {
  $FEDWAN run scenarios/protocols-side-by-side.yaml --out "$TMP/side-by-side" --no-figures >/dev/null
  draw "$TMP/side-by-side" upload-cdf:side-by-side-upload-cdf energy-per-device:side-by-side-energy-per-device
}

group_sweep() {
  sweep $FIG/quickstart-sweep.yaml quickstart-sweep
  draw "$TMP/quickstart-sweep" sweep-metrics pareto-accuracy-bytes pareto-accuracy-energy \
    sweep-accuracy-per-round sweep-accuracy-per-byte sweep-bytes-per-round sweep-accuracy-vs-energy
}

group_heat() {
  sweep $FIG/quickstart-heat-map.yaml quickstart-heat-map
  draw "$TMP/quickstart-heat-map" heat-map
}

group_codecs() {
  sweep scenarios/studies/codecs-accuracy-bytes.yaml codecs
  draw "$TMP/codecs" sweep-accuracy-vs-uplink-bytes:codecs-accuracy-vs-uplink-bytes
}

group_seed000() {
  sweep scenarios/studies/seed000-xfl-q.yaml seed000
  draw "$TMP/seed000" sweep-accuracy-per-round:seed000-accuracy-per-round \
    sweep-accuracy-per-byte:seed000-accuracy-per-byte sweep-bytes-per-round:seed000-bytes-per-round
}

group_seed001() {
  sweep scenarios/studies/seed001-dirichlet.yaml seed001-dirichlet
  draw "$TMP/seed001-dirichlet" heat-map:seed001-dirichlet-heat-map
  sweep scenarios/studies/seed001-quantfl.yaml seed001
  draw "$TMP/seed001" sweep-accuracy-per-round:seed001-accuracy-per-round \
    pareto-accuracy-bytes:seed001-pareto-accuracy-bytes
}

group_seed002() {
  sweep scenarios/studies/seed002-octav.yaml seed002
  draw "$TMP/seed002" sweep-accuracy-per-round:seed002-accuracy-per-round
}

group_seed003() {
  sweep scenarios/studies/seed003-flq.yaml seed003
  draw "$TMP/seed003" sweep-accuracy-vs-uplink-bytes:seed003-accuracy-vs-uplink-bytes \
    sweep-training-per-round:seed003-training-per-round
  draw "$(run_of "$TMP/seed003" fp32)" training-per-round:run-training-per-round
}

group_seed004() {
  sweep scenarios/studies/seed004-qrr.yaml seed004
  draw "$TMP/seed004" sweep-accuracy-vs-uplink-bytes:seed004-accuracy-vs-uplink-bytes \
    sweep-training-per-round:seed004-training-per-round
}

ALL="run outcomes side sweep heat codecs seed000 seed001 seed003 seed002 seed004"
GROUPS_ASKED="${*:-$ALL}"
GROUPS_ASKED="${GROUPS_ASKED//seeds/seed000 seed001 seed003 seed002 seed004}"
for g in $GROUPS_ASKED; do
  case " $ALL " in *" $g "*) ;; *) echo "redraw: unknown group '$g' (groups: $ALL seeds)" >&2; exit 2 ;; esac
done
for g in $GROUPS_ASKED; do
  start=$(date +%s)
  "group_$g"
  echo "redraw: group $g took $(( $(date +%s) - start )) s wall"
done
