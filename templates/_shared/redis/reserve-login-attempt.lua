-- Reserves one sign-in attempt, or says how long to wait: the login limits in Redis.
--
-- Redis runs a script as one step, with nothing in between: counting the recent
-- failures and recording this attempt can never interleave with another copy of
-- the app doing the same, so forty wrong passwords sent at once get five checks.
--
-- KEYS[1]  the attempts of one account from one client (a sorted set: score = time)
-- KEYS[2]  the attempts from that client, whatever the account
-- ARGV[1]  now, in milliseconds          ARGV[2]  the window, in milliseconds
-- ARGV[3]  failures allowed per account and client
-- ARGV[4]  failures allowed per client   ARGV[5]  a unique name for this attempt
-- Returns 0 when the password may be checked now, else the seconds to wait.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])

local function seconds_to_wait(key, limit)
  -- Attempts older than the window count no more.
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) < limit then
    return 0
  end
  -- The oldest of the last `limit` attempts: when it leaves the window, one more may be tried.
  local oldest = tonumber(redis.call('ZRANGE', key, -limit, -limit, 'WITHSCORES')[2])
  return math.max(1, math.ceil((oldest + window - now) / 1000))
end

local wait = math.max(seconds_to_wait(KEYS[1], tonumber(ARGV[3])),
                      seconds_to_wait(KEYS[2], tonumber(ARGV[4])))
if wait > 0 then
  return wait
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[5])
  -- The whole set expires once its newest attempt has left the window.
  redis.call('PEXPIRE', key, window)
end
return 0
