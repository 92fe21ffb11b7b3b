# Sourced by bench/run.sh and bench/lines/run.sh: building, starting and stopping the service under test.
# The caller calls start_run first, and sets secret (the run's token secret, never printed) before
# start_service. The service runs on 127.0.0.1 only.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
readonly api_dir=src/Api/bin/Release/net10.0
readonly bench_dll=bench/OrderPlatform.Bench/bin/Release/net10.0/OrderPlatform.Bench.dll
readonly HEALTH_WAIT=60 STOP_WAIT=30

# The run's temporary folder ($work); on exit the service is stopped and the folder removed.
start_run() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/orderplatform-$1.XXXXXX")
  server_pid=""
  trap 'stop_service; rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
}

bench_tool() { dotnet "$bench_dll" "$@"; }

# wrk from the Debian package when it is missing (as root), then the service and the bench tool in Release.
install_wrk_and_build() {
  if ! command -v wrk > /dev/null; then
    echo "Installing wrk (Debian package)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }
  fi

  echo "Building Release..."
  dotnet build src/Api -c Release -nologo -v quiet > "$work/build.log" 2>&1 \
    && dotnet build bench/OrderPlatform.Bench -c Release -nologo -v quiet >> "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    # A refused connection means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# The service as configured: run from its output folder, so that its appsettings.json (and so its logging) applies.
# The bench's buyers place far more than R56's 30 orders a minute each, so the limiter stays on but is set never to refuse.
start_service() {
  local db=$1 log=$2 port=$3
  (
    cd "$api_dir"
    exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__OrderPlatform="Data Source=$db" \
      Auth__TokenSecret="$secret" Seed__Demo=true RateLimits__CreateOrderPerMinute=1000000000 \
      dotnet OrderPlatform.Api.dll --urls "http://127.0.0.1:$port"
  ) > "$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 "$HEALTH_WAIT"); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "The service exited during start; its log ends with:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
      return
    fi
    sleep 1
  done
  echo "The service was not healthy after ${HEALTH_WAIT}s; its log ends with:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

stop_service() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 "$STOP_WAIT"); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
