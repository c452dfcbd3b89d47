-- The Shopify location a shipment left from, when the warehouse named it: its items are moved there before they are
-- fulfilled. Null: fulfilled wherever Shopify assigned them.
alter table shipment add column location_gid varchar(255);
