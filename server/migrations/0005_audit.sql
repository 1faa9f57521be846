-- Audit trail search, the citizens' data-use tracker, outbox retry back-off and calendar edit versions.

-- The auditor screens list newest first (id desc) under one filter at a time; each index ends in id so a page is
-- an index range scan, never a sort of the whole table. They replace the (…, at) indexes of 0001.
DROP INDEX audit_log_actor_idx;
DROP INDEX audit_log_object_idx;
DROP INDEX audit_log_action_idx;
CREATE INDEX audit_log_actor_id_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_actor_name_idx ON audit_log (actor_name text_pattern_ops, id);
-- text_pattern_ops: action filters are prefixes ("person" → person.read, person.unmask …), whatever the collation.
CREATE INDEX audit_log_action_prefix_idx ON audit_log (action text_pattern_ops, id);
-- Also serves the citizens' data-use tracker: object_type = 'person' and object_id = their account id.
CREATE INDEX audit_log_object_id_idx ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_ip_idx ON audit_log (ip, id) WHERE ip IS NOT NULL;
CREATE INDEX audit_log_request_idx ON audit_log (request_id) WHERE request_id IS NOT NULL;
-- Refusals and failures are few and are what an auditor looks for first.
CREATE INDEX audit_log_unsuccessful_idx ON audit_log (result, id) WHERE result <> 'success';

-- A failed delivery waits before its next attempt instead of being retried at once until it is given up.
ALTER TABLE outbox_events ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN outbox_events.next_attempt_at IS 'Not delivered before this time: now() when written, later after each failed attempt (exponential back-off).';
COMMENT ON COLUMN outbox_events.topic IS 'Dotted event name, e.g. identity.citizen-registered; subscribers register per topic.';
COMMENT ON COLUMN outbox_events.payload IS 'Event data for the subscribers (ids rather than personal data wherever possible).';
COMMENT ON COLUMN outbox_events.processed_at IS 'When every subscriber handled the event; null while pending or given up.';
COMMENT ON COLUMN outbox_events.attempts IS 'Failed delivery attempts so far; the event is given up (failed) after 10.';
COMMENT ON COLUMN outbox_events.last_error IS 'Message of the last failed attempt, for operators.';
CREATE INDEX outbox_topic_idx ON outbox_events (topic, id);

-- Two administrators editing one year's holiday schedule: the second save must not silently undo the first.
ALTER TABLE calendar_years ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE calendar_years ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE calendar_years ADD COLUMN updated_by text;
ALTER TABLE calendar_years ADD CONSTRAINT calendar_years_year_range CHECK (year BETWEEN 2000 AND 2100);
ALTER TABLE calendar_years ADD CONSTRAINT calendar_years_source_not_blank CHECK (length(btrim(source)) > 0);
COMMENT ON COLUMN calendar_years.year IS 'Calendar year the schedule covers.';
COMMENT ON COLUMN calendar_years.source IS 'Citation of the State Council notice (title and document number), or why the year is provisional.';
COMMENT ON COLUMN calendar_years.is_provisional IS 'Derived from the rules before the notice appeared; an administrator confirms it once the notice is out.';
COMMENT ON COLUMN calendar_years.version IS 'Optimistic concurrency: incremented by every change to the year or one of its days.';
COMMENT ON COLUMN calendar_years.updated_at IS 'Last change to the year or one of its days.';
COMMENT ON COLUMN calendar_years.updated_by IS 'Account id of who made the last change; null for the system.';
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_name_not_blank CHECK (length(btrim(name)) > 0);
-- Only a Saturday or Sunday can be worked in exchange (调休); marking a weekday a workday would mean nothing.
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_workday_on_weekend CHECK (kind <> 'workday' OR extract(isodow FROM day) IN (6, 7));
COMMENT ON COLUMN calendar_days.day IS 'The civil date (Beijing time).';
COMMENT ON COLUMN calendar_days.kind IS 'holiday (a day off, weekday or weekend inside a holiday block) or workday (a worked Saturday or Sunday, 调休上班).';
COMMENT ON COLUMN calendar_days.name IS 'Holiday name, or what the worked weekend day makes up for.';
COMMENT ON COLUMN calendar_days.updated_at IS 'When this day was last set.';
COMMENT ON COLUMN calendar_days.updated_by IS 'Account id of who set it; null when loaded from the built-in schedules.';
