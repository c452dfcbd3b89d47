create table shop_order (
    id                   uuid primary key,
    source               varchar(16)  not null,
    status               varchar(24)  not null,
    shop_domain          varchar(255) not null,
    external_id          varchar(255),
    shopify_order_id     bigint,
    shopify_gid          varchar(255),
    name                 varchar(255),
    customer             jsonb,
    shopify_customer_id  bigint,
    shipping_address     jsonb,
    billing_address      jsonb,
    line_items           jsonb        not null default '[]',
    currency             char(3)      not null,
    total_price          numeric(19, 4),
    financial_status     varchar(32),
    fulfillment_status   varchar(32),
    cancelled_at         timestamptz,
    cancel_reason        varchar(64),
    note                 text,
    tags                 jsonb        not null default '[]',
    shopify_updated_at   timestamptz,
    content_hash         varchar(64),
    last_error           text,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);

-- A caller's externalId identifies one order per shop (safe client retries).
create unique index shop_order_external_id_uq on shop_order (shop_domain, external_id) where external_id is not null;
-- One row per Shopify order, however many webhooks describe it.
create unique index shop_order_shopify_id_uq on shop_order (shop_domain, shopify_order_id) where shopify_order_id is not null;
-- Keyset pagination for sync consumers: oldest change first, id breaks ties.
create index shop_order_keyset_idx on shop_order (updated_at, id);
create index shop_order_shop_status_idx on shop_order (shop_domain, status);
create index shop_order_customer_idx on shop_order (shop_domain, shopify_customer_id) where shopify_customer_id is not null;
