-- A wall clock in milliseconds for wrk scripts (LuaJIT's ffi: wrk's Lua has no sub-second clock of its own).
-- Use: local now = dofile("bench/clock.lua")
local ffi = require("ffi")
if not pcall(ffi.typeof, "bench_timeval") then
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_usec; } bench_timeval;
    int gettimeofday(bench_timeval *tv, void *tz);
  ]]
end
local clock = ffi.new("bench_timeval")
return function()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
end
