-- Order pushes name their order in subject_id, as every other kind names its subject. order_id stays for the rows the
-- earlier release writes (before and while a deploy rolls); the relay reads either.
alter table push_outbox drop constraint push_outbox_subject_ck;
alter table push_outbox add constraint push_outbox_subject_ck
    check (subject_id is not null or (kind = 'order' and order_id is not null));
