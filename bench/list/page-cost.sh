#!/usr/bin/env bash
# R62: does page 1 of GET /api/orders cost more for a buyer with 100,010 orders than for one with 10?
# Runs the service (Debug build of this checkout, Development, SQLite in a temp folder) on 127.0.0.1,
# places one order for each of users 1000 and 2001 over HTTP, clones them in the database
# (bench/list/clone-orders.py: 100,009 and 9 more, lines included; the triggers keep the counts),
# warms up, then measures page 1 with wrk at 1 and 16 connections, twice, alternating the buyers.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/orderplatform-list.XXXXXX)
port=${PORT:-5091}
seconds=${DURATION:-6}
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$repo"
dotnet build src/Api > /dev/null
start() {
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__OrderPlatform="Data Source=$work/orders.db" Serilog__MinimumLevel__Default=Warning \
    dotnet run --project src/Api --no-build --no-launch-profile -- --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return; sleep 1; done
  cat "$work/server.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
token() { dotnet run --project src/Api --no-build --no-launch-profile -- issue-token --user-id "$1" --environment Development; }
start
many=$(token 1000); few=$(token 2001)
for t in "$many" "$few"; do
  curl -fsS "http://127.0.0.1:$port/api/order/create" -H "token: $t" -H 'Content-Type: application/json' -d '{"goods_id":188,"quantity":1}' > /dev/null
done
stop
python3 bench/list/clone-orders.py "$work/orders.db" 1000 100009
python3 bench/list/clone-orders.py "$work/orders.db" 2001 9
start
wrk -t1 -c16 -d"${seconds}s" -H "token: $many" "http://127.0.0.1:$port/api/orders?pageSize=10" > /dev/null
for round in 1 2; do
  for who in "2001:$few" "1000:$many"; do
    user=${who%%:*}; tok=${who#*:}
    for connections in 1 16; do
      wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "token: $tok" "http://127.0.0.1:$port/api/orders?pageSize=10" \
        | awk -v r="$round" -v u="$user" -v c="$connections" '/Requests\/sec/{rps=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2}
            END{printf "round %s, user %s, %2s connections: %8s req/s, p50 %s, p99 %s\n", r, u, c, rps, p50, p99}'
    done
  done
done
