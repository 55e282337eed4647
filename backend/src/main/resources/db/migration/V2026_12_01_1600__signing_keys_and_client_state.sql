-- The authorization server's signing keys (owned by productclient): the private key encrypted with AES-256-GCM under
-- the key encryption key from configuration, the public key as a JWK. One key signs at a time (retired_at null); a
-- retired key stays until every token it signed has expired.
create table signing_key (
    kid          varchar(64)  primary key,
    algorithm    varchar(10)  not null check (algorithm = 'RS256'),
    public_jwk   text         not null,
    private_key  bytea        not null,
    created_at   timestamptz  not null,
    retired_at   timestamptz
);
create unique index signing_key_one_signing_uq on signing_key ((retired_at is null)) where retired_at is null;

-- A product client can be disabled (no new tokens, its tokens refused at once) and its secret rotated.
alter table product_client
    add column enabled           boolean     not null default true,
    add column secret_rotated_at timestamptz;
