#!/usr/bin/env bash
# How an order's cost grows with its number of lines (issue 10): POST /api/order/create with 1, 10 and
# 100 lines, one product per line, on a fresh SQLite file and a fresh Release service on 127.0.0.1.
# For each line count: a warm-up, then wrk at 1 connection (latency: the cost of one order alone) and
# at 16 connections (throughput), and the service's CPU time per order from /proc over the 16-connection
# run. Prints a Markdown table; docs/performance.md explains it.
#
# Settings (environment): LINE_COUNTS="1 10 100"  DURATION=10 (s per measurement)  WARMUP=5 (s)  USERS=200
set -euo pipefail
cd "$(dirname "$0")/../.."

LINE_COUNTS=${LINE_COUNTS:-"1 10 100"}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
USERS=${USERS:-200}
readonly FIRST_PRODUCT=900001
for setting in DURATION WARMUP USERS; do
  [[ ${!setting} =~ ^[1-9][0-9]*$ ]] || { echo "$setting must be a positive whole number" >&2; exit 2; }
done
most_lines=0
for lines in $LINE_COUNTS; do
  [[ $lines =~ ^[1-9][0-9]*$ && $lines -le 100 ]] || { echo "LINE_COUNTS must be whole numbers from 1 to 100 (Orders:MaxLines)" >&2; exit 2; }
  (( lines > most_lines )) && most_lines=$lines
done

# shellcheck source=bench/service.sh
source bench/service.sh
start_run lines

install_wrk_and_build
# Known only to this run's service and its token file; never printed.
secret=$(head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=')
port=$(free_port)
db="$work/orderplatform.db"
start_service "$db" "$work/service.log" "$port"

BENCH_TOKEN_SECRET="$secret" bench_tool prepare --database "$db" --users "$USERS" --codes 1 --tokens "$work/tokens.tsv" > /dev/null
# One published product per line, no SKUs, stock that no run uses up; price 100 (1.00) each.
python3 - "$db" "$FIRST_PRODUCT" "$most_lines" <<'PY'
import sqlite3, sys
db, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with sqlite3.connect(db, timeout=30) as connection:
    connection.executemany(
        "INSERT INTO products (id, title, price, stock, user_id, status) VALUES (?, ?, 100, 1000000000, 0, 1)",
        [(first + i, f"Line bench product {i + 1}") for i in range(count)])
PY

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
run_wrk() { # LINES CONNECTIONS SECONDS
  env BENCH_LINES="$1" BENCH_FIRST_PRODUCT="$FIRST_PRODUCT" BENCH_TOKENS="$work/tokens.tsv" \
    wrk -t1 -c"$2" -d"$3s" --timeout 30s -s bench/wrk/lines.lua "http://127.0.0.1:$port" | tail -n 1
}

ticks_per_second=$(getconf CLK_TCK)
echo
echo "| lines | 1 connection: p50 (ms) | 1 connection: p99 (ms) | 16 connections: orders/s | 16 connections: p99 (ms) | service CPU per order (ms) | CPU per line (ms) |"
echo "| --: | --: | --: | --: | --: | --: | --: |"
for lines in $LINE_COUNTS; do
  run_wrk "$lines" 16 "$WARMUP" > /dev/null
  IFS=$'\t' read -r _ _ one_p50 one_p99 one_other <<< "$(run_wrk "$lines" 1 "$DURATION")"
  before=$(cpu_ticks)
  IFS=$'\t' read -r orders seconds _ p99 other <<< "$(run_wrk "$lines" 16 "$DURATION")"
  after=$(cpu_ticks)
  if [ "$one_other" != 0 ] || [ "$other" != 0 ]; then
    echo "Some answers were not code 0 at $lines lines; the service log ends with:" >&2
    tail -n 20 "$work/service.log" >&2
    exit 1
  fi
  awk -v lines="$lines" -v p50="$one_p50" -v p99one="$one_p99" -v orders="$orders" -v seconds="$seconds" -v p99="$p99" \
      -v ticks=$((after - before)) -v hz="$ticks_per_second" 'BEGIN {
    cpu = ticks / hz * 1000 / orders
    printf "| %d | %.2f | %.2f | %.0f | %.2f | %.3f | %.4f |\n", lines, p50, p99one, orders / seconds, p99, cpu, cpu / lines
  }'
done
