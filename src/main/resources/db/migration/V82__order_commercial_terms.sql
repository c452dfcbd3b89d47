-- What an order accepted from the API costs beyond its lines' prices and how it was paid (discounts, shipping, taxes,
-- transactions, presentment currency, B2B and bookkeeping details), when it was placed if imported after the fact,
-- a difference between Shopify's totals of the pushed order and ours, and when a person marked that difference seen.
-- All null on older rows: such an order costs what its lines cost, as before.
alter table shop_order
    add column commercial_terms jsonb,
    add column processed_at timestamptz,
    add column totals_mismatch jsonb,
    add column totals_mismatch_seen_at timestamptz;

-- The ops console lists orders whose totals differ in Shopify, until marked seen, next to the refused ones.
create index shop_order_totals_mismatch_idx on shop_order (updated_at)
    where totals_mismatch is not null and totals_mismatch_seen_at is null;
