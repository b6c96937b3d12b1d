-- wrk script for scripts/bench-what-if: POST a what-if to one role with the session token, and at the
-- end print the latency percentiles in milliseconds and the count of answers that were not 200.
-- WHATIF_BODY and WHATIF_TOKEN come from the environment.
wrk.method = "POST"
wrk.body = os.getenv("WHATIF_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-PeerPath-Token"] = os.getenv("WHATIF_TOKEN")

-- WHATIF_VARY=1: each request a different what-if, levels drawn at random for factors 3, 4, 7, 12
-- and 13 (4,500 combinations), so that an answer cache cannot answer most of them.
local vary = os.getenv("WHATIF_VARY") == "1"
local ranges = {{"3", 5}, {"4", 5}, {"7", 6}, {"12", 6}, {"13", 5}}

-- WHATIF_THINK_MS=N: each connection waits between N/2 and 3N/2 ms (at random) before its next
-- what-if, as a person does who changes a level and reads the answer; unset, requests go back to back.
local think = tonumber(os.getenv("WHATIF_THINK_MS") or "")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  if not vary then
    return wrk.format()
  end
  local parts = {}
  for _, r in ipairs(ranges) do
    table.insert(parts, string.format('"%s":"%d"', r[1], math.random(1, r[2])))
  end
  return wrk.format(nil, nil, nil, '{"levels":{' .. table.concat(parts, ",") .. '}}')
end

if think then
  function delay()
    return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
  end
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
  end
  io.write(string.format("what-if: requests %d in %.1f s, %.0f a second, answers not 200: %d, socket errors: %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("what-if: latency ms: p50 %.2f, p90 %.2f, p95 %.2f, p99 %.2f, max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("what-if: p95-us %d bad %d\n", latency:percentile(95), bad))
end
