-- wrk script: the read scenarios. Each request comes from a random bench buyer with its own token and
-- reads that buyer's own orders; every answer is checked against the orders populate wrote.
--   detail: GET /api/order/detail?order_id=<number> of a random bench order (R61). The answer must be
--           code 0 and be that order: an order of the targets file, with its id, number and buyer.
--   list:   GET /api/orders?current=<page>&pageSize=<size> of a random buyer (R62), page 1 every other
--           request and otherwise a random deeper page of that buyer's orders. The answer must be
--           code 0 and a full page of one buyer's orders: consecutive, newest first, starting at a
--           page boundary, with total = that buyer's orders.
-- wrk does not say which request an answer belongs to, so an answer is checked against the data, not
-- against its own request. Only answers that fail a check are written, one line each, for
-- `OrderPlatform.Bench verify-reads`: "refused ERROR" (code not 0), "failed STATUS REASON" (not HTTP 200,
-- or code 0 with the wrong content); at the end "checked N" (the code-0 answers that passed) and
-- "socket-errors N".
-- Settings come from the environment, set by bench/run.sh:
--   BENCH_SCENARIO      detail | list
--   BENCH_TOKENS        file of "USER_ID<TAB>TOKEN" lines, written by `OrderPlatform.Bench prepare`
--   BENCH_TARGETS       file of "USER_ID<TAB>ID<TAB>ORDER_NUMBER" lines, oldest first per buyer, written by populate
--   BENCH_PAGE_SIZE     pageSize of the list requests
--   BENCH_ANSWERS       file the failed checks and the summary lines are appended to
--   BENCH_RESULTS       results file the summary line is appended to (see ResultRow.cs)
--   BENCH_ROUND, BENCH_LOAD   the round number and the connection count, for the summary line and the random seed

local threads = {}

function setup(thread)
  -- One thread keeps the counters; bench/run.sh always passes -t1.
  if #threads > 0 then
    error("read-orders.lua runs with one wrk thread (-t1)")
  end
  table.insert(threads, thread)
end

local scenario, page_size, answers
local tokens = {}       -- buyer id -> token
local numbers = {}      -- all bench order numbers, for detail
local order_of = {}     -- order number -> { id, buyer }
local buyers = {}       -- bench buyers with orders, for list
local newest_first = {} -- buyer id -> its order ids, newest first
local position = {}     -- order id -> its place in its buyer's newest_first
local sent = 0
checked, refused, failed = 0, 0, 0

function init(args)
  scenario = os.getenv("BENCH_SCENARIO")
  if scenario ~= "detail" and scenario ~= "list" then
    error("BENCH_SCENARIO must be detail or list")
  end
  page_size = tonumber(os.getenv("BENCH_PAGE_SIZE"))
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    local buyer, token = line:match("^(%d+)\t(.+)$")
    tokens[buyer] = token
  end
  local oldest_first = {}
  for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local buyer, id, number = line:match("^(%d+)\t(%d+)\t(%d+)$")
    numbers[#numbers + 1] = number
    order_of[number] = { id = id, buyer = buyer }
    if not oldest_first[buyer] then
      oldest_first[buyer] = {}
      buyers[#buyers + 1] = buyer
    end
    table.insert(oldest_first[buyer], id)
  end
  for buyer, ids in pairs(oldest_first) do
    local list = {}
    for i = #ids, 1, -1 do
      list[#list + 1] = ids[i]
      position[ids[i]] = #list
    end
    newest_first[buyer] = list
  end
  -- The same requests in every run of the same round and load.
  math.randomseed(tonumber(os.getenv("BENCH_ROUND")) * 1000 + (tonumber(os.getenv("BENCH_LOAD")) or 0))
  answers = io.open(os.getenv("BENCH_ANSWERS"), "a")
  answers:setvbuf("line")
end

function request()
  sent = sent + 1
  if scenario == "detail" then
    local number = numbers[math.random(#numbers)]
    return wrk.format("GET", "/api/order/detail?order_id=" .. number, { ["token"] = tokens[order_of[number].buyer] })
  end
  local buyer = buyers[math.random(#buyers)]
  local pages = math.ceil(#newest_first[buyer] / page_size)
  local page = 1
  if sent % 2 == 0 and pages > 1 then
    page = math.random(2, pages)
  end
  return wrk.format("GET", "/api/orders?current=" .. page .. "&pageSize=" .. page_size, { ["token"] = tokens[buyer] })
end

-- The order members each answer starts with (OrderDto's order): id, order number, payment id, buyer.
local order_start = '{"id":(%d+),"order_id":"(%d+)","payment_id":"[^"]*","user_id":(%d+),'

local detail_start = '^{"code":0,"msg":"","data":' .. order_start
local page_prefix = '{"code":0,"msg":"","data":['

local function detail_is_right(body)
  local id, number, buyer = body:match(detail_start)
  local expected = number and order_of[number]
  return expected ~= nil and expected.id == id and expected.buyer == buyer
end

-- An order's start, matched only where a plain search found '{"id":'. gmatch would try the pattern at
-- every byte of the ~11 kB page, which cost wrk more CPU than the service spent answering, on the same
-- two cores (docs/performance.md).
local order_start_here = '^' .. order_start

local function orders_in(body)
  local at = 1
  return function()
    while true do
      at = body:find('{"id":', at, true)
      if not at then
        return nil
      end
      local id, number, owner = body:match(order_start_here, at)
      at = at + 6
      if id then
        return id, number, owner
      end
    end
  end
end

local function page_is_right(body)
  -- The envelope's two ends, each matched where it must be, for the same reason.
  local total = body:match('%],"total":(%d+)}$', #body - 40)
  if not total or body:sub(1, #page_prefix) ~= page_prefix then
    return false
  end
  local buyer, ids, first = nil, nil, nil
  local count = 0
  for id, number, owner in orders_in(body) do
    count = count + 1
    if count == 1 then
      buyer, ids, first = owner, newest_first[owner], position[id]
      if not ids or not first or (first - 1) % page_size ~= 0 then
        return false
      end
    end
    local known = order_of[number]
    if owner ~= buyer or ids[first + count - 1] ~= id or not known or known.id ~= id then
      return false
    end
  end
  return count > 0 and tonumber(total) == #ids and count == math.min(page_size, #ids - first + 1)
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
    answers:write("failed ", status, " ", body:match('"error":"([^"]*)"') or "no-envelope", "\n")
  elseif not body:find('^{"code":0,') then
    refused = refused + 1
    answers:write("refused ", body:match('"error":"([^"]*)"') or "unknown", "\n")
  elseif (scenario == "detail" and detail_is_right(body)) or (scenario == "list" and page_is_right(body)) then
    checked = checked + 1
  else
    failed = failed + 1
    answers:write("failed 200 wrong_", scenario, "\n")
  end
end

function done(summary, latency, requests)
  local thread = threads[1]
  local errors = summary.errors
  -- Socket errors and timeouts have no answer to check; they count as failed.
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local record = io.open(os.getenv("BENCH_ANSWERS"), "a")
  record:write("checked ", thread:get("checked"), "\n", "socket-errors ", socket_errors, "\n")
  record:close()
  local results = io.open(os.getenv("BENCH_RESULTS"), "a")
  results:write(string.format("%d\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\n",
    tonumber(os.getenv("BENCH_ROUND")), os.getenv("BENCH_SCENARIO"), os.getenv("BENCH_LOAD"),
    thread:get("checked"), summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    thread:get("refused"), thread:get("failed") + socket_errors))
  results:close()
end
