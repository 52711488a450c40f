#!/usr/bin/env bash
# Regenerates the NB-IoT battery-life figure of docs/nbiot.md ("Validation"): lifetime (5 Wh) against
# coupling loss from event-driven nbiot-net runs (20 devices, 10 days, block errors drawn), for
#  - TR 45.820's battery-life cases (scenarios/nbiot/tr45820-battery-life.yaml: TR power levels, release
#    right after the data, T3324 = 0, no TAU within the run, 10 % BLER at each level's MCL) with the TR's
#    report sizes and periods: 200 B and 50 B, once a day and every 2 h;
#  - the set-up closest to Joerke et al.'s measurements (scenarios/nbiot/joerke-84b-day.yaml, SARA-N211,
#    84 B a day), released at once and with a 20 s RRC tail;
# with the published points: Joerke et al.'s measurements, the TR's 10-year objective (200 B a day at
# 164 dB) and the TR's figures of lpwan-facts B4 (200 B every 2 h: 1.7 years; 50 B a day: 18.1 years).
# Writes docs/figures/nbiot-lifetime.dat; redraws docs/figures/nbiot-lifetime-vs-coupling-loss.png with
# gnuplot (Debian: gnuplot-nox) if it is installed, else says so. Takes a few minutes (84 runs);
# with --plot-only it redraws the figure from the .dat as it is.
#   docs/figures/nbiot-lifetime.sh [--plot-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/figures
TR=scenarios/nbiot/tr45820-battery-life.yaml
JOERKE=scenarios/nbiot/joerke-84b-day.yaml
# CE0 up to 144 dB, CE1 up to 154 dB, CE2 up to 164 dB: both sides of each step, and points within the levels
LOSSES_DB="120 130 140 144 144.5 147 150 152 154 154.5 157 160 162 164"

years() { # scenario, payload bytes, period s, coupling loss dB, extra options...
  local scenario=$1 payload=$2 period=$3 loss=$4
  shift 4
  ./fedwan nbiot-net --scenario "$scenario" --devices 20 --duration-h 240 --payload "$payload" --period-s "$period" \
      --coupling-loss-db "$loss" "$@" | sed -n 's/.*lifetime \([0-9.,]*\) years.*/\1/p' | tr -d ,
}

if [ "${1:-}" != "--plot-only" ]; then
{
  echo "# nbiot-net, 20 devices, 240 h, seed of the scenario files, 5 Wh: lifetime in years against coupling loss (dB)."
  echo "# columns: coupling loss; TR 45.820 case (tr45820-battery-life.yaml) 200 B/day, 50 B/day, 200 B/2 h, 50 B/2 h;"
  echo "# joerke-84b-day.yaml 84 B/day released at once, 84 B/day with a 20 s RRC tail (--release-assistance false)"
  for loss in $LOSSES_DB; do
    echo "$loss $(years $TR 200 86400 "$loss") $(years $TR 50 86400 "$loss") $(years $TR 200 7200 "$loss")" \
      "$(years $TR 50 7200 "$loss") $(years $JOERKE 84 86400 "$loss")" \
      "$(years $JOERKE 84 86400 "$loss" --release-assistance false)"
  done
} > $OUT/nbiot-lifetime.dat
echo "wrote $OUT/nbiot-lifetime.dat"
fi

if ! command -v gnuplot >/dev/null; then
  echo "gnuplot is not installed: $OUT/nbiot-lifetime-vs-coupling-loss.png was not redrawn" >&2
  exit 0
fi
gnuplot <<'GP'
set terminal pngcairo size 1200,560 font ",11"
set output "docs/figures/nbiot-lifetime-vs-coupling-loss.png"
set title "NB-IoT battery lifetime (5 Wh) vs coupling loss, nbiot-net (20 devices, 10 days)"
set key outside right center vertical box font ",10"
set grid
set logscale y
set yrange [0.3:60]
set ytics (0.5, 1, 2, 4, 10, 20, 40)
set xrange [119:165]
set xlabel "coupling loss (dB); CE0 up to 144, CE1 up to 154, CE2 up to 164"
set ylabel "lifetime (years, log scale)"
set arrow from 144,0.3 to 144,60 nohead dt 3 lc rgb "gray"
set arrow from 154,0.3 to 154,60 nohead dt 3 lc rgb "gray"
D = "docs/figures/nbiot-lifetime.dat"
$joerke << EOD
144 25
154 18
164 4
EOD
$tr << EOD
164 10 1
164 1.7 2
164 18.1 3
EOD
plot D using 1:2 with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "TR case, 200 B/day", \
     D using 1:3 with linespoints lw 2 pt 5 lc rgb "#17becf" title "TR case, 50 B/day", \
     D using 1:4 with linespoints lw 2 pt 9 lc rgb "#9467bd" title "TR case, 200 B/2 h", \
     D using 1:5 with linespoints lw 2 pt 11 lc rgb "#e377c2" title "TR case, 50 B/2 h", \
     D using 1:6 with linespoints lw 2 pt 13 lc rgb "#2ca02c" title "SARA-N211, 84 B/day, released at once", \
     D using 1:7 with linespoints lw 2 pt 13 dt 2 lc rgb "#ff7f0e" title "SARA-N211, 84 B/day, 20 s RRC tail", \
     $joerke using 1:2 with points pt 7 ps 2 lc rgb "black" title "Joerke et al., measured, 84 B/day", \
     $tr using 1:($3 == 1 ? $2 : 1/0) with points pt 5 ps 2 lc rgb "red" title "TR 45.820 objective, 200 B/day", \
     $tr using 1:($3 > 1 ? $2 : 1/0) with points pt 4 ps 2 lw 2 lc rgb "red" title "TR 45.820 (lpwan-facts B4): 200 B/2 h, 50 B/day"
GP
echo "wrote $OUT/nbiot-lifetime-vs-coupling-loss.png"
