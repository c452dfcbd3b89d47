-- One row per Shopify delivery that changed (or was judged not to change) our data. Its insert commits in
-- the same transaction as the effect, which makes processing idempotent across redeliveries and instances.
create table webhook_delivery (
    webhook_id    varchar(255) primary key,
    event_id      varchar(255),
    topic         varchar(64)  not null,
    shop_domain   varchar(255) not null,
    triggered_at  timestamptz,
    outcome       varchar(24)  not null,
    processed_at  timestamptz  not null
);
-- Shopify sends one event to every matching subscription with a fresh webhook id each time.
create index webhook_delivery_event_idx on webhook_delivery (shop_domain, topic, event_id) where event_id is not null;
create index webhook_delivery_shop_idx on webhook_delivery (shop_domain);

-- Claim check: payloads too large for one SQS message wait here; the message carries the id.
create table webhook_payload (
    id           uuid primary key,
    shop_domain  varchar(255) not null,
    body         bytea        not null,
    created_at   timestamptz  not null
);

create table order_fulfillment (
    shop_domain             varchar(255) not null,
    shopify_fulfillment_id  bigint       not null,
    shopify_order_id        bigint       not null,
    status                  varchar(32),
    shipment_status         varchar(32),
    tracking_company        varchar(255),
    tracking_numbers        jsonb        not null default '[]',
    shopify_updated_at      timestamptz,
    primary key (shop_domain, shopify_fulfillment_id)
);

create table shop_installation (
    shop_domain     varchar(255) primary key,
    uninstalled_at  timestamptz
);

-- What the mandatory compliance webhooks asked and what we did, for the merchant's and the auditor's record.
create table compliance_request (
    webhook_id     varchar(255) primary key,
    shop_domain    varchar(255) not null,
    topic          varchar(64)  not null,
    customer_id    bigint,
    orders_affected integer     not null,
    received_at    timestamptz  not null
);
