-- A webhook looks its order up by Shopify id across shops (the same id under another shop is refused); the unique
-- index leads with the shop and cannot serve that without reading all of it.
create index shop_order_shopify_order_idx on shop_order (shopify_order_id) where shopify_order_id is not null;
