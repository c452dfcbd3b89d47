-- GET /actuator/health/liveness; prints the percentiles as webhook.lua and intake.lua do.
wrk.path = "/actuator/health/liveness"

function done(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, summary.errors.status))
end
