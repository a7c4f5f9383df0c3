-- wrk script for bench/load.py: each connection requests the paths given after "--" in turn, and
-- at the end one JSON line reports the latency (ms) and the errors of this wrk run.
-- Status errors are responses of 400 and up (wrk counts those); socket errors are connect, read,
-- write and timeout.

local paths = {}
local next_path = 0

function init(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "p50_ms": %.1f, "p95_ms": %.1f, "max_ms": %.1f, "socket_errors": %d, "status_errors": %d}\n',
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
