-- Paces a wrk script to a fixed total rate: RATE requests a second over all threads (THREADS, default 2: give the
-- same number as wrk -t) and their connections. wrk has no rate option and wrk2 is not packaged here. Each thread
-- keeps its own schedule of RATE / THREADS requests a second; each request waits for its thread's next slot. When
-- the server falls behind a request goes at once, without catching up, so the achieved rate (wrk's req/s) shows it.
-- Latency is measured by wrk from the request's sending, so the wait is not counted. Use: at the end of a script,
--   dofile("bench/pace.lua")        (does nothing unless RATE is set)
local rate = tonumber(os.getenv("RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_usec; } pace_timeval;
    int gettimeofday(pace_timeval *tv, void *tz);
  ]]
  local clock = ffi.new("pace_timeval")
  local function now()
    ffi.C.gettimeofday(clock, nil)
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
  end
  local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
  local free
  delay = function()
    local at = now()
    local slot = math.max(free or at, at)
    free = slot + interval
    return math.floor(slot - at)
  end
end
