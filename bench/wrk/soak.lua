-- The soak's load (bench/soak.sh): a mix of the reader's pages and a trickle of editor mutations, each connection
-- pausing between requests so the total rate stays near a target (wrk's delay(); a closed loop with think time).
--
-- Environment:
--   SOAK_QUERIES     directory of the documents (bench/queries/newsapi): home, article, ticker, tag, search
--   SOAK_VALUES      directory of article.values, tag.values, search.values (one value a line)
--   SOAK_DELAY_MS    pause before each request on a connection (0: as fast as it goes, to measure capacity)
--   SOAK_KEY         an editor key; with it, one request in SOAK_MUTATION_EVERY is a createTickerItem that
--                    expires two minutes later (so the ticker's expiry runs too)
--   SOAK_MUTATION_EVERY
--
-- Mix of reads: home 35 %, article 25 %, ticker 15 %, tag 15 %, search 10 %. Every response is checked: non-2xx
-- or a body with "errors" counts as bad. done() prints: RESULT requests/s p50 ms p99 ms requests bad mutations

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

local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
local pages = {}
local delay_ms = 0
local key = ""
local mutation_every = 0
local sent = 0

local function add_page(name, weight, variable)
  local query = read_file(os.getenv("SOAK_QUERIES") .. "/" .. name .. ".graphql"):gsub("%s+$", "")
  local bodies = {}
  if variable then
    for line in io.lines(os.getenv("SOAK_VALUES") .. "/" .. name .. ".values") do
      if line ~= "" then
        table.insert(bodies, '{"query":' .. json_string(query) .. ',"variables":{"' .. variable .. '":' .. json_string(line) .. '}}')
      end
    end
  else
    bodies = { '{"query":' .. json_string(query) .. '}' }
  end
  local requests = {}
  for _, body in ipairs(bodies) do
    table.insert(requests, wrk.format("POST", wrk.path, headers, body))
  end
  for _ = 1, weight do table.insert(pages, requests) end
end

function init(args)
  local id = wrk.thread:get("id") or 1
  math.randomseed(os.time() * 100 + id)
  bad = 0
  mutations = 0
  delay_ms = tonumber(os.getenv("SOAK_DELAY_MS") or "0")
  key = os.getenv("SOAK_KEY") or ""
  mutation_every = tonumber(os.getenv("SOAK_MUTATION_EVERY") or "0")
  -- weights in twentieths: 7 home, 5 article, 3 ticker, 3 tag, 2 search
  add_page("home", 7, nil)
  add_page("article", 5, "slug")
  add_page("ticker", 3, nil)
  add_page("tag", 3, "slug")
  add_page("search", 2, "q")
end

function delay()
  return delay_ms
end

local mutation = 'mutation($input: CreateTickerItemInput!) { createTickerItem(input: $input) { tickerItem { id } userErrors { code message } } }'

function request()
  sent = sent + 1
  if key ~= "" and mutation_every > 0 and sent % mutation_every == 0 then
    mutations = mutations + 1
    local expires = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 120)
    local headline = "soak " .. (wrk.thread:get("id") or 1) .. "-" .. sent
    local body = '{"query":' .. json_string(mutation) .. ',"variables":{"input":{"headline":' .. json_string(headline)
      .. ',"expiresAt":"' .. expires .. '"}}}'
    return wrk.format("POST", wrk.path,
      { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["X-Api-Key"] = key }, body)
  end
  local requests = pages[math.random(#pages)]
  return requests[math.random(#requests)]
end

function response(status, headers, body)
  if status < 200 or status > 299 or string.find(body, '"errors"', 1, true)
      or string.find(body, '"userErrors":[{', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local bad_total, mutations_total = 0, 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    mutations_total = mutations_total + (thread:get("mutations") or 0)
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT\t%.2f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, bad_total + socket_errors, mutations_total))
end
