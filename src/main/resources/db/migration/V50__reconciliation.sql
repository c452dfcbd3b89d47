-- One row per shop: how far reconciliation has read the shop's orders, when its next pass is due, and who runs it.
-- A pass takes the row's lease with a conditional update (SKIP LOCKED picks a free, due shop) and renews it after
-- every page; a crashed instance's lease runs out by itself and the next instance resumes from the watermark.
create table reconciliation_shop (
    shop_domain           varchar(255) primary key,
    -- Shopify updated_at up to which every order has been applied (each pass re-reads an overlap before it).
    watermark             timestamptz,
    next_pass_at          timestamptz  not null,
    -- An immediate pass asked for (e.g. after webhook subscriptions were repaired), possibly while one was running.
    pass_requested_at     timestamptz,
    lease_owner           varchar(100),
    lease_until           timestamptz,
    last_pass_started_at  timestamptz,
    last_pass_finished_at timestamptz,
    last_pass_seen        integer,
    last_pass_drift       integer
);
create index reconciliation_shop_due_idx on reconciliation_shop (next_pass_at);
