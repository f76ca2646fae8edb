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
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f req/s, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
