-- A shipment reported without items ships everything Shopify says remains of the order: its items are taken from
-- Shopify's fulfillment orders right before its first create (and fixed then), not from our own arithmetic.
alter table shipment add column everything_left boolean not null default false;

-- A HELD shipment waits for Shopify to release a hold or open a scheduled fulfillment order; this says which and why.
alter table shipment add column hold_reason text;

-- The releaser offers held shipments to the push queue again, the longest waiting first.
create index shipment_held_idx on shipment (updated_at) where status = 'HELD';

-- What Shopify said was left to fulfil of each line of an order, as of the last read of its fulfillment orders (before
-- each create of a shipment of it). The order's view shows it; intake checks a shipment's quantities against it.
create table order_line_left (
    order_id              uuid         not null,
    position              integer      not null,
    shopify_line_item_id  bigint,
    sku                   varchar(255),
    quantity              integer      not null,
    read_at               timestamptz  not null,
    primary key (order_id, position)
);
