-- Replaces a reservation's estimate with what the call really used. Counters that expired in the
-- meantime are not recreated.
-- KEYS: counters to correct. ARGV: one delta per key.
for i = 1, #KEYS do
  local delta = tonumber(ARGV[i])
  if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('INCRBY', KEYS[i], delta)
  end
end
return 1
