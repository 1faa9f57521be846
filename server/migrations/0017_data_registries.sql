-- 人口库 / 法人库 (base registries): every source's observed value per subject and field, the cross-check of other
-- sources against the authoritative one (一数一源、多元校核), and disputes (异议核实) with their append-only history.
-- The authoritative records themselves live in the catalogue's data_records (the registry resource).
-- See server/src/data/registries/README.md and docs/decisions/0010-data-backbone.md.

CREATE TABLE registry_subjects (
  id               uuid PRIMARY KEY,
  registry         text NOT NULL CHECK (registry IN ('person', 'entity')),
  subject_key      text NOT NULL CHECK (subject_key <> ''),
  key_sealed       text,
  changed_at       timestamptz NOT NULL DEFAULT now(),
  checked_at       timestamptz,
  record_written_at timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (registry, subject_key),
  CHECK ((registry = 'person') = (key_sealed IS NOT NULL))
);
COMMENT ON TABLE registry_subjects IS 'A person or an entity some source has stated values about: one row per subject and registry.';
COMMENT ON COLUMN registry_subjects.id IS 'UUIDv7; the subject''s id in URLs (never the ID number).';
COMMENT ON COLUMN registry_subjects.registry IS 'person (人口库) or entity (法人库).';
COMMENT ON COLUMN registry_subjects.subject_key IS 'Person: keyed SM3 blind index of the 身份证号 (the same as the registry record''s key); entity: the 统一社会信用代码.';
COMMENT ON COLUMN registry_subjects.key_sealed IS 'Person only: the 身份证号 SM4-encrypted, to write the record and show it masked.';
COMMENT ON COLUMN registry_subjects.changed_at IS 'Last time a source''s value changed: the cross-check picks subjects changed since they were checked.';
COMMENT ON COLUMN registry_subjects.checked_at IS 'Last cross-check of this subject; null before the first.';
COMMENT ON COLUMN registry_subjects.record_written_at IS 'Last time the authoritative record was written into the registry resource; null while it is not catalogued.';
COMMENT ON COLUMN registry_subjects.created_at IS 'When the first value about the subject arrived.';
CREATE INDEX registry_subjects_unchecked_idx ON registry_subjects (registry, changed_at) WHERE checked_at IS NULL OR checked_at < changed_at;
CREATE INDEX registry_subjects_changed_idx ON registry_subjects (registry, changed_at DESC);

CREATE TABLE registry_values (
  subject_id   uuid NOT NULL REFERENCES registry_subjects (id),
  field_key    text NOT NULL CHECK (field_key ~ '^[a-z][a-zA-Z0-9_]{0,39}$'),
  source       text NOT NULL CHECK (source <> ''),
  value        jsonb,
  sealed       text,
  observed_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  uuid REFERENCES accounts (id),
  PRIMARY KEY (subject_id, field_key, source),
  CHECK ((value IS NULL) <> (sealed IS NULL))
);
COMMENT ON TABLE registry_values IS 'What each source last stated about a subject''s field (多源): the authoritative one is written into the registry record, the others are cross-checked against it.';
COMMENT ON COLUMN registry_values.subject_id IS 'The subject.';
COMMENT ON COLUMN registry_values.field_key IS 'The registry field (an information item of the registry resource).';
COMMENT ON COLUMN registry_values.source IS 'A department id (a provider''s upload, a licence''s issuing department, a verified correction) or a system key (identity = 统一身份认证).';
COMMENT ON COLUMN registry_values.value IS 'The value as JSON when it is not personal (entity fields whose masking is none); null when sealed.';
COMMENT ON COLUMN registry_values.sealed IS 'The value as JSON, SM4-encrypted (authenticated, bound to subject, field and source): every person field and personal entity fields.';
COMMENT ON COLUMN registry_values.observed_at IS 'When the source observed the value; an older observation never replaces a newer one (动态更新).';
COMMENT ON COLUMN registry_values.recorded_at IS 'When it was recorded here.';
COMMENT ON COLUMN registry_values.recorded_by IS 'Who recorded it (the uploading data admin, the verifying one); null for the platform''s own sources.';
CREATE INDEX registry_values_source_idx ON registry_values (source);

