-- The W3C traceparent of the work that asked for the push, so that the relay's send and the push continue its trace.
-- Null in rows written before (or by an earlier release while a deploy rolls, or with tracing off): their push starts
-- a trace of its own.
alter table push_outbox add column traceparent varchar(55);
