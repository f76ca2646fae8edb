-- wrk script: a mix of catalogue searches as visitors type them (no diacritics, typos, facets, sorts, pages).
-- wrk -t2 -c8 -d30s -s bench/catalogue.lua http://localhost:8092          (pages: /products)
-- API=1 wrk -t2 -c8 -d30s -s bench/catalogue.lua http://localhost:8092    (JSON: /api/v1/products)
local base = os.getenv("API") and "/api/v1/products" or "/products"
local queries = {
  "?q=ca+phe", "?q=ca+phe+dak+lak", "?q=nuoc+mam", "?q=che+tan+cuong", "?q=mat+ong&stars=4",
  "?q=robsta", "?q=xoai+cat", "?q=ruou", "?group=01&stars=5", "?province=66", "?q=tra&sort=stars",
  "?q=khan+lua", "?q=dak+lak&group=01&producerType=COOPERATIVE", "?sort=newest&page=3", "?q=huu+co+dac+biet",
  "?q=yen+sao", "?q=b%C6%B0%E1%BB%9Fi", "?q=sam+ngoc+linh", "?group=04&page=2", "?q=qua+bieu&sort=stars"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", base .. queries[(i % #queries) + 1])
end
-- Each answer says in its Server-Timing header how long the portal waited for the search engine: collected per
-- thread, then the same percentiles are reported, and the portal's overhead as the ratio of the medians.
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
search = {}
render = {}
response = function(status, headers, body)
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    local ms = string.match(timing, "search;dur=([%d.]+)")
    if ms then search[#search + 1] = tonumber(ms) end
    ms = string.match(timing, "render;dur=([%d.]+)")
    if ms then render[#render + 1] = tonumber(ms) end
  end
end
local function percentile(values, p)
  if #values == 0 then return 0 end
  return values[math.max(1, math.ceil(#values * p / 100))]
end
done = function(summary, latency, requests)
  local function collect(name)
    local values = {}
    for _, thread in ipairs(threads) do
      for _, ms in ipairs(thread:get(name) or {}) do values[#values + 1] = ms end
    end
    table.sort(values)
    return values
  end
  local all = collect("search")
  local rendering = collect("render")
  local p50 = latency:percentile(50) / 1000
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f req/s, %d errors;"
      .. " of which search p50 %.1f ms, p95 %.1f ms, p99 %.1f ms: total/search at p50 %.2f\n",
    p50, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    percentile(all, 50), percentile(all, 95), percentile(all, 99), p50 / math.max(percentile(all, 50), 0.001)))
  io.write(string.format("MEAN %.3f\n", latency.mean / 1000))
  if #rendering > 0 then
    io.write(string.format("  rendering p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
      percentile(rendering, 50), percentile(rendering, 95), percentile(rendering, 99)))
  end
end
dofile("bench/pace.lua")