CREATE TABLE registry_conflicts (
  id                    uuid PRIMARY KEY,
  subject_id            uuid NOT NULL REFERENCES registry_subjects (id),
  field_key             text NOT NULL,
  source                text NOT NULL,
  authoritative_source  text NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution            text CHECK (resolution IN ('agreed', 'withdrawn', 'authorityChanged')),
  detected_at           timestamptz NOT NULL DEFAULT now(),
  last_seen_at          timestamptz NOT NULL DEFAULT now(),
  resolved_at           timestamptz,
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK ((status = 'open') = (resolution IS NULL))
);
COMMENT ON TABLE registry_conflicts IS '多元校核: a source whose value differs from the authoritative one, found by the cross-check; resolved by itself once the values agree again.';
COMMENT ON COLUMN registry_conflicts.id IS 'UUIDv7.';
COMMENT ON COLUMN registry_conflicts.subject_id IS 'The subject.';
COMMENT ON COLUMN registry_conflicts.field_key IS 'The field whose values differ.';
COMMENT ON COLUMN registry_conflicts.source IS 'The non-authoritative source that differs.';
COMMENT ON COLUMN registry_conflicts.authoritative_source IS 'The source whose value counted when the conflict was last seen (a department id or a system it holds).';
COMMENT ON COLUMN registry_conflicts.status IS 'open while the values differ; resolved once they agree, the source withdraws, or the authority changes.';
COMMENT ON COLUMN registry_conflicts.resolution IS 'agreed, withdrawn or authorityChanged; null while open.';
COMMENT ON COLUMN registry_conflicts.detected_at IS 'When the cross-check first found the difference.';
COMMENT ON COLUMN registry_conflicts.last_seen_at IS 'When a cross-check last found it still there.';
COMMENT ON COLUMN registry_conflicts.resolved_at IS 'When it was found resolved; null while open.';
CREATE UNIQUE INDEX registry_conflicts_open_idx ON registry_conflicts (subject_id, field_key, source) WHERE status = 'open';
CREATE INDEX registry_conflicts_status_idx ON registry_conflicts (status, detected_at DESC);

CREATE TABLE registry_check_runs (
  id           uuid PRIMARY KEY,
  registry     text NOT NULL CHECK (registry IN ('person', 'entity')),
  trigger      text NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL DEFAULT now(),
  subjects     int NOT NULL CHECK (subjects >= 0),
  opened       int NOT NULL CHECK (opened >= 0),
  resolved     int NOT NULL CHECK (resolved >= 0)
);
COMMENT ON TABLE registry_check_runs IS 'Each cross-check run that checked at least one subject: how many subjects, conflicts opened and resolved.';
COMMENT ON COLUMN registry_check_runs.id IS 'UUIDv7.';
COMMENT ON COLUMN registry_check_runs.registry IS 'person or entity.';
COMMENT ON COLUMN registry_check_runs.trigger IS 'schedule (the recurring job), a correction, or the name of whoever ran it by hand.';
COMMENT ON COLUMN registry_check_runs.started_at IS 'When the run began.';
COMMENT ON COLUMN registry_check_runs.finished_at IS 'When it ended.';
COMMENT ON COLUMN registry_check_runs.subjects IS 'Subjects checked.';
COMMENT ON COLUMN registry_check_runs.opened IS 'Conflicts found new.';
COMMENT ON COLUMN registry_check_runs.resolved IS 'Conflicts found resolved.';
CREATE INDEX registry_check_runs_registry_idx ON registry_check_runs (registry, finished_at DESC);

CREATE SEQUENCE registry_dispute_numbers;
COMMENT ON SEQUENCE registry_dispute_numbers IS 'Serial part of dispute numbers (YY + date + serial).';

