-- Cases (办件): applications under a service item version, their append-only action history, materials, pledges
-- (告知承诺), materials accepted as missing (容缺受理), case-number counters, the portal inbox and a stop-gap
-- dishonesty list. See docs/design/services-model.md and server/src/services/cases/README.md.

CREATE TABLE cases (
  id                       uuid PRIMARY KEY,
  case_number              text UNIQUE CHECK (case_number ~ '^[0-9]{6}[0-9]{8}[WO][0-9]{6}$'),
  tracking_code            text NOT NULL UNIQUE CHECK (length(tracking_code) >= 20),
  item_version_id          uuid NOT NULL REFERENCES service_item_versions (id),
  implementation_id        uuid NOT NULL,
  service_item_id          uuid NOT NULL,
  item_name                text NOT NULL,
  department_id            uuid NOT NULL REFERENCES departments (id),
  handling_department_id   uuid NOT NULL REFERENCES departments (id),
  handling_department_name text NOT NULL,
  region_code              varchar(12) NOT NULL REFERENCES regions (code),
  channel                  text NOT NULL CHECK (channel IN ('online', 'window')),
  case_kind                text NOT NULL CHECK (case_kind IN ('immediate', 'promised')),
  status                   text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'in_review', 'suspended', 'decided', 'completed', 'refused', 'withdrawn', 'denied')),
  current_step             text CHECK (current_step IN ('accept', 'review', 'inspect', 'decide', 'countersign', 'complete')),
  step_role                text,
  suspend_kind             text CHECK (suspend_kind IN ('supplement', 'special')),
  resume_status            text CHECK (resume_status IN ('submitted', 'accepted', 'in_review', 'decided')),
  applicant_type           text NOT NULL CHECK (applicant_type IN ('person', 'enterprise')),
  applicant_account_id     uuid REFERENCES accounts (id),
  applicant_enterprise_id  uuid REFERENCES enterprises (id),
  applicant_name           text NOT NULL CHECK (btrim(applicant_name) <> ''),
  applicant_id_number_enc  text,
  applicant_id_number_idx  text,
  applicant_credit_code    text,
  agent_name               text,
  agent_id_number_enc      text,
  agent_id_number_idx      text,
  contact_phone_enc        text,
  contact_email_enc        text,
  filed_by                 uuid NOT NULL REFERENCES accounts (id),
  filed_department_id      uuid REFERENCES departments (id),
  form_values              jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(form_values) = 'object'),
  material_choices         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(material_choices) = 'object'),
  supplement_request       jsonb CHECK (supplement_request IS NULL OR jsonb_typeof(supplement_request) = 'object'),
  countersign_pending      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(countersign_pending) = 'array'),
  result_kind              text CHECK (result_kind IN ('approved', 'denied', 'refused')),
  result_values            jsonb CHECK (result_values IS NULL OR jsonb_typeof(result_values) = 'object'),
  result_reason            text,
  decision_file_sm3        text CHECK (decision_file_sm3 ~ '^[0-9a-f]{64}$'),
  decided_at               timestamptz,
  promised_days            int NOT NULL CHECK (promised_days >= 0),
  promised_unit            text NOT NULL CHECK (promised_unit IN ('workingDay', 'naturalDay')),
  legal_days               int CHECK (legal_days >= 0),
  legal_unit               text CHECK (legal_unit IN ('workingDay', 'naturalDay')),
  submitted_at             timestamptz,
  accepted_at              timestamptz,
  due_at                   timestamptz,
  legal_due_at             timestamptz,
  suspended_days           int NOT NULL DEFAULT 0 CHECK (suspended_days >= 0),
  suspended_since          timestamptz,
  completed_at             timestamptz,
  version                  int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'draft') = (case_number IS NULL)),
  CHECK ((status = 'suspended') = (suspend_kind IS NOT NULL AND resume_status IS NOT NULL)),
  CHECK (status <> 'draft' OR submitted_at IS NULL),
  CHECK (applicant_type <> 'enterprise' OR applicant_credit_code IS NOT NULL OR applicant_enterprise_id IS NOT NULL),
  CHECK (applicant_account_id IS NOT NULL OR applicant_id_number_idx IS NOT NULL OR applicant_credit_code IS NOT NULL),
  CHECK (status NOT IN ('completed', 'refused', 'denied') OR (result_kind IS NOT NULL AND completed_at IS NOT NULL)),
  CHECK (status NOT IN ('draft', 'submitted') OR result_kind IS NULL),
  CHECK ((legal_days IS NULL) = (legal_unit IS NULL))
);
COMMENT ON TABLE cases IS '办件: one application under one service item version, kept for life; the current state beside the append-only case_actions history.';
COMMENT ON COLUMN cases.id IS 'UUIDv7; public id in URLs.';
COMMENT ON COLUMN cases.case_number IS '办件编号: region 6 + YYYYMMDD (Beijing) + channel W/O + 6-digit daily sequence per region; null while a draft.';
COMMENT ON COLUMN cases.tracking_code IS 'Random code behind the QR on the receipt; the public tracking page shows status only, no personal data.';
COMMENT ON COLUMN cases.item_version_id IS 'The service item version the case was filed under; never changes.';
COMMENT ON COLUMN cases.implementation_id IS 'The implementation (实施清单) of that version, copied for queries.';
COMMENT ON COLUMN cases.service_item_id IS 'The service item of that version, copied for queries.';
COMMENT ON COLUMN cases.item_name IS 'Item name as published in the version (for lists and letters).';
COMMENT ON COLUMN cases.department_id IS 'The implementing department (实施主体) named by the version.';
COMMENT ON COLUMN cases.handling_department_id IS 'The department that handles the case now (the implementing one unless transferred, 转办).';
COMMENT ON COLUMN cases.handling_department_name IS 'Name of the handling department when it took the case.';
COMMENT ON COLUMN cases.region_code IS 'Region of the implementation; staff see cases inside their own region.';
COMMENT ON COLUMN cases.channel IS 'online (网上申请) or window (综合窗口, filed by a clerk).';
COMMENT ON COLUMN cases.case_kind IS 'immediate (即办件: completed at acceptance) or promised (承诺件).';
COMMENT ON COLUMN cases.status IS 'draft, submitted, accepted, in_review, suspended, decided, completed, refused (不予受理), withdrawn, denied (不予许可).';
COMMENT ON COLUMN cases.current_step IS 'Workflow step the case waits in (accept, review, inspect, decide, countersign, complete); kept while suspended; null when closed or a draft.';
COMMENT ON COLUMN cases.step_role IS 'Staff role the current step belongs to (from the version''s workflow), for the workbench queues.';
COMMENT ON COLUMN cases.suspend_kind IS 'Why the case is paused: supplement (补正, waiting for the applicant) or special (特别程序).';
COMMENT ON COLUMN cases.resume_status IS 'Status to return to when the pause ends.';
COMMENT ON COLUMN cases.applicant_type IS 'person (自然人) or enterprise (法人 and other organisations).';
COMMENT ON COLUMN cases.applicant_account_id IS 'The applicant''s account when registered (online applicant, or a walk-in found by ID number); null for an unregistered walk-in.';
COMMENT ON COLUMN cases.applicant_enterprise_id IS 'The enterprise applying, when it is registered on the platform.';
COMMENT ON COLUMN cases.applicant_name IS 'Applicant''s name (person or enterprise) as filed; may hold characters outside the BMP.';
COMMENT ON COLUMN cases.applicant_id_number_enc IS 'Walk-in person''s 身份证号, SM4-encrypted (identity personal-data format).';
COMMENT ON COLUMN cases.applicant_id_number_idx IS 'Keyed SM3 blind index of that number, for lookup and the dishonesty-list check.';
COMMENT ON COLUMN cases.applicant_credit_code IS 'Enterprise applicant''s 统一社会信用代码 (public information).';
COMMENT ON COLUMN cases.agent_name IS 'Enterprise walk-in: the agent (经办人) who came to the window.';
COMMENT ON COLUMN cases.agent_id_number_enc IS 'Agent''s 身份证号, SM4-encrypted.';
COMMENT ON COLUMN cases.agent_id_number_idx IS 'Blind index of the agent''s ID number.';
COMMENT ON COLUMN cases.contact_phone_enc IS 'Mobile number for SMS notices, SM4-encrypted; null means portal inbox only.';
COMMENT ON COLUMN cases.contact_email_enc IS 'E-mail address for notices, SM4-encrypted.';
COMMENT ON COLUMN cases.filed_by IS 'Account that created the case (the applicant online, the clerk at a window).';
COMMENT ON COLUMN cases.filed_department_id IS 'Window cases: the clerk''s department (the comprehensive window that took it in).';
COMMENT ON COLUMN cases.form_values IS 'Application form answers, checked against the version''s form (hidden fields dropped).';
COMMENT ON COLUMN cases.material_choices IS 'material key to pledge (告知承诺) or gap (容缺) as chosen by the applicant.';
COMMENT ON COLUMN cases.supplement_request IS 'The open 补正 request { requestedAt, items: [{ target, key, reason }], note } while suspended for it.';
COMMENT ON COLUMN cases.countersign_pending IS 'Department ids that still have to countersign at the countersign step.';
COMMENT ON COLUMN cases.result_kind IS 'approved, denied (不予许可) or refused (不予受理); set with the decision.';
COMMENT ON COLUMN cases.result_values IS 'Result fields of the version (licence number, validity …) recorded with the decision.';
COMMENT ON COLUMN cases.result_reason IS 'Reason for a refusal or denial, as written in the letter.';
COMMENT ON COLUMN cases.decision_file_sm3 IS 'SM3 of the decision letter PDF in the file store (content address).';
COMMENT ON COLUMN cases.decided_at IS 'When the decision was made.';
COMMENT ON COLUMN cases.promised_days IS '承诺办结时限 copied from the version (0 for 即办件).';
COMMENT ON COLUMN cases.promised_unit IS 'workingDay or naturalDay.';
COMMENT ON COLUMN cases.legal_days IS '法定办结时限 from the version; null when no law sets one.';
COMMENT ON COLUMN cases.legal_unit IS 'Unit of the legal limit.';
COMMENT ON COLUMN cases.submitted_at IS 'When the application was first submitted.';
COMMENT ON COLUMN cases.accepted_at IS 'When it was accepted (受理): the time limit counts from here.';
COMMENT ON COLUMN cases.due_at IS 'Promised completion deadline: accepted_at + promised limit + paused days; recomputed when a pause ends.';
COMMENT ON COLUMN cases.legal_due_at IS 'Legal completion deadline, computed the same way.';
COMMENT ON COLUMN cases.suspended_days IS 'Days (in the promised limit''s unit) spent in finished pauses; not counted in the limit.';
COMMENT ON COLUMN cases.suspended_since IS 'Start of the current pause while the clock is stopped.';
COMMENT ON COLUMN cases.completed_at IS 'When the case was closed (completed, refused, denied or withdrawn).';
COMMENT ON COLUMN cases.version IS 'Optimistic concurrency: each action must name the version it saw.';
COMMENT ON COLUMN cases.created_at IS 'When the case (draft) was created.';
COMMENT ON COLUMN cases.updated_at IS 'Last change.';
-- Workbench queue: a department's cases for one role, most urgent first.
CREATE INDEX cases_queue_idx ON cases (handling_department_id, step_role, due_at, submitted_at) WHERE status IN ('submitted', 'accepted', 'in_review', 'decided');
CREATE INDEX cases_department_status_idx ON cases (handling_department_id, status, updated_at);
CREATE INDEX cases_window_idx ON cases (filed_department_id, status) WHERE filed_department_id IS NOT NULL;
CREATE INDEX cases_countersign_idx ON cases USING gin (countersign_pending) WHERE current_step = 'countersign';
CREATE INDEX cases_applicant_account_idx ON cases (applicant_account_id, updated_at DESC) WHERE applicant_account_id IS NOT NULL;
CREATE INDEX cases_applicant_enterprise_idx ON cases (applicant_enterprise_id, updated_at DESC) WHERE applicant_enterprise_id IS NOT NULL;
CREATE INDEX cases_filed_by_idx ON cases (filed_by, updated_at DESC);
CREATE INDEX cases_region_idx ON cases (region_code, status);

