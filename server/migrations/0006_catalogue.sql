-- The service item catalogue (政务服务事项目录, GB/T 39554): items defined once (基本目录), implemented by departments
-- of several regions and levels (实施清单, 四级四同), each implementation published in versions that cases keep for
-- life. docs/design/services-model.md describes the model; server/src/services/catalogue owns these tables.

-- Life events (主题分类) -------------------------------------------------------------------------------------

CREATE TABLE life_events (
  code      text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name_zh   text NOT NULL CHECK (btrim(name_zh) <> ''),
  name_en   text NOT NULL CHECK (btrim(name_en) <> ''),
  audience  text NOT NULL CHECK (audience IN ('person', 'enterprise')),
  sort      int NOT NULL DEFAULT 0 CHECK (sort BETWEEN 0 AND 999999)
);
COMMENT ON TABLE life_events IS 'Life events and enterprise stages (人生事件 / 企业生命周期) the portal groups items by.';
COMMENT ON COLUMN life_events.code IS 'Stable code used by items and URLs, e.g. birth, start-business.';
COMMENT ON COLUMN life_events.name_zh IS 'Chinese name shown in the portal, e.g. 出生.';
COMMENT ON COLUMN life_events.name_en IS 'English name for the English portal.';
COMMENT ON COLUMN life_events.audience IS 'person (个人办事) or enterprise (法人办事).';
COMMENT ON COLUMN life_events.sort IS 'Display order within its audience.';

-- Reference data the product needs even for an empty city; the order follows a person's and an enterprise's life.
INSERT INTO life_events (code, name_zh, name_en, audience, sort) VALUES
  ('birth', '出生', 'Birth', 'person', 10),
  ('education', '上学', 'Education', 'person', 20),
  ('employment', '就业创业', 'Work and self-employment', 'person', 30),
  ('marriage', '婚姻生育', 'Marriage and children', 'person', 40),
  ('housing', '住房', 'Housing', 'person', 50),
  ('medical', '就医', 'Health care', 'person', 60),
  ('social-insurance', '社会保障', 'Social insurance', 'person', 70),
  ('travel', '交通出行', 'Driving and travel', 'person', 80),
  ('disability', '残疾人服务', 'Disability', 'person', 90),
  ('social-assistance', '社会救助', 'Social assistance', 'person', 100),
  ('retirement', '退休养老', 'Retirement and old age', 'person', 110),
  ('veterans', '退役军人', 'Veterans', 'person', 120),
  ('death', '身后事', 'After a death', 'person', 130),
  ('start-business', '开办企业', 'Starting a business', 'enterprise', 210),
  ('operating-permits', '经营许可', 'Operating permits', 'enterprise', 220),
  ('construction', '工程建设', 'Construction projects', 'enterprise', 230),
  ('transport', '交通运输', 'Transport business', 'enterprise', 240),
  ('hiring', '招工用工', 'Hiring staff', 'enterprise', 250),
  ('tax', '纳税缴费', 'Taxes and fees', 'enterprise', 260),
  ('enterprise-change', '变更登记', 'Changes to a business', 'enterprise', 270),
  ('closing', '注销退出', 'Closing a business', 'enterprise', 280);

-- Service items (基本目录) ---------------------------------------------------------------------------------

CREATE TABLE service_items (
  id                   uuid PRIMARY KEY,
  basic_code           varchar(20) NOT NULL UNIQUE CHECK (basic_code ~ '^[0-9A-Z]{8,20}$'),
  name                 text NOT NULL CHECK (btrim(name) <> '' AND char_length(name) <= 100),
  type                 text NOT NULL CHECK (type IN ('license', 'benefit', 'confirmation', 'levy', 'adjudication', 'reward', 'otherPower', 'publicService')),
  power_source         text NOT NULL CHECK (power_source IN ('statutory', 'delegated', 'authorized', 'entrusted', 'peerAuthorized', 'peerEntrusted')),
  basis                jsonb NOT NULL CHECK (jsonb_typeof(basis) = 'array' AND jsonb_array_length(basis) BETWEEN 1 AND 20),
  audience             text NOT NULL CHECK (audience IN ('person', 'enterprise', 'both')),
  keywords             text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 30),
  aliases              text[] NOT NULL DEFAULT '{}' CHECK (cardinality(aliases) <= 30),
  department_category  text NOT NULL CHECK (btrim(department_category) <> ''),
  description          text NOT NULL DEFAULT '',
  sort                 int NOT NULL DEFAULT 0 CHECK (sort BETWEEN 0 AND 999999),
  region_code          varchar(12) NOT NULL REFERENCES regions (code),
  search_name          text NOT NULL,
  search_aliases       text[] NOT NULL DEFAULT '{}',
  search_keywords      text[] NOT NULL DEFAULT '{}',
  search_text          text NOT NULL,
  version              int NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
