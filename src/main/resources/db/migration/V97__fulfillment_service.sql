-- Fulfillment service (3PL) mode: the app's registration as each shop's fulfillment service, and the merchant's
-- fulfillment and cancellation requests for the fulfillment orders assigned to it, one row per fulfillment order.
create table fulfillment_service_registration (
    shop         text        primary key,
    name         text        not null,
    service_gid  text,
    location_gid text,
    checked_at   timestamptz not null,
    last_error   text
);

create table fulfillment_request (
    id                    uuid        primary key,
    shop                  text        not null,
    fulfillment_order_gid text        not null,
    order_gid             text,
    status                text        not null,
    answer                text        not null,
    merchant_message      text,
    reason                text,
    message               text,
    answered_by           text,
    answer_error          text,
    received_at           timestamptz not null,
    updated_at            timestamptz not null,
    constraint fulfillment_request_per_fulfillment_order unique (shop, fulfillment_order_gid)
);

create index fulfillment_request_by_shop_status on fulfillment_request (shop, status, received_at);
create index fulfillment_request_by_order on fulfillment_request (shop, order_gid);
