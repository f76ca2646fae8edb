-- Paces a wrk script to a fixed total rate: RATE requests a second over all threads (THREADS, default 2: give the
-- same number as wrk -t) and their connections. wrk has no rate option and wrk2 is not packaged here. Each thread
-- keeps its own schedule of RATE / THREADS requests a second; each request waits for its thread's next slot. When
-- the server falls behind a request goes at once, without catching up, so the achieved rate (wrk's req/s) shows it.
-- Latency is measured by wrk from the request's sending, so the wait is not counted. Use: at the end of a script,
--   dofile("bench/pace.lua")        (does nothing unless RATE is set)
local rate = tonumber(os.getenv("RATE") or "")
if rate and rate > 0 then
  local now = dofile("bench/clock.lua")
  local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
  local free
  delay = function()
    local at = now()
    local slot = math.max(free or at, at)
    free = slot + interval
    return math.floor(slot - at)
  end
end