CREATE INDEX service_items_region_prefix_idx ON service_items (region_code varchar_pattern_ops);

COMMENT ON TABLE service_items IS '政务服务事项 (GB/T 39554 基本目录): defined once; name, basic code, basis and type are the same for every implementer (四级四同).';
COMMENT ON COLUMN service_items.id IS 'UUIDv7.';
COMMENT ON COLUMN service_items.basic_code IS '基本编码: shared by every implementation; 8–20 digits or capital letters as the national catalogue assigns them.';
COMMENT ON COLUMN service_items.name IS '事项名称, e.g. 个体工商户设立登记; unique within its catalogue region.';
COMMENT ON COLUMN service_items.type IS '事项类型: license 行政许可, benefit 行政给付, confirmation 行政确认, levy 行政征收, adjudication 行政裁决, reward 行政奖励, otherPower 其他行政权力, publicService 公共服务.';
COMMENT ON COLUMN service_items.power_source IS '权力来源: statutory 法定本级行使, delegated 上级下放, authorized 上级授权, entrusted 上级委托, peerAuthorized 同级授权, peerEntrusted 同级委托.';
COMMENT ON COLUMN service_items.basis IS '设定依据: array of { name: 《law》, article: 第X条, excerpt }.';
COMMENT ON COLUMN service_items.audience IS '服务对象: person 自然人, enterprise 法人, both.';
COMMENT ON COLUMN service_items.keywords IS 'Search keywords (上户口, 报户口 …), at least two characters each.';
COMMENT ON COLUMN service_items.aliases IS 'Everyday names people search for (营业执照 → 个体工商户设立登记).';
COMMENT ON COLUMN service_items.department_category IS '行业主管部门类别, e.g. 公安, 市场监管.';
COMMENT ON COLUMN service_items.description IS 'A plain-words summary for the portal.';
COMMENT ON COLUMN service_items.sort IS 'Display order when browsing (then by name).';
COMMENT ON COLUMN service_items.region_code IS 'The catalogue (region) that defines the item; only catalogue admins of that region or above edit it.';
COMMENT ON COLUMN service_items.search_name IS 'name normalised for search (NFKC, lower case, no spaces or punctuation); written by the application.';
COMMENT ON COLUMN service_items.search_aliases IS 'aliases normalised like search_name.';
COMMENT ON COLUMN service_items.search_keywords IS 'keywords normalised like search_name.';
COMMENT ON COLUMN service_items.search_text IS 'Name, aliases and keywords normalised and joined with | so that bigrams never span two of them; matched with strpos (portable to PGlite, no pg_trgm).';
COMMENT ON COLUMN service_items.version IS 'Optimistic concurrency: incremented on every update.';
COMMENT ON COLUMN service_items.created_at IS 'When the item was added.';
COMMENT ON COLUMN service_items.updated_at IS 'When the item last changed.';

CREATE TABLE service_item_life_events (
  service_item_id  uuid NOT NULL REFERENCES service_items (id) ON DELETE CASCADE,
  life_event_code  text NOT NULL REFERENCES life_events (code),
  PRIMARY KEY (service_item_id, life_event_code)
);
CREATE INDEX service_item_life_events_code_idx ON service_item_life_events (life_event_code);
COMMENT ON TABLE service_item_life_events IS 'Which life events an item belongs to (an item may belong to several).';
COMMENT ON COLUMN service_item_life_events.service_item_id IS 'The item.';
COMMENT ON COLUMN service_item_life_events.life_event_code IS 'The life event.';

