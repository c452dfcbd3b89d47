-- Transactional outbox of push requests: a row commits with the order it asks to push (or with its re-push)
-- and is deleted only after SQS has accepted the message, so a crash between commit and send loses nothing.
-- No foreign key: the row is written before Hibernate flushes the order, and a stale row is harmless (the
-- worker acknowledges a message for an order that is gone or no longer pushable).
create table push_outbox (
    id          bigint generated always as identity primary key,
    order_id    uuid        not null,
    created_at  timestamptz not null
);