CREATE TABLE case_actions (
  id              uuid PRIMARY KEY,
  case_id         uuid NOT NULL REFERENCES cases (id),
  seq             int NOT NULL CHECK (seq >= 1),
  action          text NOT NULL CHECK (action IN ('create', 'edit', 'submit', 'accept', 'refuse', 'requestSupplement', 'resubmit', 'approve', 'deny', 'transfer', 'startInspection', 'countersign', 'startSpecial', 'endSpecial', 'complete', 'withdraw', 'fulfilGap')),
  from_status     text,
  to_status       text NOT NULL,
  step            text,
  actor_id        uuid REFERENCES accounts (id),
  actor_name      text NOT NULL,
  actor_role      text NOT NULL,
  department_id   uuid REFERENCES departments (id),
  department_name text,
  note            text NOT NULL DEFAULT '',
  detail          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
  clock           text NOT NULL CHECK (clock IN ('none', 'start', 'stop', 'resume', 'end')),
  at              timestamptz NOT NULL,
  UNIQUE (case_id, seq)
);
COMMENT ON TABLE case_actions IS 'Append-only history of a case: one row per action, in order (staff see all, the applicant a plain-words timeline).';
COMMENT ON COLUMN case_actions.id IS 'UUIDv7.';
COMMENT ON COLUMN case_actions.case_id IS 'The case.';
COMMENT ON COLUMN case_actions.seq IS '1, 2, … per case; with the case version check two staff can never both write the same step.';
COMMENT ON COLUMN case_actions.action IS 'What happened (create, submit, accept, requestSupplement, approve, complete …).';
COMMENT ON COLUMN case_actions.from_status IS 'Status before; null for create.';
COMMENT ON COLUMN case_actions.to_status IS 'Status after.';
COMMENT ON COLUMN case_actions.step IS 'Workflow step the action was taken at.';
COMMENT ON COLUMN case_actions.actor_id IS 'Account that acted; null for the platform itself.';
COMMENT ON COLUMN case_actions.actor_name IS 'Name of the actor when acting.';
COMMENT ON COLUMN case_actions.actor_role IS 'Role(s) the actor acted in (applicant, clerk, reviewer …).';
COMMENT ON COLUMN case_actions.department_id IS 'Staff actor''s department.';
COMMENT ON COLUMN case_actions.department_name IS 'That department''s name when acting.';
COMMENT ON COLUMN case_actions.note IS 'Opinion, reason or remark written with the action.';
COMMENT ON COLUMN case_actions.detail IS 'Structured detail (supplement items, transfer target, countersign opinion, gap list …).';
COMMENT ON COLUMN case_actions.clock IS 'Effect on the time limit: start, stop (补正/特别程序), resume, end, none.';
COMMENT ON COLUMN case_actions.at IS 'When it happened.';
CREATE FUNCTION case_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_actions is append-only';
END;
$$;
CREATE TRIGGER case_actions_no_update BEFORE UPDATE OR DELETE ON case_actions
  FOR EACH ROW EXECUTE FUNCTION case_actions_append_only();

