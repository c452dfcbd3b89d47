-- Who did what through the admin operations of the API: the API key's name (never its secret), the request and its
-- answer. Kept: an audit record is not deleted by any retention.
create table api_audit (
    id          bigserial   primary key,
    key_name    text        not null,
    method      text        not null,
    path        text        not null,
    status      integer     not null,
    recorded_at timestamptz not null
);

create index api_audit_recorded_at on api_audit (recorded_at);