-- Implementations (实施清单) --------------------------------------------------------------------------------

CREATE TABLE service_item_implementations (
  id                   uuid PRIMARY KEY,
  service_item_id      uuid NOT NULL REFERENCES service_items (id),
  department_id        uuid NOT NULL REFERENCES departments (id),
  region_code          varchar(12) NOT NULL REFERENCES regions (code),
  serial               smallint NOT NULL CHECK (serial BETWEEN 1 AND 99),
  implementation_code  varchar(60) NOT NULL UNIQUE CHECK (implementation_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}[0-9A-Z]{8,20}[0-9]{2}$'),
  is_active            boolean NOT NULL DEFAULT true,
  version              int NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_item_id, department_id, region_code)
);
CREATE INDEX service_item_implementations_item_idx ON service_item_implementations (service_item_id);
CREATE INDEX service_item_implementations_department_idx ON service_item_implementations (department_id);
CREATE INDEX service_item_implementations_region_idx ON service_item_implementations (region_code varchar_pattern_ops);

COMMENT ON TABLE service_item_implementations IS '实施清单: one implementing department in one region for one item; its versions carry the local elements.';
COMMENT ON COLUMN service_item_implementations.id IS 'UUIDv7.';
COMMENT ON COLUMN service_item_implementations.service_item_id IS 'The item implemented.';
COMMENT ON COLUMN service_item_implementations.department_id IS '实施主体: the implementing department.';
COMMENT ON COLUMN service_item_implementations.region_code IS 'The region served: the department''s own region or one below it.';
COMMENT ON COLUMN service_item_implementations.serial IS 'Two-digit serial distinguishing implementations of one item by one department.';
COMMENT ON COLUMN service_item_implementations.implementation_code IS '实施编码 (GB/T 39554): the department''s 统一社会信用代码 + the item''s 基本编码 + serial; fixed at creation.';
COMMENT ON COLUMN service_item_implementations.is_active IS 'A deactivated implementation keeps its versions (cases refer to them) but is no longer offered.';
COMMENT ON COLUMN service_item_implementations.version IS 'Optimistic concurrency: incremented on every update.';
COMMENT ON COLUMN service_item_implementations.created_at IS 'When the implementation was added.';
COMMENT ON COLUMN service_item_implementations.updated_at IS 'When the implementation last changed.';

-- Versions ---------------------------------------------------------------------------------------------------

