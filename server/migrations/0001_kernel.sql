-- Kernel tables: audit chain, outbox, background jobs, idempotency, working calendar, settings.

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    text,
  actor_name  text,
  actor_role  text,
  action      text NOT NULL,
  object_type text,
  object_id   text,
  result      text NOT NULL CHECK (result IN ('success', 'denied', 'failure')),
  ip          text,
  request_id  text,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
COMMENT ON TABLE audit_log IS 'Append-only audit trail; each row holds the SM3 hash of the previous row (tamper-evident chain).';
COMMENT ON COLUMN audit_log.actor_id IS 'Account id of who acted; null for anonymous or the system.';
COMMENT ON COLUMN audit_log.action IS 'Dotted verb, e.g. account.login, department.create, person.unmask.';
COMMENT ON COLUMN audit_log.result IS 'success, denied (authorization refused) or failure (business rule refused).';
COMMENT ON COLUMN audit_log.detail IS 'What changed or why; never passwords or unmasked personal data.';
COMMENT ON COLUMN audit_log.prev_hash IS 'hash of the previous row (64 zeros for the first).';
COMMENT ON COLUMN audit_log.hash IS 'SM3 over prev_hash and the canonical JSON of this row''s fields.';
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);

-- The chain is only evidence if rows cannot silently change: refuse UPDATE and DELETE.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE outbox_events (
  id           bigserial PRIMARY KEY,
  topic        text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  attempts     int NOT NULL DEFAULT 0,
  last_error   text
);
COMMENT ON TABLE outbox_events IS 'Domain events written in the same transaction as the change; delivered to subscribers by the outbox worker.';
CREATE INDEX outbox_pending_idx ON outbox_events (id) WHERE processed_at IS NULL;

CREATE TABLE jobs (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at      timestamptz NOT NULL DEFAULT now(),
  status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
  attempts    int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 5,
  dedupe_key  text UNIQUE,
  done_by     text,
  done_at     timestamptz,
  last_error  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jobs IS 'One-off background jobs; claimed with FOR UPDATE SKIP LOCKED so each runs once across server processes.';
COMMENT ON COLUMN jobs.dedupe_key IS 'Optional: scheduling the same key twice keeps one job.';
COMMENT ON COLUMN jobs.done_by IS 'Worker (process) that completed the job.';
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';

CREATE TABLE recurring_jobs (
  name             text PRIMARY KEY,
  interval_seconds int NOT NULL CHECK (interval_seconds > 0),
  next_run_at      timestamptz NOT NULL DEFAULT now(),
  last_run_at      timestamptz,
  last_run_by      text,
  last_error       text
);
COMMENT ON TABLE recurring_jobs IS 'Periodic tasks (deadline scans, reminders); each due run is claimed by exactly one process.';

CREATE TABLE idempotency_keys (
  key          text NOT NULL,
  actor_id     text NOT NULL,
  method       text NOT NULL,
  path         text NOT NULL,
  request_hash text NOT NULL,
  status_code  int NOT NULL,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);
COMMENT ON TABLE idempotency_keys IS 'Responses to writes sent with an Idempotency-Key header, replayed when a client retries.';

CREATE TABLE calendar_days (
  day     date PRIMARY KEY,
  kind    text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name    text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
COMMENT ON TABLE calendar_days IS 'Exceptions to the Monday–Friday week: official holidays and adjusted working weekends (调休). Editable by admins.';

CREATE TABLE calendar_years (
  year   int PRIMARY KEY,
  source text NOT NULL,
  is_provisional boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE calendar_years IS 'Years whose holiday schedule is loaded, with the State Council notice it comes from.';

CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
COMMENT ON TABLE settings IS 'Runtime policy editable by the security admin (password policy, second factor, masking).';

CREATE TABLE secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE secrets IS 'Keys shared by all server processes (OIDC signing keys, cookie keys), SM4-encrypted with the master key.';
