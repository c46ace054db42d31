function done(summary, latency, requests)
  for _, p in pairs({50, 90, 95, 98, 99, 99.5, 99.9}) do
    io.write(string.format("pct %5.1f %8.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("pct max %8.2f ms\n", latency.max / 1000))
end