CREATE TABLE case_materials (
  id            uuid PRIMARY KEY,
  case_id       uuid NOT NULL REFERENCES cases (id),
  material_key  text NOT NULL CHECK (material_key ~ '^[a-z][a-zA-Z0-9]{0,39}$'),
  file_sm3      text NOT NULL CHECK (file_sm3 ~ '^[0-9a-f]{64}$'),
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  format        text NOT NULL CHECK (format IN ('pdf', 'jpg', 'png', 'ofd')),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  trust_level   text NOT NULL CHECK (trust_level IN ('A', 'B', 'C', 'D')),
  uploaded_by   uuid NOT NULL REFERENCES accounts (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  removed_at    timestamptz
);
COMMENT ON TABLE case_materials IS 'Files handed in for a case''s materials; the bytes live in the file store under their SM3.';
COMMENT ON COLUMN case_materials.id IS 'UUIDv7.';
COMMENT ON COLUMN case_materials.case_id IS 'The case.';
COMMENT ON COLUMN case_materials.material_key IS 'Key of the material in the case''s item version.';
COMMENT ON COLUMN case_materials.file_sm3 IS 'SM3 of the content: the file store address and an integrity check.';
COMMENT ON COLUMN case_materials.size_bytes IS 'Size in bytes.';
COMMENT ON COLUMN case_materials.format IS 'Type found from the content''s magic bytes (not the name or the browser''s word).';
COMMENT ON COLUMN case_materials.file_name IS 'Name as uploaded (shown, never used as a path).';
COMMENT ON COLUMN case_materials.trust_level IS 'A issued by the authority, B checked by staff (window scan), C uploaded by the user, D self-made.';
COMMENT ON COLUMN case_materials.uploaded_by IS 'Account that uploaded it.';
COMMENT ON COLUMN case_materials.uploaded_at IS 'When.';
COMMENT ON COLUMN case_materials.removed_at IS 'When the applicant removed or replaced it (kept for the record).';
CREATE INDEX case_materials_case_idx ON case_materials (case_id, material_key) WHERE removed_at IS NULL;

CREATE TABLE case_pledges (
  case_id       uuid NOT NULL REFERENCES cases (id),
  material_key  text NOT NULL,
  pledge_text   text NOT NULL CHECK (btrim(pledge_text) <> ''),
  text_sm3      text NOT NULL CHECK (text_sm3 ~ '^[0-9a-f]{64}$'),
  signer_name   text NOT NULL,
  signed_by     uuid NOT NULL REFERENCES accounts (id),
  signed_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, material_key)
);
COMMENT ON TABLE case_pledges IS '告知承诺: the promise an applicant signed instead of handing in a material; verified afterwards, a false promise leads to revocation and a credit record.';
COMMENT ON COLUMN case_pledges.case_id IS 'The case.';
COMMENT ON COLUMN case_pledges.material_key IS 'The material the promise replaces.';
COMMENT ON COLUMN case_pledges.pledge_text IS 'The exact words of the department''s notice and the applicant''s promise.';
COMMENT ON COLUMN case_pledges.text_sm3 IS 'SM3 of pledge_text, so the words signed can be proven later.';
COMMENT ON COLUMN case_pledges.signer_name IS 'Who signed (the applicant, or the agent for an enterprise).';
COMMENT ON COLUMN case_pledges.signed_by IS 'Account that recorded it (the applicant online, the clerk at a window for a paper signature).';
COMMENT ON COLUMN case_pledges.signed_at IS 'When it was signed (at submission).';

