-- Shopify's customers/data_request and its answer: every order, shipment and address held for the customer in the
-- shop, exported as JSON when the request arrived. The merchant has 30 days to give it to the customer; an operator marks
-- it delivered. Erased with the customer (customers/redact) or the shop (shop/redact).
create table data_request (
    id            uuid         primary key,
    webhook_id    varchar(255) not null unique,
    shop_domain   varchar(255) not null,
    customer_id   bigint       not null,
    received_at   timestamptz  not null,
    due_at        timestamptz  not null,
    delivered_at  timestamptz,
    export        jsonb        not null
);

create index data_request_open_idx on data_request (due_at) where delivered_at is null;
create index data_request_customer_idx on data_request (shop_domain, customer_id);