CREATE TABLE service_item_versions (
  id                     uuid PRIMARY KEY,
  implementation_id      uuid NOT NULL REFERENCES service_item_implementations (id),
  version                int NOT NULL CHECK (version >= 1),
  status                 text NOT NULL CHECK (status IN ('draft', 'review', 'published', 'retired')),
  effective_from         timestamptz,
  effective_to           timestamptz,
  item_snapshot          jsonb NOT NULL CHECK (jsonb_typeof(item_snapshot) = 'object'),
  acceptance_conditions  text NOT NULL CHECK (btrim(acceptance_conditions) <> ''),
  legal_limit_days       int CHECK (legal_limit_days BETWEEN 0 AND 3650),
  legal_limit_unit       text CHECK (legal_limit_unit IN ('workingDay', 'naturalDay')),
  legal_limit_note       text NOT NULL DEFAULT '',
  promised_limit_days    int NOT NULL CHECK (promised_limit_days BETWEEN 0 AND 3650),
  promised_limit_unit    text NOT NULL CHECK (promised_limit_unit IN ('workingDay', 'naturalDay')),
  promised_limit_note    text NOT NULL DEFAULT '',
  case_kind              text NOT NULL CHECK (case_kind IN ('immediate', 'promised')),
  channels               text[] NOT NULL CHECK (cardinality(channels) >= 1 AND channels <@ ARRAY['window', 'online', 'post']::text[]),
  visits_required        smallint NOT NULL CHECK (visits_required BETWEEN 0 AND 10),
  is_charged             boolean NOT NULL,
  fee_basis              text,
  fee_amount_fen         bigint CHECK (fee_amount_fen >= 0),
  fee_note               text NOT NULL DEFAULT '',
  location               text NOT NULL CHECK (btrim(location) <> ''),
  hours                  text NOT NULL CHECK (btrim(hours) <> ''),
  consult_phone          text NOT NULL CHECK (btrim(consult_phone) <> ''),
  complaint_phone        text NOT NULL CHECK (btrim(complaint_phone) <> ''),
  allows_pledge          boolean NOT NULL,
  allows_gaps            boolean NOT NULL,
  materials              jsonb NOT NULL CHECK (jsonb_typeof(materials) = 'array'),
  form                   jsonb NOT NULL CHECK (jsonb_typeof(form) = 'object' AND jsonb_typeof(form -> 'fields') = 'array'),
  workflow               jsonb NOT NULL CHECK (jsonb_typeof(workflow) = 'object' AND jsonb_typeof(workflow -> 'steps') = 'array' AND jsonb_array_length(workflow -> 'steps') >= 2),
  result_fields          jsonb NOT NULL CHECK (jsonb_typeof(result_fields) = 'array'),
  result_template        text NOT NULL DEFAULT '',
  change_note            text NOT NULL DEFAULT '',
  submitted_by           uuid REFERENCES accounts (id),
  submitted_at           timestamptz,
  reject_reason          text,
  revision               int NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (implementation_id, version),
  -- A statutory limit is a number and a unit, or absent altogether (most 公共服务 have none).
  CONSTRAINT service_item_versions_legal_limit_whole CHECK ((legal_limit_days IS NULL) = (legal_limit_unit IS NULL)),
  CONSTRAINT service_item_versions_promise_within_law CHECK (
    legal_limit_days IS NULL OR legal_limit_unit <> promised_limit_unit OR promised_limit_days <= legal_limit_days),
  -- 即办件 are decided on the spot; 承诺件 have a promised limit of at least one day.
  CONSTRAINT service_item_versions_case_kind_limit CHECK ((case_kind = 'immediate') = (promised_limit_days = 0)),
  CONSTRAINT service_item_versions_fee_complete CHECK (NOT is_charged OR (fee_basis IS NOT NULL AND fee_amount_fen IS NOT NULL)),
  -- Drafts and versions in review have no effective dates; published and retired ones have taken (or were to take) effect.
  CONSTRAINT service_item_versions_dates_by_status CHECK (
    CASE status
      WHEN 'draft' THEN effective_from IS NULL AND effective_to IS NULL
      WHEN 'review' THEN effective_from IS NULL AND effective_to IS NULL AND submitted_at IS NOT NULL
      WHEN 'published' THEN effective_from IS NOT NULL AND (effective_to IS NULL OR effective_to > effective_from)
      WHEN 'retired' THEN effective_from IS NOT NULL AND effective_to IS NOT NULL AND effective_to >= effective_from
      ELSE false
    END)
);
-- One version in force at a time: at most one open-ended published version per implementation (the trigger
-- below also refuses overlapping periods), and at most one version being prepared (draft or in review).
CREATE UNIQUE INDEX service_item_versions_one_open_published ON service_item_versions (implementation_id) WHERE status = 'published' AND effective_to IS NULL;
CREATE UNIQUE INDEX service_item_versions_one_pending ON service_item_versions (implementation_id) WHERE status IN ('draft', 'review');
CREATE INDEX service_item_versions_status_idx ON service_item_versions (status, implementation_id);

