-- What an erased shop (Shopify's shop/redact) leaves behind: SHA-256 (hex) of its lower-cased domain and of its
-- Shopify id, and when. Nothing here names the shop, yet every later delivery, re-drive, reconciliation pass or backfill
-- of it is recognised and dropped, so the erasure is not undone by work queued before it.
create table erased_shop (
    shop_key     text        primary key,
    shop_id_key  text        not null,
    erased_at    timestamptz not null
);
