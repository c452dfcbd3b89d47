-- An operator's request to read a shop's orders updated since a point in time back from Shopify, and how far it got.
-- Progress is committed as it goes, so that whichever instance takes the job over after a crash resumes from there.
create table backfill (
    id                 uuid         primary key,
    shop_domain        varchar(255) not null,
    since              timestamptz  not null,
    -- Fixed when requested: what changed afterwards is reconciliation's, and a paginated read has an end.
    until              timestamptz  not null,
    method             varchar(16)  not null,
    state              varchar(24)  not null,
    -- Set, and committed, as soon as Shopify has started the bulk operation: a resumed job polls it again instead of
    -- starting another.
    bulk_operation_id  varchar(255),
    -- The bulk operation's status as last polled, for the operator.
    bulk_status        varchar(24),
    -- Paginated reads: the cursor after the last page applied.
    page_cursor        text,
    -- Bulk reads: result lines consumed, and orders applied, as of the last checkpoint.
    lines_processed    bigint       not null default 0,
    orders_seen        bigint       not null default 0,
    orders_created     bigint       not null default 0,
    orders_updated     bigint       not null default 0,
    orders_current     bigint       not null default 0,
    orders_failed      bigint       not null default 0,
    failure_reason     text,
    requested_at       timestamptz  not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    -- One claim at a time works on a job (a token per claim), without holding a transaction while Shopify answers.
    lease_owner        uuid,
    lease_until        timestamptz
);

-- One backfill per shop at a time, across instances: a second insert fails here.
create unique index backfill_one_active_per_shop on backfill (shop_domain) where state in ('QUEUED', 'RUNNING');
create index backfill_active_idx on backfill (lease_until) where state in ('QUEUED', 'RUNNING');
create index backfill_shop_idx on backfill (shop_domain, requested_at desc);
