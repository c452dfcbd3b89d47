-- Posts signed orders/create deliveries from DELIVERIES (made by make_webhooks.py), each with a fresh
-- X-Shopify-Webhook-Id. TRACE=in or TRACE=out sends a W3C traceparent whose flags keep or drop the trace, as a caller's
-- sampling decision would (the service's sampler follows its parent); unset, the service decides.
local deliveries = {}
local counter = 0
local thread_id = 0
local threads = {}
local thread_count = tonumber(os.getenv("THREADS") or "2")
local trace = os.getenv("TRACE")

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("DELIVERIES")) do
    local tab = line:find("\t", 1, true)
    table.insert(deliveries, { line:sub(1, tab - 1), line:sub(tab + 1) })
  end
end

function request()
  counter = counter + 1
  local d = deliveries[((counter * thread_count + thread_id) % #deliveries) + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Shopify-Topic"] = "orders/create",
    ["X-Shopify-Shop-Domain"] = "bench.myshopify.com",
    ["X-Shopify-Webhook-Id"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter),
    ["X-Shopify-Hmac-Sha256"] = d[1],
    ["X-Shopify-API-Version"] = "2026-10",
  }
  if trace then
    headers["traceparent"] = string.format("00-%08x%08x%08x%08x-%08x%08x-%s", math.random(0, 0x7fffffff),
      math.random(0, 0x7fffffff), thread_id, counter, math.random(1, 0x7fffffff), counter,
      trace == "in" and "01" or "00")
  end
  return wrk.format("POST", "/webhooks/shopify", headers, d[2])
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, summary.errors.status))
end
