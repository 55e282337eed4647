-- The sign-in throttle's counters (issue 10 item 3), owned by the security module and shared by every node, so that
-- two nodes behind a load balancer do not allow twice the guesses and a restart forgets nothing.
-- One row per throttled account or address: a token bucket kept as the moment it is full again ("generic cell rate"
-- form of a bucket that holds `capacity` attempts and gets one back every `refill`). Each failure moves full_at one
-- refill further (from now at the earliest, never more than capacity refills ahead); attempts wait while full_at lies
-- more than capacity - 1 refills ahead. A row whose full_at has passed says nothing a missing row does not, and is
-- deleted. The key is the SHA-256 of the login name (lower case) or the IP address: no names in the table.
create table login_throttle (
    bucket  text        not null check (bucket in ('account', 'address')),
    key     bytea       not null,
    full_at timestamptz not null,
    constraint login_throttle_pk primary key (bucket, key)
);
create index login_throttle_full_at on login_throttle (full_at);