CREATE TABLE registry_disputes (
  id                     uuid PRIMARY KEY,
  number                 text NOT NULL UNIQUE,
  subject_id             uuid NOT NULL REFERENCES registry_subjects (id),
  registry               text NOT NULL CHECK (registry IN ('person', 'entity')),
  field_key              text NOT NULL,
  raiser_kind            text NOT NULL CHECK (raiser_kind IN ('citizen', 'enterprise', 'department')),
  raised_by              uuid NOT NULL REFERENCES accounts (id),
  raiser_name            text NOT NULL,
  raiser_department_id   uuid REFERENCES departments (id),
  raiser_enterprise_id   uuid,
  reason                 text NOT NULL CHECK (char_length(btrim(reason)) >= 2),
  claimed_sealed         text NOT NULL,
  disputed_sealed        text NOT NULL,
  handling_department_id uuid NOT NULL REFERENCES departments (id),
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'corrected', 'rejected', 'withdrawn')),
  due_at                 timestamptz NOT NULL,
  overdue_at             timestamptz,
  decided_by             uuid REFERENCES accounts (id),
  decided_by_name        text,
  decided_at             timestamptz,
  decision_note          text NOT NULL DEFAULT '',
  corrected_sealed       text,
  version                int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((raiser_kind = 'department') = (raiser_department_id IS NOT NULL)),
  CHECK ((status = 'open') = (decided_at IS NULL)),
  CHECK ((status = 'corrected') = (corrected_sealed IS NOT NULL))
);
COMMENT ON TABLE registry_disputes IS '异议核实: a citizen, an enterprise or a department says a registry value is wrong; the field''s authoritative department verifies within 5 working days and corrects it or rejects the dispute with a reason.';
COMMENT ON COLUMN registry_disputes.id IS 'UUIDv7.';
COMMENT ON COLUMN registry_disputes.number IS 'Human number, YY + Beijing date + serial (YY20261124000001).';
COMMENT ON COLUMN registry_disputes.subject_id IS 'The subject whose value is disputed.';
COMMENT ON COLUMN registry_disputes.registry IS 'person or entity (copied from the subject for lists).';
COMMENT ON COLUMN registry_disputes.field_key IS 'The disputed field.';
COMMENT ON COLUMN registry_disputes.raiser_kind IS 'citizen (about their own record), enterprise (its own), department (staff about a record they were shown).';
COMMENT ON COLUMN registry_disputes.raised_by IS 'The raiser''s account.';
COMMENT ON COLUMN registry_disputes.raiser_name IS 'Their name at the time.';
COMMENT ON COLUMN registry_disputes.raiser_department_id IS 'The raising department (department disputes only).';
COMMENT ON COLUMN registry_disputes.raiser_enterprise_id IS 'The enterprise (enterprise disputes), as identity knows it.';
COMMENT ON COLUMN registry_disputes.reason IS 'Why the raiser believes the value is wrong.';
COMMENT ON COLUMN registry_disputes.claimed_sealed IS 'The value the raiser believes is right, as JSON, SM4-encrypted.';
COMMENT ON COLUMN registry_disputes.disputed_sealed IS 'The authoritative value when the dispute was raised, as JSON, SM4-encrypted.';
COMMENT ON COLUMN registry_disputes.handling_department_id IS 'The field''s authoritative department (一数一源), whose data admins verify.';
COMMENT ON COLUMN registry_disputes.status IS 'open, corrected, rejected or withdrawn.';
COMMENT ON COLUMN registry_disputes.due_at IS 'End of the 5th working day after raising (kernel calendar).';
COMMENT ON COLUMN registry_disputes.overdue_at IS 'When the overdue job flagged it (once); null otherwise.';
COMMENT ON COLUMN registry_disputes.decided_by IS 'Who corrected, rejected or withdrew it.';
COMMENT ON COLUMN registry_disputes.decided_by_name IS 'Their name at the time.';
COMMENT ON COLUMN registry_disputes.decided_at IS 'When; null while open.';
COMMENT ON COLUMN registry_disputes.decision_note IS 'The rejection reason or a note on the correction.';
COMMENT ON COLUMN registry_disputes.corrected_sealed IS 'The verified value recorded on correction (SM4); null otherwise.';
COMMENT ON COLUMN registry_disputes.version IS 'Optimistic concurrency: incremented on every change.';
COMMENT ON COLUMN registry_disputes.created_at IS 'When it was raised.';
CREATE UNIQUE INDEX registry_disputes_open_idx ON registry_disputes (subject_id, field_key) WHERE status = 'open';
CREATE INDEX registry_disputes_handling_idx ON registry_disputes (handling_department_id, status, due_at);
CREATE INDEX registry_disputes_raiser_idx ON registry_disputes (raised_by, created_at DESC);
CREATE INDEX registry_disputes_due_idx ON registry_disputes (due_at) WHERE status = 'open' AND overdue_at IS NULL;

