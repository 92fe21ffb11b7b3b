-- wrk script: POST /api/order/create for one scenario, each request from the next bench buyer in turn,
-- and (scenario "second") with the next unused coupon code. Every answer is recorded, one line each,
-- for `OrderPlatform.Bench verify`: "order ID", "refused ERROR" or "failed STATUS ERROR".
-- Settings come from the environment, set by bench/run.sh:
--   BENCH_SCENARIO      single | second
--   BENCH_TOKENS        file of "USER_ID<TAB>TOKEN" lines, written by `OrderPlatform.Bench prepare`
--   BENCH_ANSWERS       file the answers are appended to
--   BENCH_CODE_START    first coupon code number of this run (BENCH-<number>, made by prepare)
--   BENCH_CODE_COUNT    how many codes this run may use
--   BENCH_RESULTS       results file the summary line is appended to (see ResultRow.cs)
--   BENCH_ROUND, BENCH_LOAD   the round number and the connection count, for the summary line
--   BENCH_IDEMPOTENCY_KEYS    1: each request carries an Idempotency-Key of its own (R55), 0: none
-- The bodies are the ones FloorScenarios.cs describes; the address is BenchData.Address.

local single_body = '{"goods_id":188,"quantity":1,"type":"goods","remark":"普通商品订单"}'
local second_body_before_code = '{"details":[{"goods_id":1,"quantity":2,"goods_sku_id":1},{"goods_id":2,"quantity":1,"goods_sku_id":3}],'
  .. '"type":"goods","address":{"name":"王先生","phone":"13888888888","province":"河南省","city":"郑州市","country":"中原区",'
  .. '"address_info":"中原西路233号","postcode":"450000"},"remark":"多商品订单","coupon_code":"BENCH-'
local second_body_after_code = '"}'

local threads = {}

function setup(thread)
  -- One thread keeps one counter for buyers and coupon codes; bench/run.sh always passes -t1.
  if #threads > 0 then
    error("create-order.lua runs with one wrk thread (-t1)")
  end
  table.insert(threads, thread)
end

local scenario, tokens, answers, code_start, code_count, key_prefix
local sent = 0
orders, refused, failed = 0, 0, 0

function init(args)
  scenario = os.getenv("BENCH_SCENARIO")
  if scenario ~= "single" and scenario ~= "second" then
    error("BENCH_SCENARIO must be single or second")
  end
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line:match("^%d+\t(.+)$")
  end
  code_start = tonumber(os.getenv("BENCH_CODE_START") or "0")
  code_count = tonumber(os.getenv("BENCH_CODE_COUNT") or "0")
  answers = io.open(os.getenv("BENCH_ANSWERS"), "a")
  if os.getenv("BENCH_IDEMPOTENCY_KEYS") == "1" then
    -- Unique within the round's database: the round and load name the run, the counter the request.
    key_prefix = "bench-" .. os.getenv("BENCH_ROUND") .. "-" .. os.getenv("BENCH_LOAD") .. "-"
  end
  -- Line-buffered, so every answer is on disk even when wrk ends the thread without closing the file.
  answers:setvbuf("line")
end

function request()
  local body = single_body
  if scenario == "second" then
    if sent == code_count then
      -- Reusing a code would only measure refusals: stop, and let verify report it.
      answers:write("exhausted\n")
      wrk.thread:stop()
    end
    body = second_body_before_code .. (code_start + sent % code_count) .. second_body_after_code
  end
  local token = tokens[sent % #tokens + 1]
  local headers = { ["Content-Type"] = "application/json", ["token"] = token }
  if key_prefix then
    headers["Idempotency-Key"] = key_prefix .. sent
  end
  sent = sent + 1
  return wrk.format("POST", "/api/order/create", headers, body)
end

function response(status, headers, body)
  local id = status == 200 and body:match('^{"code":0,"msg":"","data":{"id":(%d+),')
  if id then
    orders = orders + 1
    answers:write("order ", id, "\n")
  elseif status == 200 then
    refused = refused + 1
    answers:write("refused ", body:match('"error":"([^"]*)"') or "unknown", "\n")
  else
    failed = failed + 1
    answers:write("failed ", status, " ", body:match('"error":"([^"]*)"') or "no-envelope", "\n")
  end
end

function done(summary, latency, requests)
  local thread = threads[1]
  local errors = summary.errors
  -- Socket errors and timeouts have no answer to record; they count as failed.
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local results = io.open(os.getenv("BENCH_RESULTS"), "a")
  results:write(string.format("%d\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\n",
    tonumber(os.getenv("BENCH_ROUND")), os.getenv("BENCH_SCENARIO"), os.getenv("BENCH_LOAD"),
    thread:get("orders"), summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    thread:get("refused"), thread:get("failed") + socket_errors))
  results:close()
end
