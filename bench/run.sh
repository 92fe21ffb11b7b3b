#!/usr/bin/env bash
# Benchmarks POST /api/order/create on SQLite against the raw floor (docs/performance.md).
# Each round and scenario gets a fresh database file and a fresh service process on 127.0.0.1:
# prepare the data, warm up, measure each connection count with wrk, stop the service, verify
# every code-0 answer against the orders table, then run the floor on the same file.
# The read scenarios (detail, list) read the bench buyers' own orders from a database of
# READ_ORDERS orders instead: the service places a few, populate copies them, and every answer
# must be code 0 and the buyer's own order or page; there is no floor.
# Prints the medians over the rounds and writes them to bench/results/<UTC time>.md.
#
# Settings (environment):
#   ROUNDS=3  DURATION=10 (s per connection count)  WARMUP=3 (s, unmeasured, 16 connections)
#   CONNECTIONS="1 16 64"  SCENARIOS="single second detail list"  FLOOR_DURATION=5 (s)  USERS=1000
#   READ_ORDERS=100000 (the bench buyers' orders in the read scenarios' database)  PAGE_SIZE=10 (list)
#   CODES_PER_SECOND=10000 (coupon codes made per second of run: above any rate this machine reaches)
#   IDEMPOTENCY_KEYS=0 (1: every request carries its own Idempotency-Key, to measure what R55 costs)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
SCENARIOS=${SCENARIOS:-"single second detail list"}
FLOOR_DURATION=${FLOOR_DURATION:-5}
USERS=${USERS:-1000}
CODES_PER_SECOND=${CODES_PER_SECOND:-10000}
IDEMPOTENCY_KEYS=${IDEMPOTENCY_KEYS:-0}
READ_ORDERS=${READ_ORDERS:-100000}
PAGE_SIZE=${PAGE_SIZE:-10}
readonly FLOOR_WARMUP=1 WARMUP_CONNECTIONS=16 TEMPLATE_SECONDS=1

for setting in ROUNDS DURATION WARMUP FLOOR_DURATION USERS CODES_PER_SECOND READ_ORDERS PAGE_SIZE; do
  [[ ${!setting} =~ ^[1-9][0-9]*$ ]] || { echo "$setting must be a positive whole number" >&2; exit 2; }
done
[[ $IDEMPOTENCY_KEYS == 0 || $IDEMPOTENCY_KEYS == 1 ]] || { echo "IDEMPOTENCY_KEYS must be 0 or 1" >&2; exit 2; }
for connections in $CONNECTIONS; do
  [[ $connections =~ ^[1-9][0-9]*$ ]] || { echo "CONNECTIONS must be positive whole numbers" >&2; exit 2; }
done
for scenario in $SCENARIOS; do
  [[ $scenario =~ ^(single|second|detail|list)$ ]] || { echo "SCENARIOS may hold single, second, detail and list" >&2; exit 2; }
done
# R62 caps a page at 100 orders.
((PAGE_SIZE <= 100)) || { echo "PAGE_SIZE must be at most 100" >&2; exit 2; }

# shellcheck source=bench/service.sh
source bench/service.sh
start_run bench

# run_wrk ROUND SCENARIO LOAD CONNECTIONS SECONDS CODE_START CODE_COUNT RESULTS
run_wrk() {
  local round=$1 scenario=$2 load=$3 connections=$4 seconds=$5 code_start=$6 code_count=$7 results=$8
  env BENCH_SCENARIO="$scenario" BENCH_TOKENS="$work/tokens.tsv" BENCH_ANSWERS="$work/answers/$load.txt" \
    BENCH_CODE_START="$code_start" BENCH_CODE_COUNT="$code_count" BENCH_RESULTS="$results" \
    BENCH_ROUND="$round" BENCH_LOAD="$load" BENCH_IDEMPOTENCY_KEYS="$IDEMPOTENCY_KEYS" \
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s -s bench/wrk/create-order.lua "http://127.0.0.1:$port" \
    > "$work/wrk-$load.log" 2>&1 || { echo "wrk failed:" >&2; cat "$work/wrk-$load.log" >&2; exit 1; }
}

# run_read_wrk ROUND SCENARIO LOAD CONNECTIONS SECONDS RESULTS
run_read_wrk() {
  local round=$1 scenario=$2 load=$3 connections=$4 seconds=$5 results=$6
  env BENCH_SCENARIO="$scenario" BENCH_TOKENS="$work/tokens.tsv" BENCH_TARGETS="$work/targets.tsv" BENCH_PAGE_SIZE="$PAGE_SIZE" \
    BENCH_ANSWERS="$work/answers/$load.txt" BENCH_RESULTS="$results" BENCH_ROUND="$round" BENCH_LOAD="$load" \
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s -s bench/wrk/read-orders.lua "http://127.0.0.1:$port" \
    > "$work/wrk-$load.log" 2>&1 || { echo "wrk failed:" >&2; cat "$work/wrk-$load.log" >&2; exit 1; }
}

# print_row UNIT: one results line as it is measured.
print_row() {
  awk -F'\t' -v unit="$1" '{ printf "round %s %-6s %-5s %7.0f %s  p50 %7.2f ms  p99 %7.2f ms  refused %s  failed %s\n", $1, $2, $3, $4 / $5, unit, $6, $7, $8, $9 }'
}

