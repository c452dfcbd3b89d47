-- POST /api/v1/orders with a fresh externalId each time.
local counter = 0
local threads = {}
local run = os.getenv("RUN_ID") or tostring(os.time())

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local body_template = [[{"externalId":"%s","shop":"ob-test.myshopify.com",
 "customer":{"email":"buyer%d@example.com","firstName":"Ada","lastName":"Lovelace","phone":"+441234567890"},
 "shippingAddress":{"firstName":"Ada","lastName":"Lovelace","address1":"1 Analytical Way","city":"London","zip":"N1 9GU","countryCode":"GB"},
 "billingAddress":{"firstName":"Ada","lastName":"Lovelace","address1":"1 Analytical Way","city":"London","zip":"N1 9GU","countryCode":"GB"},
 "lineItems":[{"sku":"ENGINE-1","title":"Difference engine","quantity":2,"unitPrice":"19.90"},
              {"sku":"CARD-7","title":"Punched cards","quantity":100,"unitPrice":"0.25"}],
 "currency":"GBP","note":"bench","tags":["bench"]}]]

function request()
  counter = counter + 1
  local external = string.format("bench-%s-%d-%d", run, thread_id, counter)
  return wrk.format("POST", "/api/v1/orders", {
    ["Content-Type"] = "application/json",
    ["X-API-Key"] = "local-write-key-0001",
  }, string.format(body_template, external, counter))
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, summary.errors.status))
end
