-- Shopify's webhooks say when what is left of an order changed outside our shipments (an edit, a refund, its
-- fulfillment orders cancelled, moved, split or merged): the figures are stale from then until a read of Shopify's
-- fulfillment orders that began after the change records them again.
alter table order_line_left add column stale_since timestamptz;

-- The fulfillment orders each line lay in at the last read: fulfillment_orders/* webhooks name those, not the order.
alter table order_line_left add column fulfillment_orders text[] not null default '{}';

create index order_line_left_fulfillment_orders_idx on order_line_left using gin (fulfillment_orders);