CREATE TABLE case_gaps (
  case_id       uuid NOT NULL REFERENCES cases (id),
  material_key  text NOT NULL,
  due_at        timestamptz NOT NULL,
  form          text NOT NULL,
  fulfilled_at  timestamptz,
  PRIMARY KEY (case_id, material_key)
);
COMMENT ON TABLE case_gaps IS '容缺受理: materials accepted as missing, with the form and the date they must be handed in by (never after the promised deadline).';
COMMENT ON COLUMN case_gaps.case_id IS 'The case.';
COMMENT ON COLUMN case_gaps.material_key IS 'The missing material.';
COMMENT ON COLUMN case_gaps.due_at IS 'Deadline for handing it in.';
COMMENT ON COLUMN case_gaps.form IS 'In what form (原件 n 份, 复印件 n 份, 电子件).';
COMMENT ON COLUMN case_gaps.fulfilled_at IS 'When it was handed in; null while still missing.';

CREATE TABLE case_number_counters (
  region6   varchar(6) NOT NULL CHECK (region6 ~ '^[0-9]{6}$'),
  day       date NOT NULL,
  last      int NOT NULL CHECK (last BETWEEN 1 AND 999999),
  PRIMARY KEY (region6, day)
);
COMMENT ON TABLE case_number_counters IS 'Last 办件编号 sequence used per region and Beijing day; incremented in the submitting transaction.';
COMMENT ON COLUMN case_number_counters.region6 IS 'First six digits of the implementation''s region code.';
COMMENT ON COLUMN case_number_counters.day IS 'Beijing date of submission.';
COMMENT ON COLUMN case_number_counters.last IS 'Last sequence number given out that day.';

