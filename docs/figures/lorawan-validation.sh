#!/usr/bin/env bash
# Regenerates the LoRaWAN validation figures of docs/lorawan.md ("Validation"): FedWAN's delivery
# ratio against device count for ns-3 lorawan's complete-network-example set-up and for LoRaSim's
# single-gateway set-up, with the held-out reference runs in lorawan-*-reference.dat (how they were
# made is written at their top; ns-3's is written by ns3-reference.sh). Needs gnuplot (Debian:
# gnuplot-nox). Takes a few minutes.
#   docs/figures/lorawan-validation.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/figures
NS3=scenarios/lorawan/ns3-complete-network.yaml
LORASIM=scenarios/lorawan/lorasim-single-gateway.yaml

pdr() {
  ./fedwan lorawan-net "$@" | awk '/^packet delivery ratio/ {print $NF}'
}

{
  echo "# ns-3 complete-network-example set-up, 1 h: devices, FedWAN cumulative PDR (seed 1), FedWAN pairwise PDR"
  echo "# (seed 1), FedWAN cumulative PDR mean over seeds 1-5, its sample sd, min, max (the held-out ns-3"
  echo "# reference, lorawan-ns3-reference.dat, is a mean over ns-3 RngRun seeds)"
  for n in 100 200 500 1000 1500 2000; do
    seeds=""
    for s in 2 3 4 5; do seeds="$seeds $(pdr --scenario $NS3 --devices $n --seed $s)"; done
    first=$(pdr --scenario $NS3 --devices $n)
    echo "$n $first $(pdr --scenario $NS3 --devices $n --interference pairwise) $(echo $first $seeds | awk '
      { for (i = 1; i <= NF; i++) { m += $i; q += $i * $i; if (i == 1 || $i < lo) lo = $i; if (i == 1 || $i > hi) hi = $i }
        m /= NF; v = (q - NF * m * m) / (NF - 1); printf "%.4f %.4f %.4f %.4f", m, sqrt(v < 0 ? 0 : v), lo, hi }')"
  done
} > $OUT/lorawan-ns3.dat

{
  echo "# LoRaSim experiment 4 set-up, 24 h, seed 1: devices, FedWAN PDR with LoRaSim's full check (6 dB capture,"
  echo "# 3 preamble symbols), FedWAN PDR with its simplified check (no capture, no preamble rescue)"
  for n in 100 250 500 750 1000 1500 2000; do
    echo "$n $(pdr --scenario $LORASIM --devices $n)" \
      "$(pdr --scenario $LORASIM --devices $n --set capture_threshold_db=100 --set preamble_rescue_symbols=0)"
  done
} > $OUT/lorawan-lorasim.dat

gnuplot <<'GP'
set terminal pngcairo size 900,560 font ",11"
set key bottom left box
set grid
set xlabel "devices"
set ylabel "packet delivery ratio"
set yrange [0:1.02]

set output "docs/figures/lorawan-ns3-validation.png"
set title "ns-3 lorawan complete-network-example set-up (6.4 km disc, 1 gateway, 23 B every 600 s, 1 h)"
set yrange [0.7:1.02]
plot "docs/figures/lorawan-ns3.dat" using 1:4:6:7 with yerrorlines lw 2 pt 7 title "FedWAN, cumulative (ns-3 rule), mean and min-max of 5 seeds", \
     "docs/figures/lorawan-ns3.dat" using 1:3 with linespoints lw 2 pt 5 dt 2 title "FedWAN, pairwise (LoRaSim rule), seed 1", \
     "docs/figures/lorawan-ns3-reference.dat" using 1:2:4:5 with yerrorbars pt 9 ps 1.5 lw 1.5 lc rgb "black" title "ns-3 lorawan v0.3.2 (held-out), mean and min-max over RngRun"
set yrange [0:1.02]

set output "docs/figures/lorawan-lorasim-validation.png"
set title "LoRaSim single gateway, SF12, one frequency, 20 B, Poisson 1,000 s (loraDir.py experiment 4)"
T = 1.318912
P = 1000.0
set samples 200
plot [0:2000] exp(-2*x*T/P) with lines lw 1 lc rgb "gray" title "pure ALOHA, exp(-2NT/P)", \
     "docs/figures/lorawan-lorasim.dat" using 1:3 with linespoints lw 2 pt 5 title "FedWAN, simplified check", \
     "docs/figures/lorawan-lorasim-reference.dat" using 1:2 with points pt 4 ps 2 lc rgb "black" title "LoRaSim, simplified check", \
     "docs/figures/lorawan-lorasim.dat" using 1:2 with linespoints lw 2 pt 7 title "FedWAN, full check (6 dB capture)", \
     "docs/figures/lorawan-lorasim-reference.dat" using 1:4 with points pt 6 ps 2 lc rgb "black" title "LoRaSim, full check, flag fix", \
     "docs/figures/lorawan-lorasim-reference.dat" using 1:3 with points pt 8 ps 2 lc rgb "dark-red" title "LoRaSim, full check, as released"
GP
echo "wrote $OUT/lorawan-ns3-validation.png and $OUT/lorawan-lorasim-validation.png"
