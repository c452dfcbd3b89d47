-- A cancellation asked for an order that is (or may be) in Shopify, until Shopify has done it: what the caller asked
-- (reason, restock, refund, notifyCustomer, staffNote), where it stands, Shopify's job and its refusal.
alter table shop_order add column cancel_request jsonb;
alter table shop_order add column cancel_state varchar(16);
alter table shop_order add column cancel_requested_at timestamptz;
alter table shop_order add column cancel_job_id varchar(255);
alter table shop_order add column cancel_error text;
-- Set, and committed, before an orderCancel request leaves (not mapped on the entity, like create_attempted_at): a
-- later attempt whose predecessor's answer was lost reads the order in Shopify before it sends another.
alter table shop_order add column cancel_sent_at timestamptz;
-- The ops console's attention list: cancellations Shopify refused, and those still under way after a while (their
-- message dead-lettered).
create index shop_order_cancel_attention_idx on shop_order (updated_at) where cancel_state in ('REQUESTED', 'SENT', 'REFUSED');
