-- Drives one route with a fixed number of requests and prints RESULT lines (bench/edge-load/run).
-- wrk -t T -c C -d 600s -s fixed-count.lua URL -- <requests per thread> <pace ms> <empty dir> <method> [body] [bearer] [clients file] [address header] [extra header]
--   clients file: lines "<token> <ip>"; each request then acts as the next client in turn (its bearer
--   token and its address in [address header], by default X-Forwarded-For, which the local gateway
--   takes as the viewer's address; the layer run uses X-Stride-Viewer-Address, as CloudFront sets it)
--   extra header: "Name: value" sent with every request (the layer run's origin secret)
--   pace ms: each connection waits this long before its next request (0: as fast as it answers)
-- Each thread stops once it has its share of responses and leaves a file in <empty dir>; when all T
-- are there, the run script interrupts wrk (SIGINT, which wrk handles by ending the run and reporting;
-- once its threads have ended, only wrk's main thread can receive it), since wrk otherwise waits out -d.
-- The totals are read in done().

local threads = {}

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  quota = tonumber(args[1])
  pace = tonumber(args[2])
  donedir = args[3]
  wrk.method = args[4] or "GET"
  if args[5] and args[5] ~= "" then
    wrk.body = args[5]
    wrk.headers["Content-Type"] = "application/json"
  end
  if args[6] and args[6] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[6]
  end
  clients = {}
  if args[7] and args[7] ~= "" then
    for line in io.lines(args[7]) do
      local token, ip = line:match("^(%S+)%s+(%S+)$")
      if token then
        table.insert(clients, { token = token, ip = ip })
      end
    end
  end
  address_header = (args[8] and args[8] ~= "") and args[8] or "X-Forwarded-For"
  if args[9] and args[9] ~= "" then
    local name, value = args[9]:match("^([^:]+):%s*(.*)$")
    if name then
      wrk.headers[name] = value
    end
  end
  next_client = id
  finished = false
  responses = 0
  statuses = {}
  limited_with_headers = 0
  policy = ""
end

function request()
  if #clients == 0 then
    return wrk.format()
  end
  next_client = next_client % #clients + 1
  local client = clients[next_client]
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Authorization"] = "Bearer " .. client.token
  headers[address_header] = client.ip
  return wrk.format(nil, nil, headers, wrk.body)
end

function delay()
  return pace
end

local function header(headers, name)
  for key, value in pairs(headers) do
    if string.lower(key) == name then
      return value
    end
  end
  return nil
end

function response(status, headers, body)
  responses = responses + 1
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if status == 429 then
    local retry = header(headers, "retry-after")
    if retry and tonumber(retry) and header(headers, "ratelimit") and header(headers, "ratelimit-policy") then
      limited_with_headers = limited_with_headers + 1
    end
  end
  if policy == "" then
    policy = header(headers, "ratelimit-policy") or ""
  end
  if responses >= quota and not finished then
    finished = true
    wrk.thread:stop()
    local marker = io.open(donedir .. "/thread-" .. id, "w")
    marker:close()
  end
end

function done(summary, latency, requests)
  local totals = {}
  local limited_ok = 0
  local policies = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + n
    end
    limited_ok = limited_ok + thread:get("limited_with_headers")
    local p = thread:get("policy")
    if p ~= "" then policies[p] = true end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d\n", summary.requests))
  io.write(string.format("RESULT seconds=%.3f\n", seconds))
  io.write(string.format("RESULT rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("RESULT p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("RESULT p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("RESULT errors=%d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for status, n in pairs(totals) do
    io.write(string.format("RESULT status_%s=%d\n", status, n))
  end
  io.write(string.format("RESULT limited_with_headers=%d\n", limited_ok))
  for p, _ in pairs(policies) do
    io.write(string.format("RESULT policy=%s\n", p))
  end
end
