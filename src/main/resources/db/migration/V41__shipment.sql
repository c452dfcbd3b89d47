-- A shipment the warehouse reported for an order, and how far it got into Shopify. The caller's shipment_id is
-- unique per order (safe client retries, like an order's external id).
create table shipment (
    id                   uuid primary key,
    order_id             uuid         not null,
    shop_domain          varchar(255) not null,
    shipment_id          varchar(255) not null,
    status               varchar(24)  not null,
    content_hash         varchar(64)  not null,
    items                jsonb        not null,
    carrier              varchar(255),
    tracking_numbers     jsonb        not null default '[]',
    tracking_url         text,
    notify_customer      boolean      not null,
    fulfillments         jsonb        not null default '[]',
    delivery_status      varchar(32),
    awaiting_order       boolean      not null default false,
    tracking_pending     boolean      not null default false,
    tracking_notify      boolean      not null default false,
    cancel_requested     boolean      not null default false,
    -- Set, and committed, before every fulfillmentCreate is sent: from then on the fulfillments Shopify holds are
    -- read before anything more is created for this shipment.
    create_attempted_at  timestamptz,
    -- One worker at a time per shipment, without holding a transaction while Shopify answers.
    lease_token          uuid,
    lease_until          timestamptz,
    failure_reason       text,
    last_error           text,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);

create unique index shipment_order_shipment_id_uq on shipment (order_id, shipment_id);
create index shipment_awaiting_order_idx on shipment (created_at) where awaiting_order;
-- Fulfillments webhooks find their shipment by order and then by Shopify fulfillment id or tracking number.
create index shipment_shop_idx on shipment (shop_domain, order_id);
