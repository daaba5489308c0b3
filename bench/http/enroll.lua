-- POST /api/v1/campaigns/{CAMPAIGN}/volunteers with a distinct volunteer id per request.
-- env: CAMPAIGN, KEY (an API key), PREFIX (volunteer id prefix, distinct per run)
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
end

request = function()
  counter = counter + 1
  local body = string.format('{"volunteerId":"%s-%d-%d"}', os.getenv("PREFIX"), thread_id, counter)
  return wrk.format("POST", "/api/v1/campaigns/" .. os.getenv("CAMPAIGN") .. "/volunteers",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("KEY") }, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("WRK|%.0f|%.2f|%.2f|%.2f|%d|%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.requests))
end
