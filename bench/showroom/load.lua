-- wrk script: the display points' API near varied places, and product pages with "where to buy" near a place, at a
-- fixed total rate (bench/pace.lua: RATE requests a second over THREADS threads; wrk's latencies leave the wait out).
--   RATE=100 THREADS=2 KIND=api PLACES=places.txt SLUGS=slugs.txt \
--     wrk -t2 -c10 -d30s --latency -s bench/showroom/load.lua http://localhost:8096
-- KIND=api: /api/v1/display-points?near=lat,lon&radiusKm=r; KIND=product: /products/{slug}?lat=…&lon=…;
-- KIND=plain: /products/{slug} without a place (the product page's own cost, for reference).
-- PLACES: one "latitude longitude" a line (the points' places); SLUGS: one product slug a line (stocked products).
local kind = os.getenv("KIND") or "api"
local radii = { 5, 10, 25, 50 }

local function lines(path)
  local all = {}
  for line in io.lines(path) do
    if line ~= "" then all[#all + 1] = line end
  end
  return all
end

local places, slugs, counter

function init(args)
  places = {}
  for _, line in ipairs(lines(os.getenv("PLACES") or "places.txt")) do
    local lat, lon = line:match("^(%S+)%s+(%S+)$")
    places[#places + 1] = { tonumber(lat), tonumber(lon) }
  end
  slugs = lines(os.getenv("SLUGS") or "slugs.txt")
  counter = 0
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

-- Near one of the points' places, up to about 20 km off it: every request a different place.
local function somewhere()
  local p = places[math.random(#places)]
  return string.format("%.5f", p[1] + (math.random() - 0.5) * 0.36),
         string.format("%.5f", p[2] + (math.random() - 0.5) * 0.36)
end

function request()
  counter = counter + 1
  local lat, lon = somewhere()
  local path
  if kind == "product" then
    path = "/products/" .. slugs[(counter % #slugs) + 1] .. "?lat=" .. lat .. "&lon=" .. lon
  elseif kind == "plain" then
    path = "/products/" .. slugs[(counter % #slugs) + 1]
  else
    path = "/api/v1/display-points?near=" .. lat .. "," .. lon .. "&radiusKm=" .. radii[(counter % #radii) + 1]
  end
  return wrk.format("GET", path, { ["Accept"] = kind == "api" and "application/json" or "text/html" })
end

function done(summary, latency, requests)
  io.write(string.format(
    "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f req/s, %d errors, %d not 200\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.errors.status))
end

dofile("bench/pace.lua")
