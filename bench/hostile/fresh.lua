-- wrk: the first scan of stamps never scanned before, the dearest genuine scan (the stamp is read from PostgreSQL,
-- then kept in memory). Codes come from the file named by GENUINE, each used once: the threads take turns through
-- the list, and a thread stops when the list is used up. Every scan names a new visitor network in X-Forwarded-For
-- (the portal trusts 127.0.0.1 as its proxy here), as the first scans of stamps sold across the country would.
-- wrk runs on until its duration even when every thread has stopped, so the rate is taken from the threads' own
-- clocks: answers over the time from the first request to the last answer.
local now = dofile("bench/clock.lua")
started = nil
last = nil
local codes = {}
local threads = {}
local next_code
local step
statuses = {}

function setup(thread)
  thread:set("first", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("GENUINE")) do
    codes[#codes + 1] = line
  end
  next_code = first
  step = tonumber(os.getenv("WRK_THREADS") or "2")
end

function request()
  started = started or now()
  if next_code > #codes then
    wrk.thread:stop()
    next_code = #codes
  end
  local code = codes[next_code]
  next_code = next_code + step
  return wrk.format("GET", code, {
    ["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) Mobile bench",
    ["X-Forwarded-For"] = "100." .. (64 + math.random(63)) .. "." .. math.random(255) .. ".9"})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  last = now()
end

function done(summary, latency, requests)
  local ok, from, to = 0, nil, nil
  for _, thread in ipairs(threads) do
    ok = ok + (thread:get("statuses")[200] or 0)
    local s, l = thread:get("started"), thread:get("last")
    if s and (from == nil or s < from) then from = s end
    if l and (to == nil or l > to) then to = l end
  end
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d s200=%d\n",
    ok / ((to - from) / 1000),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, ok))
end