CREATE TABLE registry_dispute_actions (
  id          uuid PRIMARY KEY,
  dispute_id  uuid NOT NULL REFERENCES registry_disputes (id),
  action      text NOT NULL CHECK (action IN ('raise', 'correct', 'reject', 'withdraw', 'overdue')),
  actor_id    uuid REFERENCES accounts (id),
  actor_name  text NOT NULL,
  note        text NOT NULL DEFAULT '',
  at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE registry_dispute_actions IS 'History of a dispute, append-only: raised, corrected, rejected, withdrawn, deadline passed.';
COMMENT ON COLUMN registry_dispute_actions.id IS 'UUIDv7 (orders the history).';
COMMENT ON COLUMN registry_dispute_actions.dispute_id IS 'The dispute.';
COMMENT ON COLUMN registry_dispute_actions.action IS 'raise, correct, reject, withdraw, overdue.';
COMMENT ON COLUMN registry_dispute_actions.actor_id IS 'Who acted; null for the platform (the overdue job).';
COMMENT ON COLUMN registry_dispute_actions.actor_name IS 'Their name at the time.';
COMMENT ON COLUMN registry_dispute_actions.note IS 'The reason, the rejection reason or the correction note (never the values themselves).';
COMMENT ON COLUMN registry_dispute_actions.at IS 'When.';
CREATE INDEX registry_dispute_actions_dispute_idx ON registry_dispute_actions (dispute_id, id);
CREATE FUNCTION registry_dispute_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'registry_dispute_actions is append-only' USING ERRCODE = '23514';
END;
$$;
CREATE TRIGGER registry_dispute_actions_no_change BEFORE UPDATE OR DELETE ON registry_dispute_actions
  FOR EACH ROW EXECUTE FUNCTION registry_dispute_actions_append_only();

CREATE TABLE registry_systems (
  key            text PRIMARY KEY CHECK (key IN ('identity')),
  department_id  uuid REFERENCES departments (id),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE registry_systems IS 'Sources that are systems (统一身份认证), and the department that holds each: a field whose authoritative department holds a system takes that system''s value.';
COMMENT ON COLUMN registry_systems.key IS 'identity (the platform''s own accounts: names and mobile numbers people registered with).';
COMMENT ON COLUMN registry_systems.department_id IS 'The department that holds the system (the big-data bureau for identity); null until the chief data officer sets it.';
COMMENT ON COLUMN registry_systems.updated_at IS 'Last change.';
INSERT INTO registry_systems (key) VALUES ('identity');

CREATE TABLE registry_license_sources (
  type_code   text PRIMARY KEY CHECK (type_code ~ '^[0-9A-Z]{2,32}$'),
  registry    text NOT NULL CHECK (registry IN ('person', 'entity')),
  mapping     jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'array'),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE registry_license_sources IS 'Licence types whose licences state registry values (营业执照 → 法人库): each issued licence is an observation by its issuing department.';
COMMENT ON COLUMN registry_license_sources.type_code IS 'The licence type code (证照类型代码).';
COMMENT ON COLUMN registry_license_sources.registry IS 'person (licences held by persons) or entity (held by enterprises).';
COMMENT ON COLUMN registry_license_sources.mapping IS 'Array of {from, to}: from = holderName | status | validFrom | fields.<licence field>, to = registry field key.';
COMMENT ON COLUMN registry_license_sources.updated_at IS 'Last change.';
