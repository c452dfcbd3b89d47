-- The push queue carries more than order creates: each outbox row names its kind and the id of what it pushes.
-- Order rows keep order_id (and their message format), so rows and messages in flight during a deploy still work.
alter table push_outbox add column kind varchar(32) not null default 'order';
alter table push_outbox add column subject_id uuid;
alter table push_outbox alter column order_id drop not null;
alter table push_outbox add constraint push_outbox_subject_ck
    check ((kind = 'order' and order_id is not null) or (kind <> 'order' and subject_id is not null));