COMMENT ON TABLE service_item_versions IS 'A version of an implementation: all GB/T 39554 elements as data; draft → review → published → retired. Published content never changes, so a case keeps exactly the version it was filed under.';
COMMENT ON COLUMN service_item_versions.id IS 'UUIDv7; what a case stores as itemVersionId.';
COMMENT ON COLUMN service_item_versions.implementation_id IS 'The implementation this is a version of.';
COMMENT ON COLUMN service_item_versions.version IS 'Version number 1, 2, … per implementation.';
COMMENT ON COLUMN service_item_versions.status IS 'draft (editable), review (submitted, waiting for a reviewer), published (in force from effective_from to effective_to), retired.';
COMMENT ON COLUMN service_item_versions.effective_from IS '生效日期: when the published version takes effect.';
COMMENT ON COLUMN service_item_versions.effective_to IS '取消日期: when it stopped or stops being in force (the successor''s effective_from, or the retirement time); null while open-ended.';
COMMENT ON COLUMN service_item_versions.item_snapshot IS 'The item (basic code, name, type, power source, basis, audience, category) as defined when the version was created or approved; the 四级四同 report compares these.';
COMMENT ON COLUMN service_item_versions.acceptance_conditions IS '受理条件.';
COMMENT ON COLUMN service_item_versions.legal_limit_days IS '法定办结时限: number of days, null when no law sets one.';
COMMENT ON COLUMN service_item_versions.legal_limit_unit IS 'workingDay or naturalDay, null with legal_limit_days.';
COMMENT ON COLUMN service_item_versions.legal_limit_note IS 'Remarks on the statutory limit (e.g. what is not counted).';
COMMENT ON COLUMN service_item_versions.promised_limit_days IS '承诺办结时限: days; 0 for 即办件. Cases count their deadline from it in working days.';
COMMENT ON COLUMN service_item_versions.promised_limit_unit IS 'workingDay or naturalDay.';
COMMENT ON COLUMN service_item_versions.promised_limit_note IS 'Remarks on the promised limit.';
COMMENT ON COLUMN service_item_versions.case_kind IS '办件类型: immediate 即办件 or promised 承诺件.';
COMMENT ON COLUMN service_item_versions.channels IS '办理形式: window, online, post.';
COMMENT ON COLUMN service_item_versions.visits_required IS '到办事现场次数 (0 = 零跑动).';
COMMENT ON COLUMN service_item_versions.is_charged IS '是否收费.';
COMMENT ON COLUMN service_item_versions.fee_basis IS '收费依据 (pricing document), required when charged.';
COMMENT ON COLUMN service_item_versions.fee_amount_fen IS '收费标准 in fen (分), required when charged.';
COMMENT ON COLUMN service_item_versions.fee_note IS 'Remarks on fees (reductions, who pays).';
COMMENT ON COLUMN service_item_versions.location IS '办理地点.';
COMMENT ON COLUMN service_item_versions.hours IS '办理时间.';
COMMENT ON COLUMN service_item_versions.consult_phone IS '咨询方式 (telephone).';
COMMENT ON COLUMN service_item_versions.complaint_phone IS '监督投诉方式 (telephone).';
COMMENT ON COLUMN service_item_versions.allows_pledge IS '告知承诺: a signed promise may replace the materials marked canBePledged.';
COMMENT ON COLUMN service_item_versions.allows_gaps IS '容缺受理: accepted while materials marked canBeGap are still missing.';
COMMENT ON COLUMN service_item_versions.materials IS '申请材料: array of { key, name, source, issuer, originals, copies, formats, maxSizeMb, isRequired, canBeGap, canBePledged, blankFormUrl, sampleUrl, licenseTypeCode, note, appliesWhen }.';
COMMENT ON COLUMN service_item_versions.form IS 'Application form schema { fields: [...] } (contracts/src/catalogue-form.ts); submissions are checked against it.';
COMMENT ON COLUMN service_item_versions.workflow IS '办理流程 { steps: [{ key, name, role, departmentIds, isOptional, limitDays }], allowsSpecialProcedure, specialProcedureNote }.';
COMMENT ON COLUMN service_item_versions.result_fields IS 'What a decision records, in the form field format.';
COMMENT ON COLUMN service_item_versions.result_template IS 'Decision letter text with {{placeholders}}.';
COMMENT ON COLUMN service_item_versions.change_note IS '变更说明: what this version changes.';
COMMENT ON COLUMN service_item_versions.submitted_by IS 'Who submitted it for review; the reviewer must be someone else. Null for the platform (seeding, imports by the system).';
COMMENT ON COLUMN service_item_versions.submitted_at IS 'When it was last submitted for review.';
COMMENT ON COLUMN service_item_versions.reject_reason IS 'The reviewer''s reason when it was last sent back.';
COMMENT ON COLUMN service_item_versions.revision IS 'Optimistic concurrency for edits and transitions: incremented on every update.';
COMMENT ON COLUMN service_item_versions.created_at IS 'When the version was drafted.';
COMMENT ON COLUMN service_item_versions.updated_at IS 'When the version last changed.';

