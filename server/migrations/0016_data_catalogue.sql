-- 数据资源目录: the catalogue of the city's government data (one entry per data resource, versioned, reviewed by the
-- platform before publishing) and the records behind each resource, which the sharing exchange, open data and the
-- aggregate-query service read. server/src/data/catalogue owns these tables (see its README.md).

CREATE TABLE data_resources (
  id                      uuid PRIMARY KEY,
  code                    text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z/._-]{2,39}$'),
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  region_code             text NOT NULL REFERENCES regions (code),
  source_kind             text NOT NULL CHECK (source_kind IN ('table', 'personRegistry', 'entityRegistry')),
  status                  text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'retired')),
  published_version       int CHECK (published_version >= 1),
  definition              jsonb CHECK (definition IS NULL OR jsonb_typeof(definition) = 'object'),
  name                    text NOT NULL,
  level                   text NOT NULL CHECK (level IN ('core', 'important', 'general')),
  share_type              text NOT NULL CHECK (share_type IN ('unconditional', 'conditional', 'none')),
  open_type               text NOT NULL CHECK (open_type IN ('open', 'restricted', 'closed')),
  format                  text NOT NULL,
  catalogue_type          text NOT NULL CHECK (catalogue_type IN ('base', 'theme', 'department')),
  themes                  text[] NOT NULL DEFAULT '{}',
  search_text             text NOT NULL DEFAULT '',
  record_count            bigint NOT NULL DEFAULT 0 CHECK (record_count >= 0),
  records_updated_at      timestamptz,
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by              uuid REFERENCES accounts (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE data_resources IS '数据资源目录: one row per data resource; the columns after definition repeat the published (or, before the first publication, the latest) version for search and facets.';
COMMENT ON COLUMN data_resources.id IS 'UUIDv7.';
COMMENT ON COLUMN data_resources.code IS '资源代码, fixed once created (e.g. 539900-GA-0001).';
COMMENT ON COLUMN data_resources.provider_department_id IS '提供方: the department that owns the data, answers share requests and fixes disputed values.';
COMMENT ON COLUMN data_resources.region_code IS 'Region of the provider, for region-scoped administration.';
COMMENT ON COLUMN data_resources.source_kind IS 'table (rows uploaded or pushed by the provider) or personRegistry / entityRegistry (人口库 / 法人库, written by the registries domain).';
COMMENT ON COLUMN data_resources.status IS 'draft until first submitted; review while the first version awaits the platform; published once a version is (a later version in draft or review leaves it published: see data_resource_versions); retired (no new share requests, grants end).';
COMMENT ON COLUMN data_resources.published_version IS 'Version number that consumers see; null before the first publication.';
COMMENT ON COLUMN data_resources.definition IS 'The published version''s definition (DataResourceDefinition JSON: metadata and information items); null before publication.';
COMMENT ON COLUMN data_resources.name IS 'Resource name (资源名称).';
COMMENT ON COLUMN data_resources.level IS 'Strictest level among the fields (核心/重要/一般, GB/T 43697).';
COMMENT ON COLUMN data_resources.share_type IS '共享类型 of the resource.';
COMMENT ON COLUMN data_resources.open_type IS '开放类型 of the resource.';
COMMENT ON COLUMN data_resources.format IS '资源格式 (database, spreadsheet, api, file).';
COMMENT ON COLUMN data_resources.catalogue_type IS '目录类型 基础/主题/部门.';
COMMENT ON COLUMN data_resources.themes IS 'Themes (主题) for browsing and facets.';
COMMENT ON COLUMN data_resources.search_text IS 'Name, summary, keywords, classification and field names, for search.';
COMMENT ON COLUMN data_resources.record_count IS 'Number of records held (data_records).';
COMMENT ON COLUMN data_resources.records_updated_at IS 'When records were last written (timeliness against the update cycle).';
COMMENT ON COLUMN data_resources.version IS 'Optimistic concurrency: incremented on every change of the row.';
COMMENT ON COLUMN data_resources.created_by IS 'Who created the entry; null for the platform (demo seed).';
COMMENT ON COLUMN data_resources.created_at IS 'When the entry was created.';
COMMENT ON COLUMN data_resources.updated_at IS 'Last change of the entry.';
CREATE INDEX data_resources_provider_idx ON data_resources (provider_department_id);
CREATE INDEX data_resources_status_idx ON data_resources (status, name);

CREATE TABLE data_resource_versions (
  resource_id  uuid NOT NULL REFERENCES data_resources (id),
  number       int NOT NULL CHECK (number >= 1),
  status       text NOT NULL CHECK (status IN ('draft', 'review', 'published', 'superseded', 'returned')),
  definition   jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  note         text NOT NULL DEFAULT '',
  created_by   uuid REFERENCES accounts (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  decided_by   uuid REFERENCES accounts (id),
  decided_at   timestamptz,
  decision_note text NOT NULL DEFAULT '',
  PRIMARY KEY (resource_id, number)
);
COMMENT ON TABLE data_resource_versions IS 'Versions of a resource''s definition: a draft is edited by the provider, submitted for review, published by the platform (the previous one is superseded) or returned with a reason.';
COMMENT ON COLUMN data_resource_versions.resource_id IS 'The resource.';
COMMENT ON COLUMN data_resource_versions.number IS 'Version number, 1 upwards.';
COMMENT ON COLUMN data_resource_versions.status IS 'draft, review, published (the current one), superseded (an earlier published one), returned (sent back by the reviewer; a new draft follows).';
COMMENT ON COLUMN data_resource_versions.definition IS 'DataResourceDefinition JSON.';
COMMENT ON COLUMN data_resource_versions.note IS 'What changed in this version (修订说明).';
COMMENT ON COLUMN data_resource_versions.created_by IS 'Who drafted it; null for the platform.';
COMMENT ON COLUMN data_resource_versions.created_at IS 'When the draft was made.';
COMMENT ON COLUMN data_resource_versions.submitted_at IS 'When it was submitted for review.';
COMMENT ON COLUMN data_resource_versions.decided_by IS 'Who published or returned it.';
COMMENT ON COLUMN data_resource_versions.decided_at IS 'When it was published or returned.';
COMMENT ON COLUMN data_resource_versions.decision_note IS 'The reviewer''s reason when returning, or remark when publishing.';
CREATE UNIQUE INDEX data_resource_versions_one_open_idx ON data_resource_versions (resource_id) WHERE status IN ('draft', 'review');

CREATE TABLE data_records (
  resource_id  uuid NOT NULL REFERENCES data_resources (id),
  record_key   text NOT NULL CHECK (record_key <> ''),
  data         jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  sealed       text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, record_key)
);
COMMENT ON TABLE data_records IS 'The records of each resource: one row per key value (a person, an enterprise, a licence …).';
COMMENT ON COLUMN data_records.resource_id IS 'The resource.';
COMMENT ON COLUMN data_records.record_key IS 'The key field''s value; for a personal key (masking other than none) its SM3 blind index instead, so the key never lies in clear.';
COMMENT ON COLUMN data_records.data IS 'Values of the non-personal fields by field key.';
COMMENT ON COLUMN data_records.sealed IS 'SM4-encrypted JSON object of the personal fields'' values (masking other than none); null when the resource has none.';
COMMENT ON COLUMN data_records.updated_at IS 'When the record was last written.';
CREATE INDEX data_resource_versions_status_idx ON data_resource_versions (status) WHERE status IN ('draft', 'review');

CREATE TABLE data_resource_actions (
  id            uuid PRIMARY KEY,
  resource_id   uuid NOT NULL REFERENCES data_resources (id),
  action        text NOT NULL CHECK (action IN ('create', 'edit', 'newVersion', 'submit', 'publish', 'return', 'retire', 'loadRecords', 'deleteRecords')),
  version_number int CHECK (version_number >= 1),
  actor_id      uuid REFERENCES accounts (id),
  actor_name    text NOT NULL,
  note          text NOT NULL DEFAULT '',
  at            timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE data_resource_actions IS 'History of a resource, append-only: who drafted, submitted, published, returned or retired which version, and who loaded or deleted records.';
COMMENT ON COLUMN data_resource_actions.id IS 'UUIDv7 (orders the history).';
COMMENT ON COLUMN data_resource_actions.resource_id IS 'The resource.';
COMMENT ON COLUMN data_resource_actions.action IS 'create, edit, newVersion, submit, publish, return, retire, loadRecords, deleteRecords.';
COMMENT ON COLUMN data_resource_actions.version_number IS 'The version acted on; null for record loads and retirement.';
COMMENT ON COLUMN data_resource_actions.actor_id IS 'Who acted; null for the platform (seed, jobs).';
COMMENT ON COLUMN data_resource_actions.actor_name IS 'Their name at the time, as the history shows it.';
COMMENT ON COLUMN data_resource_actions.note IS 'Reason (return, retire), remark or what changed (record counts).';
COMMENT ON COLUMN data_resource_actions.at IS 'When.';
CREATE INDEX data_resource_actions_resource_idx ON data_resource_actions (resource_id, id);

CREATE TABLE data_sub_levels (
  level        text NOT NULL CHECK (level IN ('core', 'important', 'general')),
  code         text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$'),
  name         text NOT NULL CHECK (name <> ''),
  description  text NOT NULL DEFAULT '',
  sort         int NOT NULL DEFAULT 0,
  PRIMARY KEY (level, code)
);
COMMENT ON TABLE data_sub_levels IS 'Configurable sub-levels inside each level (分级细化, e.g. 一般数据 L1/L2/L3), kept by the chief data officer; an item''s subLevel must be one of its level''s.';
COMMENT ON COLUMN data_sub_levels.level IS 'core, important or general (GB/T 43697).';
COMMENT ON COLUMN data_sub_levels.code IS 'Code an item carries as its subLevel (L1 …).';
COMMENT ON COLUMN data_sub_levels.name IS 'Name shown beside the level (一般数据 L2 内部).';
COMMENT ON COLUMN data_sub_levels.description IS 'What data belongs here and how it is handled.';
COMMENT ON COLUMN data_sub_levels.sort IS 'Order within the level.';
-- The product's default grading: one level may be subdivided further by the chief data officer.
INSERT INTO data_sub_levels (level, code, name, description, sort) VALUES
  ('general', 'L1', '一般数据 1 级(公开)', '可向社会公开的一般数据', 1),
  ('general', 'L2', '一般数据 2 级(内部)', '限于政务部门内部共享使用的一般数据', 2),
  ('general', 'L3', '一般数据 3 级(敏感)', '泄露后对个人或组织权益有一定影响的一般数据(含一般个人信息)', 3),
  ('important', 'L4', '重要数据', '一旦泄露可能危害公共利益的数据(含敏感个人信息、批量个人信息)', 1),
  ('core', 'L5', '核心数据', '关系国家安全、经济命脉和重大公共利益的数据', 1);
