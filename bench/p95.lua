-- wrk script: one machine-readable line with p50/p95 latency (ms) and requests per second.
-- With BENCH_UNCACHED=1 every request carries a new query string (?nocache=N), so no cached page can answer it:
-- the page is built from the database each time, as it is after any save anywhere.
if os.getenv("BENCH_UNCACHED") == "1" then
  local threads = 0
  setup = function(thread) threads = threads + 1; thread:set("tag", threads) end
  counter = 0
  request = function()
    counter = counter + 1
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "nocache=" .. tag .. "-" .. counter)
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT p50=%.2f p95=%.2f rps=%.1f errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests / seconds,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
