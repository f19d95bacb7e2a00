-- wrk script for the benchmarks (bench/serve.py): counts the statuses across threads and prints
-- one JSON line at the end with the latency percentiles.
-- With BENCH_WRK_BODIES=<file> every request is a POST of one line of that file
-- ("<bearer token>\t<JSON body>"), each thread taking every n-th line; a thread that has sent all
-- its lines starts again (the run then counts repeats, which the caller reports).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  repeats = 0
  lines = nil
  local path = os.getenv("BENCH_WRK_BODIES")
  if path then
    lines = {}
    local nthreads = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
    local n = 0
    for line in io.lines(path) do
      if n % nthreads == id then
        local tab = string.find(line, "\t", 1, true)
        table.insert(lines, {string.sub(line, 1, tab - 1), string.sub(line, tab + 1)})
      end
      n = n + 1
    end
    position = 0
  end
end

function request()
  if lines == nil then
    return wrk.request()
  end
  position = position + 1
  if position > #lines then
    position = 1
    repeats = repeats + 1
  end
  local item = lines[position]
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json",
                                       ["Authorization"] = "Bearer " .. item[1]}, item[2])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  local wrapped = 0
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for k, v in pairs(s) do
      counts[k] = (counts[k] or 0) + v
    end
    wrapped = wrapped + (thread:get("repeats") or 0)
  end
  local parts = {}
  for k, v in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', k, v))
  end
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "repeats": %d, ' ..
    '"statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, wrapped, table.concat(parts, ", ")))
end
