-- One row per shop: when its webhook subscriptions are next checked, shared by all instances (see CheckSchedule).
create table webhook_subscription_check (
    -- SHA-256 (hex) of the lower-cased shop domain: nothing here names a shop, so shop/redact has nothing to erase.
    shop_key   text primary key,
    -- No instance starts a check before this; while a check runs, the end of its instance's lease.
    due_at     timestamptz not null,
    -- The callback URL or EventBridge ARN the last claimed check subscribed to.
    target     text        not null,
    started_at timestamptz not null,
    -- End of the last check, completed or failed.
    checked_at timestamptz,
    -- Subscriptions created or repointed by the last completed check.
    repairs    integer     not null default 0,
    -- Why the last check failed, the shop's domain blanked out; null after a completed one.
    failure    text
);
