-- wrk script used by bench/compare.sh.
-- WRK_POST_BYTES=n: every request is a POST with an n-byte body (POST echo);
-- unset or 0: plain GET.
-- At the end, one machine-readable line:
--   WRK_RESULT requests duration_us p50_us p99_us connect read write status timeout
-- ("status" counts answers that are not 2xx/3xx).

local size = tonumber(os.getenv("WRK_POST_BYTES") or "0") or 0
if size > 0 then
	wrk.method = "POST"
	wrk.body = string.rep("x", size)
	wrk.headers["Content-Type"] = "application/octet-stream"
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("WRK_RESULT %d %d %.1f %.1f %d %d %d %d %d\n",
		summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
		e.connect, e.read, e.write, e.status, e.timeout))
end
