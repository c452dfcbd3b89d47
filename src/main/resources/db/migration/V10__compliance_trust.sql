-- Shopify's id of each shop, from its first app/uninstalled or compliance payload: later compliance payloads
-- must name the same shop id, so a body of another shop cannot act under this shop's name.
alter table shop_installation add column shop_id bigint;
alter table shop_installation alter column uninstalled_at drop not null;

-- shop/redact for a shop that has not uninstalled the app (it still has an access token and no app/uninstalled
-- was seen) is not applied: an operator looks at it and applies or dismisses it (admin API).
create table parked_compliance_request (
    webhook_id   varchar(255) primary key,
    shop_domain  varchar(255) not null,
    topic        varchar(64)  not null,
    shop_id      bigint       not null,
    reason       varchar(255) not null,
    received_at  timestamptz  not null
);
create index parked_compliance_request_shop_idx on parked_compliance_request (shop_domain);
