-- A shop erased after it uninstalled the app may install it again. Shopify sends no webhook for that; a token it
-- accepts again is the proof. reinstall_provable: the erasure followed Shopify refusing the app's token (or no token
-- being configured), so a token accepted later can only come from a new installation. Tombstones from before this
-- column (and erasures an operator confirmed while the token still worked) stay false: an operator decides.
-- reinstalled_at: when such a token was first seen accepted; from then on what Shopify triggered after erased_at is
-- accepted again, everything older still dropped.
alter table erased_shop
    add column reinstall_provable boolean not null default false,
    add column reinstalled_at     timestamptz;
