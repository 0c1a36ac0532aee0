-- Checks every limit of every scope and, only if all pass, reserves them: one atomic step, so
-- concurrent requests on any number of gateway nodes can never overshoot a limit.
-- KEYS: four per scope, in order: requests zset, tokens-this-minute, spent-today, spent-this-month.
-- ARGV: now_ms, request_id, tokens, cost_micros, then four limits per scope (-1 = none).
local now = tonumber(ARGV[1])
local member = ARGV[2]
local tokens = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local scopes = #KEYS / 4

for i = 0, scopes - 1 do
  local k, a = i * 4, 4 + i * 4
  local rpm, tpm, day, month = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
  if rpm >= 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[k + 1], '-inf', now - 60000)
    local used = redis.call('ZCARD', KEYS[k + 1])
    if used >= rpm then
      local oldest = redis.call('ZRANGE', KEYS[k + 1], 0, 0, 'WITHSCORES')
      local retry = 1000
      if oldest[2] then retry = math.max(tonumber(oldest[2]) + 60000 - now, 1) end
      return {0, i, 'requests_per_minute', rpm, 0, retry}
    end
  end
  if tpm >= 0 then
    local used = tonumber(redis.call('GET', KEYS[k + 2]) or '0')
    if used + tokens > tpm then
      return {0, i, 'tokens_per_minute', tpm, math.max(tpm - used, 0), 60000 - (now % 60000)}
    end
  end
  if day >= 0 then
    local used = tonumber(redis.call('GET', KEYS[k + 3]) or '0')
    if used + cost > day then return {0, i, 'daily_budget', day, math.max(day - used, 0), -1} end
  end
  if month >= 0 then
    local used = tonumber(redis.call('GET', KEYS[k + 4]) or '0')
    if used + cost > month then return {0, i, 'monthly_budget', month, math.max(month - used, 0), -1} end
  end
end

for i = 0, scopes - 1 do
  local k, a = i * 4, 4 + i * 4
  if tonumber(ARGV[a + 1]) >= 0 then
    redis.call('ZADD', KEYS[k + 1], now, member)
    redis.call('PEXPIRE', KEYS[k + 1], 61000)
  end
  if tonumber(ARGV[a + 2]) >= 0 then
    redis.call('INCRBY', KEYS[k + 2], tokens)
    redis.call('PEXPIRE', KEYS[k + 2], 120000)
  end
  if tonumber(ARGV[a + 3]) >= 0 then
    redis.call('INCRBY', KEYS[k + 3], cost)
    redis.call('EXPIRE', KEYS[k + 3], 172800)
  end
  if tonumber(ARGV[a + 4]) >= 0 then
    redis.call('INCRBY', KEYS[k + 4], cost)
    redis.call('EXPIRE', KEYS[k + 4], 3456000)
  end
end
return {1}
