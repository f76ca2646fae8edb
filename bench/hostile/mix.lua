-- wrk: scans of genuine stamps mixed with scans of invented codes. Genuine codes come round robin from the file
-- named by GENUINE; JUNK_PERCENT of the requests (default 50) are invented 20-character codes. Every request names a
-- visitor network in X-Forwarded-For (the portal trusts 127.0.0.1 as its proxy in this benchmark): genuine scans come
-- from many networks, junk from JUNK_NETWORKS networks (default 20), so the per-network limit on invented codes is
-- what the benchmark shows. The summary counts answers by status: 200 genuine, 404 junk answered, 429 junk limited.
local genuine = {}
local counter = 0
local junk_percent = tonumber(os.getenv("JUNK_PERCENT") or "50")
local junk_networks = tonumber(os.getenv("JUNK_NETWORKS") or "20")
local alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("GENUINE") or "genuine.txt", "r"))
  for line in file:lines() do
    genuine[#genuine + 1] = line
  end
  file:close()
  counter = math.random(#genuine)
  math.randomseed(os.time() + counter)
end

local function invented()
  local code = {}
  for i = 1, 20 do
    local n = math.random(#alphabet)
    code[i] = alphabet:sub(n, n)
  end
  return "/q/" .. table.concat(code)
end

function request()
  local headers = {["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) Mobile bench"}
  if math.random(100) <= junk_percent then
    headers["X-Forwarded-For"] = "10.66." .. math.random(junk_networks) .. ".7"
    return wrk.format("GET", invented(), headers)
  end
  counter = counter % #genuine + 1
  headers["X-Forwarded-For"] = "100." .. (64 + math.random(63)) .. "." .. math.random(255) .. ".9"
  return wrk.format("GET", genuine[counter], headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, n in pairs(s) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, status in ipairs({200, 404, 429}) do
    io.write(string.format(" s%d=%d", status, counts[status] or 0))
  end
  io.write("\n")
end
