-- When the order's customer data was erased on a GDPR request; later Shopify snapshots keep it erased.
alter table shop_order add column customer_redacted_at timestamptz;
