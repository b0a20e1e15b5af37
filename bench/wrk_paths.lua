-- wrk script: each request takes the next path of a file (one path per line), each thread
-- starting at its own offset, so that the load is a varied mix and not one repeated URL.
-- Usage: wrk ... -s bench/wrk_paths.lua http://host:port -- paths.txt
-- At the end, prints one JSON line the benchmark script reads (requests, p50, p95, errors).
local paths = {}
local position = 1
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  position = (offset or 0) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, errors))
end
