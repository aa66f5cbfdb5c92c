-- wrk script: each request uses the next token of this thread's slice of a token file, so every request (until a
-- slice is used up) names a different contact. Arguments after `--`:
--   method  token-file  path-prefix  form-body (or "")  thread-count
-- Prints one RESULT line: requests, 2xx/3xx, other statuses, socket errors, p50/p99 (ms), req/s.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  table.insert(threads, thread)
  next_id = next_id + 1
end

function init(args)
  method, file, prefix, body = args[1], args[2], args[3], args[4]
  local nthreads = tonumber(args[5])
  local all = {}
  for line in io.lines(file) do all[#all + 1] = line end
  local per = math.floor(#all / nthreads)
  tokens = {}
  for k = (id - 1) * per + 1, id * per do tokens[#tokens + 1] = all[k] end
  i, sent, ok, bad, wrapped = 1, 0, 0, 0, 0
  headers = {}
  if body ~= "" then headers["Content-Type"] = "application/x-www-form-urlencoded" else body = nil end
end

function request()
  local t = tokens[i]
  i = i + 1
  if i > #tokens then i = 1; wrapped = 1 end
  sent = sent + 1
  return wrk.format(method, prefix .. t, headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 400 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local s, o, b, w = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent"); o = o + t:get("ok"); b = b + t:get("bad"); w = w + t:get("wrapped")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d ok=%d bad=%d sent=%d wrapped=%d sockerr=%d timeouts=%d p50=%.3f p99=%.3f rps=%.1f bytes=%d\n",
    summary.requests, o, b, s, w, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.bytes))
end
