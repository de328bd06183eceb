-- wrk script for server_bench.sh: each request takes the next URL of a list (one path per
-- line, read from the file named after `--`), each wrk thread starting at its own place in
-- the list; done() prints one line the bench script parses.
local urls = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then urls[#urls + 1] = line end
  end
  counter = (id or 0) * 7
end

function request()
  counter = counter + 1
  return wrk.format("GET", urls[(counter % #urls) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