CREATE TABLE notifications (
  id          uuid PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES accounts (id),
  case_id     uuid REFERENCES cases (id),
  kind        text NOT NULL,
  title       text NOT NULL CHECK (btrim(title) <> ''),
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
COMMENT ON TABLE notifications IS 'Portal inbox (站内消息) of citizens and enterprises; SMS and e-mail copies go out as outbox events notification.sms / notification.email.';
COMMENT ON COLUMN notifications.id IS 'UUIDv7.';
COMMENT ON COLUMN notifications.account_id IS 'Recipient account.';
COMMENT ON COLUMN notifications.case_id IS 'The case it is about, if any.';
COMMENT ON COLUMN notifications.kind IS 'Dotted kind, e.g. case.accepted, case.supplement-requested.';
COMMENT ON COLUMN notifications.title IS 'Short title.';
COMMENT ON COLUMN notifications.body IS 'Plain-words text.';
COMMENT ON COLUMN notifications.created_at IS 'When it was sent.';
COMMENT ON COLUMN notifications.read_at IS 'When the recipient marked it read.';
CREATE INDEX notifications_inbox_idx ON notifications (account_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (account_id) WHERE read_at IS NULL;

CREATE TABLE credit_blacklist (
  id            uuid PRIMARY KEY,
  subject_type  text NOT NULL CHECK (subject_type IN ('person', 'enterprise')),
  id_number_idx text,
  id_number_enc text,
  credit_code   text,
  name          text NOT NULL,
  reason        text NOT NULL CHECK (btrim(reason) <> ''),
  source        text NOT NULL CHECK (btrim(source) <> ''),
  expires_on    date,
  created_by    uuid REFERENCES accounts (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  removed_at    timestamptz,
  removed_by    uuid REFERENCES accounts (id),
  CHECK ((subject_type = 'person') = (id_number_idx IS NOT NULL AND id_number_enc IS NOT NULL)),
  CHECK ((subject_type = 'enterprise') = (credit_code IS NOT NULL))
);
COMMENT ON TABLE credit_blacklist IS 'Serious-dishonesty list (严重失信主体名单) entries that bar 告知承诺; a stop-gap until the credit domain shares its list.';
COMMENT ON COLUMN credit_blacklist.id IS 'UUIDv7.';
COMMENT ON COLUMN credit_blacklist.subject_type IS 'person or enterprise.';
COMMENT ON COLUMN credit_blacklist.id_number_idx IS 'Blind index of the person''s 身份证号.';
COMMENT ON COLUMN credit_blacklist.id_number_enc IS 'The person''s 身份证号, SM4-encrypted.';
COMMENT ON COLUMN credit_blacklist.credit_code IS 'The enterprise''s 统一社会信用代码.';
COMMENT ON COLUMN credit_blacklist.name IS 'Name of the subject as listed.';
COMMENT ON COLUMN credit_blacklist.reason IS 'Why listed (the decision that put the subject on the list).';
COMMENT ON COLUMN credit_blacklist.source IS 'Which list and authority (信用中国, 市场监管 …).';
COMMENT ON COLUMN credit_blacklist.expires_on IS 'Last day on the list; null until removed.';
COMMENT ON COLUMN credit_blacklist.created_by IS 'Who entered it.';
COMMENT ON COLUMN credit_blacklist.created_at IS 'When.';
COMMENT ON COLUMN credit_blacklist.removed_at IS 'When taken off the list (entries are kept for the record).';
COMMENT ON COLUMN credit_blacklist.removed_by IS 'Who took it off.';
CREATE UNIQUE INDEX credit_blacklist_person_idx ON credit_blacklist (id_number_idx) WHERE removed_at IS NULL AND id_number_idx IS NOT NULL;
CREATE UNIQUE INDEX credit_blacklist_enterprise_idx ON credit_blacklist (credit_code) WHERE removed_at IS NULL AND credit_code IS NOT NULL;
