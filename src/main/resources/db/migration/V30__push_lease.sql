-- One push of an order at a time, across threads and instances: a worker takes the lease with a conditional
-- update and holds it until its push ends or the lease expires (a crashed worker's lease runs out by itself).
alter table shop_order add column push_lease_owner varchar(100);
alter table shop_order add column push_lease_until timestamptz;
-- Set, and committed, before an orderCreate request leaves: from then on the order may exist in Shopify although
-- nobody saw it created, so every later attempt, in any process, looks it up before creating it.
alter table shop_order add column create_attempted_at timestamptz;