-- Published periods of one implementation never overlap. Without btree_gist (PGlite loads no extension by
-- default) an exclusion constraint cannot combine the implementation id with a range, so a trigger checks it,
-- after locking the implementation row so that two approvals cannot both pass the check.
CREATE FUNCTION service_item_versions_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'published' THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM service_item_implementations WHERE id = NEW.implementation_id FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM service_item_versions v
    WHERE v.implementation_id = NEW.implementation_id AND v.id <> NEW.id AND v.status = 'published'
      AND tstzrange(v.effective_from, v.effective_to, '[)') && tstzrange(NEW.effective_from, NEW.effective_to, '[)')
  ) THEN
    RAISE EXCEPTION 'published versions of implementation % overlap', NEW.implementation_id
      USING ERRCODE = '23P01', CONSTRAINT = 'service_item_versions_no_overlap';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER service_item_versions_no_overlap BEFORE INSERT OR UPDATE ON service_item_versions
  FOR EACH ROW EXECUTE FUNCTION service_item_versions_no_overlap();

-- A published or retired version is what cases were filed and decided under: only its end date, status and
-- bookkeeping may change, and it is never deleted.
CREATE FUNCTION service_item_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('published', 'retired') THEN
      RAISE EXCEPTION 'published item versions cannot be deleted' USING ERRCODE = '23001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IN ('published', 'retired')
     AND (to_jsonb(NEW) - ARRAY['status', 'effective_to', 'revision', 'updated_at'])
         IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'effective_to', 'revision', 'updated_at']) THEN
    RAISE EXCEPTION 'published item versions cannot be changed' USING ERRCODE = '23514';
  END IF;
  IF OLD.status = 'retired' AND NEW.status <> 'retired' THEN
    RAISE EXCEPTION 'a retired item version cannot be brought back' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER service_item_versions_frozen BEFORE UPDATE OR DELETE ON service_item_versions
  FOR EACH ROW EXECUTE FUNCTION service_item_versions_frozen();

CREATE TABLE service_item_version_actions (
  id           uuid PRIMARY KEY,
  version_id   uuid NOT NULL REFERENCES service_item_versions (id) ON DELETE CASCADE,
  action       text NOT NULL CHECK (action IN ('create', 'edit', 'submit', 'withdraw', 'approve', 'reject', 'retire', 'discard', 'supersede')),
  from_status  text CHECK (from_status IN ('draft', 'review', 'published', 'retired')),
  to_status    text CHECK (to_status IN ('draft', 'review', 'published', 'retired')),
  actor_id     uuid,
  actor_name   text NOT NULL,
  note         text NOT NULL DEFAULT '',
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_item_version_actions_version_idx ON service_item_version_actions (version_id, at);

COMMENT ON TABLE service_item_version_actions IS 'History of each version: who created, edited, submitted, approved, sent back or retired it and why (append-only; a discarded draft takes its history with it, the audit trail keeps it).';
COMMENT ON COLUMN service_item_version_actions.id IS 'UUIDv7 (time-ordered).';
COMMENT ON COLUMN service_item_version_actions.version_id IS 'The version acted on.';
COMMENT ON COLUMN service_item_version_actions.action IS 'create, edit, submit, withdraw, approve, reject, retire, discard or supersede (the platform retiring a version when its successor takes effect).';
COMMENT ON COLUMN service_item_version_actions.from_status IS 'Status before the action.';
COMMENT ON COLUMN service_item_version_actions.to_status IS 'Status after the action.';
COMMENT ON COLUMN service_item_version_actions.actor_id IS 'The account that acted; null for the platform.';
COMMENT ON COLUMN service_item_version_actions.actor_name IS 'The actor''s name at the time, as shown in the history.';
COMMENT ON COLUMN service_item_version_actions.note IS 'Reason or remark (a rejection always has one).';
COMMENT ON COLUMN service_item_version_actions.at IS 'When it happened.';

CREATE FUNCTION service_item_version_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'service_item_version_actions is append-only' USING ERRCODE = '23514';
END;
$$;
CREATE TRIGGER service_item_version_actions_no_update BEFORE UPDATE ON service_item_version_actions
  FOR EACH ROW EXECUTE FUNCTION service_item_version_actions_append_only();
