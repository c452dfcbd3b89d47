-- Who made a fulfillment that Shopify's webhooks told us about: OrderBridge (linked to one of its shipments), or
-- someone outside it (by hand in the Shopify admin, another app).
alter table order_fulfillment add column origin varchar(16);
