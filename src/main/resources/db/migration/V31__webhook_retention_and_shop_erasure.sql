-- Retention deletes deliveries and payloads by age, in small batches; these keep each batch an index range scan.
create index webhook_delivery_processed_idx on webhook_delivery (processed_at);
create index webhook_payload_created_idx on webhook_payload (created_at);

-- Set once SQS has accepted the message that carries the payload's id. A payload still without it an hour later was
-- refused by SQS (the delivery was answered 503 and Shopify sent it again under a new claim check) or left behind by a
-- crash between the insert and the send: nothing will ever read it. Payloads stored before this column existed were
-- queued as far as anyone knows.
alter table webhook_payload add column queued_at timestamptz;
update webhook_payload set queued_at = created_at;

-- shop/redact erases every row of the shop; the record that it did so keeps no shop (see ShopRecords).
alter table compliance_request alter column shop_domain drop not null;
