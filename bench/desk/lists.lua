-- wrk script: the producers and products desks' lists as officers use them (search without accents, filters,
-- sorts, pages), signed in with a session cookie.
--   COOKIE='__Host-ocop_session=...' wrk -t2 -c4 -d30s --latency -s bench/desk/lists.lua http://localhost:8095
-- LISTS=products or LISTS=producers keeps one list only.
local cookie = os.getenv("COOKIE") or ""
local only = os.getenv("LISTS")
local paths = {}
local products = {
  "/admin/products", "/admin/products?q=ca+phe", "/admin/products?q=mat+ong+dac+biet", "/admin/products?q=tra",
  "/admin/products?stars=4", "/admin/products?state=EXPIRING", "/admin/products?group=01&stars=5&sort=STARS",
  "/admin/products?province=01", "/admin/products?type=COOPERATIVE&sort=UPDATED", "/admin/products?page=200",
  "/admin/products?q=huu+co&province=66&sort=PRODUCER", "/admin/products?q=8938", "/admin/products?sort=STARS&page=50",
}
local producers = {
  "/admin/producers", "/admin/producers?q=htx", "/admin/producers?province=01", "/admin/producers?type=ENTERPRISE",
  "/admin/producers?sort=UPDATED", "/admin/producers?q=lua+van+phuc",
}
if only ~= "producers" then for _, p in ipairs(products) do paths[#paths + 1] = p end end
if only ~= "products" then for _, p in ipairs(producers) do paths[#paths + 1] = p end end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f req/s, %d errors, %d not 200\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.errors.status))
end
