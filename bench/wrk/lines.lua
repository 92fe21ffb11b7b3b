-- wrk script for bench/lines/run.sh: POST /api/order/create with BENCH_LINES lines, one per product
-- (the products bench/lines/run.sh adds, ids from BENCH_FIRST_PRODUCT), each request from the next bench
-- buyer in turn. Prints one tab-separated summary line at the end:
--   orders  seconds  p50_ms  p99_ms  refused_or_failed
-- Settings (environment): BENCH_LINES, BENCH_FIRST_PRODUCT, BENCH_TOKENS (file of "USER_ID<TAB>TOKEN" lines).

local threads = {}
local tokens, body
local sent = 0
orders, other = 0, 0

function setup(thread)
  -- done() runs outside the thread and reads its counters; bench/lines/run.sh always passes -t1.
  if #threads > 0 then
    error("lines.lua runs with one wrk thread (-t1)")
  end
  table.insert(threads, thread)
end

function init(args)
  local lines = tonumber(os.getenv("BENCH_LINES"))
  local first = tonumber(os.getenv("BENCH_FIRST_PRODUCT"))
  local details = {}
  for i = 0, lines - 1 do
    details[#details + 1] = '{"goods_id":' .. (first + i) .. ',"quantity":1}'
  end
  body = '{"details":[' .. table.concat(details, ",") .. '],"type":"goods","remark":"lines"}'
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line:match("^%d+\t(.+)$")
  end
end

function request()
  local token = tokens[sent % #tokens + 1]
  sent = sent + 1
  local headers = { ["Content-Type"] = "application/json", ["token"] = token }
  return wrk.format("POST", "/api/order/create", headers, body)
end

function response(status, headers, response_body)
  if status == 200 and response_body:find('^{"code":0,') then
    orders = orders + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local thread = threads[1]
  io.write(string.format("%d\t%.3f\t%.3f\t%.3f\t%d\n", thread:get("orders"), summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, thread:get("other")))
end
