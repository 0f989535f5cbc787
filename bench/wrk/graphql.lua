-- One GraphQL operation as wrk load, over POST or GET, for NewsApi and PostGraphile alike.
--
-- Environment (set by bench/run.sh):
--   BENCH_METHOD       POST (application/json body) or GET (query string)
--   BENCH_QUERY_FILE   the document (bench/queries/<server>/<operation>.graphql)
--   BENCH_VARIABLE     the name of the one String variable the document takes, if any
--   BENCH_VALUES_FILE  its values, one a line; each request picks one at random
--   BENCH_BAD_MARKER   optional: a response body containing this text counts as bad too (search.sh passes
--                      '"nodes":[]' with queries that must all find something)
--
-- Requests are formatted once per thread in init(), so wrk spends its time sending, not building strings.
-- Every response is checked: a non-2xx status or a body carrying "errors" counts as bad, so a fast wrong
-- answer cannot pass for a fast right one. done() prints one tab-separated line bench/run.sh reads:
--   RESULT  requests/s  p50 ms  p99 ms  requests  bad (non-2xx + GraphQL errors + socket errors)

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function json_string(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == "\\" then return "\\\\" end
    if c == "\n" then return "\\n" end
    return string.format("\\u%04x", c:byte())
  end)
  return '"' .. s .. '"'
end

local function uri_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local requests = {}

function init(args)
  local id = wrk.thread:get("id") or 1
  math.randomseed(os.time() * 100 + id)
  bad = 0
  local method = os.getenv("BENCH_METHOD") or "POST"
  local query = read_file(os.getenv("BENCH_QUERY_FILE")):gsub("%s+$", "")
  local variable = os.getenv("BENCH_VARIABLE") or ""
  local values = { false }
  if variable ~= "" then
    values = {}
    for line in io.lines(os.getenv("BENCH_VALUES_FILE")) do
      if line ~= "" then table.insert(values, line) end
    end
  end
  local path = wrk.path
  for _, value in ipairs(values) do
    local variables = value and ('{' .. json_string(variable) .. ':' .. json_string(value) .. '}') or nil
    if method == "GET" then
      local qs = "?query=" .. uri_encode(query)
      if variables then qs = qs .. "&variables=" .. uri_encode(variables) end
      table.insert(requests, wrk.format("GET", path .. qs, { ["Accept"] = "application/json" }))
    else
      local body = '{"query":' .. json_string(query) .. (variables and (',"variables":' .. variables) or "") .. '}'
      table.insert(requests, wrk.format("POST", path,
        { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body))
    end
  end
end

function request()
  return requests[math.random(#requests)]
end

local bad_marker = os.getenv("BENCH_BAD_MARKER") or ""

function response(status, headers, body)
  if status < 200 or status > 299 or string.find(body, '"errors"', 1, true)
      or (bad_marker ~= "" and string.find(body, bad_marker, 1, true)) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT\t%.2f\t%.3f\t%.3f\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, bad_total + socket_errors))
end
