-- Sign-in throttling replaces the lockout of 0002: one counter per key, taken atomically before a password is
-- checked, with growing delays instead of a fixed lock (see docs/ARCHITECTURE.md, "Sign-in throttling").
drop table login_failures;

create table login_throttle (
  key           text primary key,   -- account:<e-mail>, client:<address>, device:<id> or password:<user id>
  attempts      integer not null,   -- attempts since the last success (forgotten after a day without any)
  blocked_until timestamptz,        -- no attempt is checked before this time
  last_at       timestamptz not null
);
create index login_throttle_last_at on login_throttle (last_at);

-- Browsers where a user has signed in (the devcoop_device cookie holds the token; this its sha-256).
create table trusted_devices (
  id           text primary key,
  user_id      uuid not null references users (id) on delete cascade,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index trusted_devices_user on trusted_devices (user_id);
