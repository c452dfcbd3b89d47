-- The ops console lists orders and shipments that need a person; partial indexes keep that a small range scan however
-- many settled rows the tables hold.
create index shop_order_attention_idx on shop_order (updated_at) where status in ('PUSH_FAILED', 'PENDING_PUSH');
create index shipment_failed_idx on shipment (updated_at) where status = 'FAILED';
