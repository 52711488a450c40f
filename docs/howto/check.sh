#!/usr/bin/env bash
# Runs every command of the tutorial and the how-to guides, so the docs cannot rot (issue 15).
#
# A fenced block whose info string is exactly `bash` is runnable: its lines are run in order, as a
# reader would paste them into one shell. Blocks meant as illustration use ```text or ```console;
# ```bash spark blocks need a Spark cluster and are run by spark/cluster-test.sh instead
# (DocsCommandsTest checks that it contains them). Each guide runs in a fresh temporary folder
# holding ./fedwan (calls $FEDWAN, the repository's launcher unless set) and scenarios/ (a link to
# the repository's), so its results go under that folder. Stops at the first failing command,
# naming the file and line; prints the wall time of each guide (issue 15: under 5 min each).
# Usage: bash docs/howto/check.sh [GUIDE.md ...]   (default: docs/tutorial.md docs/howto/*.md;
# FEDWAN_KEEP=1 keeps the temporary folders)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FEDWAN="${FEDWAN:-$ROOT/fedwan}"
[ -x "$FEDWAN" ] || { echo "check.sh: FEDWAN=$FEDWAN is not an executable launcher" >&2; exit 2; }
FEDWAN="$(realpath "$FEDWAN")"
if [ $# -gt 0 ]; then GUIDES=("$@"); else GUIDES=("$ROOT/docs/tutorial.md" "$ROOT"/docs/howto/*.md); fi

# The script of a guide has as many lines as the guide: lines outside runnable blocks become empty
# (the opening fence echoes where the block starts, line 1 sets the shell up), so bash's $LINENO in
# the script is the line in the guide.
script_of() { # GUIDE LABEL
  awk -v label="$2" '
    NR == 1 { print "set -eE -o pipefail; trap '\''echo \"check.sh: " label ":$LINENO: command failed (exit $?)\" >&2'\'' ERR"; next }
    inblock && /^```[[:space:]]*$/ { inblock = 0; print ""; next }
    inblock { print; next }
    /^```bash[[:space:]]*$/ { inblock = 1; print "echo \"check.sh: " label ":" NR "\" >&2"; next }
    { print "" }
    END { if (inblock) { print "echo \"check.sh: " label ": a bash block is not closed\" >&2; exit 2" } }
  ' "$1"
}

TOTAL0=$(date +%s)
TIMES=()
for guide in "${GUIDES[@]}"; do
  guide="$(realpath "$guide")"
  case "$guide" in "$ROOT"/*) label="${guide#"$ROOT"/}" ;; *) label="$guide" ;; esac
  if ! grep -q '^```bash[[:space:]]*$' "$guide"; then
    echo "check.sh: $label: no runnable block (spark blocks are run by spark/cluster-test.sh)"
    TIMES+=("$(printf '%-45s %s' "$label" "no runnable block")")
    continue
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/fedwan-docs.XXXXXX")"
  printf '#!/usr/bin/env bash\nexec "%s" "$@"\n' "$FEDWAN" > "$work/fedwan"
  chmod +x "$work/fedwan"
  ln -s "$ROOT/scenarios" "$work/scenarios"
  script_of "$guide" "$label" > "$work/.check-script.sh"
  echo "check.sh: $label in $work"
  t0=$(date +%s)
  if ! (cd "$work" && bash "$work/.check-script.sh"); then
    echo "check.sh: FAIL: $label (its folder is kept: $work)" >&2
    exit 1
  fi
  dt=$(( $(date +%s) - t0 ))
  TIMES+=("$(printf '%-45s %4d s%s' "$label" "$dt" "$([ "$dt" -lt 300 ] || echo '  (over the 5 min bound)')")")
  if [ "${FEDWAN_KEEP:-0}" = 1 ]; then echo "check.sh: kept $work"; else rm -rf "$work"; fi
done
echo "check.sh: wall time per guide (load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
printf '  %s\n' "${TIMES[@]}"
echo "check.sh: PASS, $(( $(date +%s) - TOTAL0 )) s in all"
