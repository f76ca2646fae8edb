-- wrk: every request a different stamp (round robin over the codes in the file named by the PATHS
-- environment variable), so the portal answers distinct codes, not one cached page.
local paths = {}
local counter = 0

function init(args)
  local file = assert(io.open(os.getenv("PATHS") or "paths.txt", "r"))
  for line in file:lines() do
    paths[#paths + 1] = line
  end
  file:close()
  -- Each wrk thread starts at a different place in the list.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], {["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) Mobile bench"})
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