# One round of one scenario: fresh file and process, warm-up, each connection count, verify, floor.
measure() {
  local round=$1 scenario=$2
  local db="$work/orderplatform.db" warmup_codes=0 run_codes=0 floor_codes=0 code_start=0
  if [ "$scenario" = second ]; then
    warmup_codes=$((CODES_PER_SECOND * WARMUP))
    run_codes=$((CODES_PER_SECOND * DURATION))
    floor_codes=$((CODES_PER_SECOND * (FLOOR_WARMUP + FLOOR_DURATION + 1)))
  fi
  rm -rf "$work/answers" "$db" "$db"-*
  mkdir -p "$work/answers"
  port=$(free_port)
  start_service "$db" "$work/service-$round-$scenario.log" "$port"
  BENCH_TOKEN_SECRET="$secret" bench_tool prepare --database "$db" --users "$USERS" \
    --codes "$((warmup_codes + run_codes * $(wc -w <<< "$CONNECTIONS") + floor_codes))" --tokens "$work/tokens.tsv"

  run_wrk "$round" "$scenario" warmup "$WARMUP_CONNECTIONS" "$WARMUP" "$code_start" "$warmup_codes" /dev/null
  code_start=$warmup_codes
  for connections in $CONNECTIONS; do
    run_wrk "$round" "$scenario" "$connections" "$connections" "$DURATION" "$code_start" "$run_codes" "$work/results.tsv"
    code_start=$((code_start + run_codes))
    tail -n 1 "$work/results.tsv" | print_row orders/s
  done
  stop_service

  if ! bench_tool verify --database "$db" --answers "$work/answers" | sed "s/^/round $round $scenario /" | tee -a "$work/verify.txt"; then
    echo "Verification failed (round $round, $scenario)." >&2
    exit 1
  fi
  bench_tool floor --database "$db" --scenario "$scenario" --seconds "$FLOOR_DURATION" --warmup-seconds "$FLOOR_WARMUP" \
    --code-start "$code_start" --code-count "$floor_codes" --round "$round" --results "$work/results.tsv" \
    | sed "s/^/round $round /"
  rm -f "$db" "$db"-*
}

# One round of one read scenario: fresh file and process, a second of each create scenario at one
# connection (the orders to copy), populate to READ_ORDERS, warm-up, each connection count, verify.
measure_reads() {
  local round=$1 scenario=$2
  local db="$work/orderplatform.db" template_codes=$((CODES_PER_SECOND * TEMPLATE_SECONDS))
  rm -rf "$work/answers" "$db" "$db"-*
  mkdir -p "$work/answers"
  port=$(free_port)
  start_service "$db" "$work/service-$round-$scenario.log" "$port"
  BENCH_TOKEN_SECRET="$secret" bench_tool prepare --database "$db" --users "$USERS" --codes "$template_codes" --tokens "$work/tokens.tsv"
  run_wrk "$round" single templates 1 "$TEMPLATE_SECONDS" 0 0 /dev/null
  run_wrk "$round" second templates 1 "$TEMPLATE_SECONDS" 0 "$template_codes" /dev/null
  rm -f "$work/answers/templates.txt"
  bench_tool populate --database "$db" --orders "$READ_ORDERS" --targets "$work/targets.tsv" | sed "s/^/round $round $scenario /"

  run_read_wrk "$round" "$scenario" warmup "$WARMUP_CONNECTIONS" "$WARMUP" /dev/null
  for connections in $CONNECTIONS; do
    run_read_wrk "$round" "$scenario" "$connections" "$connections" "$DURATION" "$work/results.tsv"
    tail -n 1 "$work/results.tsv" | print_row requests/s
  done
  stop_service

  if ! bench_tool verify-reads --answers "$work/answers" | sed "s/^/round $round $scenario /" | tee -a "$work/verify.txt"; then
    echo "Verification failed (round $round, $scenario)." >&2
    exit 1
  fi
  rm -f "$db" "$db"-*
}

install_wrk_and_build

# Known only to this run's service and its token files; never printed.
secret=$(head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=')
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
: > "$work/results.tsv"
: > "$work/verify.txt"

echo "Rounds: $ROUNDS; scenarios: $SCENARIOS; connections: $CONNECTIONS; ${DURATION}s each after a ${WARMUP}s warm-up; floor ${FLOOR_DURATION}s; idempotency keys: $IDEMPOTENCY_KEYS; read scenarios on $READ_ORDERS orders, pages of $PAGE_SIZE."
for round in $(seq 1 "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    case $scenario in
      detail | list) measure_reads "$round" "$scenario" ;;
      *) measure "$round" "$scenario" ;;
    esac
  done
done

mkdir -p bench/results
report="bench/results/$stamp.md"
{
  echo "# OrderPlatform bench, $stamp"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' with uncommitted changes')"
  echo "- $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); database in $work on $(findmnt -no SOURCE,FSTYPE --target "$work" | tr -s ' ')"
  echo "- ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=\"$CONNECTIONS\" FLOOR_DURATION=$FLOOR_DURATION USERS=$USERS READ_ORDERS=$READ_ORDERS PAGE_SIZE=$PAGE_SIZE"
  echo
  bench_tool report --results "$work/results.tsv"
  echo
  echo "Verification:"
  echo
  sed 's/^/    /' "$work/verify.txt"
} > "$report"
echo
cat "$report"
echo
echo "Written to $report"
