#!/usr/bin/env bash
# Paired whole-process runs of `bulkops pack` against scripts/bench/split.py (a plain
# split-and-zip that validates nothing), and of pack/validate on large inputs, each under
# /usr/bin/time -v for wall time and peak RSS. Prints the median of RUNS runs.
#
#   scripts/bench-pack.sh [BIN]          BIN defaults to bin/bulkops (built if missing)
#   RUNS=7 SIZES="100000 1000000" BIG=3000000 XLSX=100000 scripts/bench-pack.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-bin/bulkops}
RUNS=${RUNS:-7}
SIZES=${SIZES:-"100000 1000000"}
BIG=${BIG:-3000000}       # validate + pack of this many rows (0 skips)
XLSX=${XLSX:-100000}      # XLSX to zip of this many rows (0 skips)
WORK=${WORK:-$(mktemp -d)}
[ -x "$BIN" ] || go build -tags migrated_fynedo -o "$BIN" ./cmd/bulkops
go build -o "$WORK/gen" ./scripts/bench/gen

# measure LABEL CMD...: one run; prints "wall_seconds peak_kB" (exit status ignored:
# validate of invalid rows exits 1 on purpose).
measure() {
	/usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || true
	awk '/Elapsed \(wall clock\)/ {n=split($NF,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
	     /Maximum resident/ {k=$NF} END {printf "%.3f %d\n", s, k}' "$WORK/time.txt"
}

# median of column $1 of stdin
median() { sort -n -k"$1" | awk -v c="$1" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }

# report LABEL CMD...: RUNS runs, median wall and median peak
report() {
	local label=$1; shift
	for _ in $(seq "$RUNS"); do rm -f "$WORK"/out*; measure "$@"; done >"$WORK/runs.txt"
	printf '%-34s wall %6.3f s   peak %6.1f MB\n' "$label" "$(median 1 <"$WORK/runs.txt")" \
		"$(median 2 <"$WORK/runs.txt" | awk "{print \$1/1024}")"
}

for n in $SIZES; do
	in="$WORK/wt$n.csv"
	"$WORK/gen" -n "$n" -o "$in"
	echo "== $n work types, $(du -m "$in" | cut -f1) MB CSV"
	# paired: each round runs both, so both see the same machine load
	for _ in $(seq "$RUNS"); do
		rm -f "$WORK"/out*
		echo "$(measure "$BIN" pack -o "$WORK/out.zip" "$in") $(measure python3 scripts/bench/split.py "$in" "$WORK/out-py.zip")"
	done >"$WORK/pairs.txt"
	printf '%-34s wall %6.3f s   peak %6.1f MB\n' "bulkops pack" "$(median 1 <"$WORK/pairs.txt")" \
		"$(median 2 <"$WORK/pairs.txt" | awk "{print \$1/1024}")"
	printf '%-34s wall %6.3f s   peak %6.1f MB\n' "split.py" "$(median 3 <"$WORK/pairs.txt")" \
		"$(median 4 <"$WORK/pairs.txt" | awk "{print \$1/1024}")"
done

if [ "$XLSX" != 0 ]; then
	in="$WORK/wt$XLSX.xlsx"
	"$WORK/gen" -n "$XLSX" -o "$in"
	echo "== $XLSX work types, XLSX"
	report "bulkops pack (xlsx)" "$BIN" pack -o "$WORK/out.zip" "$in"
fi

if [ "$BIG" != 0 ]; then
	RUNS=${BIG_RUNS:-3}
	in="$WORK/big.csv"; bad="$WORK/bad.csv"
	"$WORK/gen" -n "$BIG" -o "$in"
	"$WORK/gen" -n "$((BIG / 3))" -invalid -o "$bad"
	echo "== $BIG valid work types ($(du -m "$in" | cut -f1) MB), $((BIG / 3)) invalid ($(du -m "$bad" | cut -f1) MB)"
	report "bulkops pack $BIG" "$BIN" pack -o "$WORK/out.zip" "$in"
	report "bulkops validate $BIG" "$BIN" validate "$in"
	report "bulkops validate $((BIG / 3)) invalid" "$BIN" validate "$bad"
fi
rm -rf "$WORK"
