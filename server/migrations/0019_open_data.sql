-- 数据开放: what the open-data domain keeps beside the catalogue. The datasets themselves are the catalogue's published
-- resources whose open type is open or restricted (data_resources, read through the catalogue's functions); here live
-- the chief data officer's per-dataset settings, developers' API keys and their usage counters, applications for
-- 受限开放 datasets, and daily download and call counts. server/src/data/open-data owns these tables (see its README.md).

CREATE TABLE open_dataset_settings (
  resource_id     uuid PRIMARY KEY REFERENCES data_resources (id),
  is_featured     boolean NOT NULL DEFAULT false,
  featured_rank   int NOT NULL DEFAULT 0 CHECK (featured_rank BETWEEN 0 AND 999),
  licence_name    text NOT NULL DEFAULT '' CHECK (char_length(licence_name) <= 60),
  licence_terms   text NOT NULL DEFAULT '' CHECK (char_length(licence_terms) <= 2000),
  contact_name    text NOT NULL DEFAULT '' CHECK (char_length(contact_name) <= 60),
  contact_email   text NOT NULL DEFAULT '' CHECK (char_length(contact_email) <= 120),
  contact_phone   text NOT NULL DEFAULT '' CHECK (contact_phone ~ '^[0-9+() -]{0,30}$'),
  version         int NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by      uuid REFERENCES accounts (id),
  updated_by_name text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE open_dataset_settings IS 'Optional per-dataset settings of the open-data portal, kept by open-data.manage (首席数据官); a dataset without a row uses the defaults.';
COMMENT ON COLUMN open_dataset_settings.resource_id IS 'The catalogue resource (an open or restricted one).';
COMMENT ON COLUMN open_dataset_settings.is_featured IS 'Shown first on the portal (精选数据集).';
COMMENT ON COLUMN open_dataset_settings.featured_rank IS 'Order among featured datasets, lowest first.';
COMMENT ON COLUMN open_dataset_settings.licence_name IS 'Licence name (e.g. 开放数据许可协议); empty means the platform default.';
COMMENT ON COLUMN open_dataset_settings.licence_terms IS 'Licence terms shown on the dataset page.';
COMMENT ON COLUMN open_dataset_settings.contact_name IS 'Who answers questions about the dataset (a unit or role, not necessarily a person).';
COMMENT ON COLUMN open_dataset_settings.contact_email IS 'Contact e-mail (a unit mailbox).';
COMMENT ON COLUMN open_dataset_settings.contact_phone IS 'Contact telephone (a unit line).';
COMMENT ON COLUMN open_dataset_settings.version IS 'Optimistic concurrency: incremented on every change.';
COMMENT ON COLUMN open_dataset_settings.updated_by IS 'Who last changed the settings; null for the platform (demo seed).';
COMMENT ON COLUMN open_dataset_settings.updated_by_name IS 'Their name at the time.';
COMMENT ON COLUMN open_dataset_settings.updated_at IS 'Last change (also the dataset''s metadata_modified when later than the catalogue''s).';
CREATE INDEX open_dataset_settings_featured_idx ON open_dataset_settings (featured_rank) WHERE is_featured;

CREATE TABLE open_api_keys (
  id               uuid PRIMARY KEY,
  account_id       uuid NOT NULL REFERENCES accounts (id),
  enterprise_id    uuid REFERENCES enterprises (id),
  name             text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 1 AND 40),
  prefix           text NOT NULL CHECK (prefix ~ '^ztk_[0-9a-f]{8}$'),
  secret_hash      text NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  rate_per_minute  int NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 100000),
  daily_quota      int NOT NULL CHECK (daily_quota BETWEEN 1 AND 100000000),
  call_count       bigint NOT NULL DEFAULT 0 CHECK (call_count >= 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_used_at     timestamptz,
  revoked_at       timestamptz
);
COMMENT ON TABLE open_api_keys IS 'API keys of open-data developers (a signed-in person, or an enterprise acting through its account or agent). The key is shown once; only its HMAC-SM3 is kept.';
COMMENT ON COLUMN open_api_keys.id IS 'UUIDv7.';
COMMENT ON COLUMN open_api_keys.account_id IS 'The account that created the key.';
COMMENT ON COLUMN open_api_keys.enterprise_id IS 'The enterprise the creator acted for; null for a person''s own key. Approved applications of this party open restricted items to the key.';
COMMENT ON COLUMN open_api_keys.name IS 'The developer''s label for the key (which app uses it).';
COMMENT ON COLUMN open_api_keys.prefix IS 'The first characters of the key, shown to tell keys apart.';
COMMENT ON COLUMN open_api_keys.secret_hash IS 'HMAC-SM3 of the whole key with the database-secrets key (hex); the key is found by it.';
COMMENT ON COLUMN open_api_keys.rate_per_minute IS 'Calls allowed per minute (429 beyond).';
COMMENT ON COLUMN open_api_keys.daily_quota IS 'Calls allowed per day, Beijing time (429 beyond).';
COMMENT ON COLUMN open_api_keys.call_count IS 'Calls answered with data since the key was created.';
COMMENT ON COLUMN open_api_keys.created_at IS 'When the key was created.';
COMMENT ON COLUMN open_api_keys.last_used_at IS 'Last answered call.';
COMMENT ON COLUMN open_api_keys.revoked_at IS 'When the developer revoked it; a revoked key authenticates nothing.';
CREATE INDEX open_api_keys_account_idx ON open_api_keys (account_id);
CREATE INDEX open_api_keys_enterprise_idx ON open_api_keys (enterprise_id) WHERE enterprise_id IS NOT NULL;

CREATE TABLE open_api_usage (
  key_id        uuid NOT NULL REFERENCES open_api_keys (id),
  window_kind   text NOT NULL CHECK (window_kind IN ('minute', 'day')),
  window_start  timestamptz NOT NULL,
  calls         int NOT NULL CHECK (calls >= 0),
  PRIMARY KEY (key_id, window_kind, window_start)
);
COMMENT ON TABLE open_api_usage IS 'Call counters per key and window, shared by every server process: the per-minute rate limit and the daily quota. Old windows are pruned by a job.';
COMMENT ON COLUMN open_api_usage.key_id IS 'The API key.';
COMMENT ON COLUMN open_api_usage.window_kind IS 'minute (rate limit) or day (quota, the Beijing calendar day).';
COMMENT ON COLUMN open_api_usage.window_start IS 'Start of the window.';
COMMENT ON COLUMN open_api_usage.calls IS 'Calls admitted in the window; incremented only while below the limit, so it never passes it.';

CREATE TABLE open_dataset_stats (
  resource_id  uuid NOT NULL REFERENCES data_resources (id),
  day          date NOT NULL,
  downloads    int NOT NULL DEFAULT 0 CHECK (downloads >= 0),
  api_calls    int NOT NULL DEFAULT 0 CHECK (api_calls >= 0),
  PRIMARY KEY (resource_id, day)
);
COMMENT ON TABLE open_dataset_stats IS 'Daily use of each open dataset: file downloads (any format) and answered open-API calls.';
COMMENT ON COLUMN open_dataset_stats.resource_id IS 'The catalogue resource.';
COMMENT ON COLUMN open_dataset_stats.day IS 'Calendar day, Beijing time.';
COMMENT ON COLUMN open_dataset_stats.downloads IS 'Downloads started that day.';
COMMENT ON COLUMN open_dataset_stats.api_calls IS 'Open-API calls answered that day.';

CREATE TABLE open_data_applications (
  id                       uuid PRIMARY KEY,
  resource_id              uuid NOT NULL REFERENCES data_resources (id),
  applicant_account_id     uuid NOT NULL REFERENCES accounts (id),
  applicant_enterprise_id  uuid REFERENCES enterprises (id),
  applicant_name           text NOT NULL,
  purpose                  text NOT NULL CHECK (char_length(btrim(purpose)) BETWEEN 5 AND 500),
  scenario                 text NOT NULL CHECK (char_length(btrim(scenario)) BETWEEN 5 AND 1000),
  months                   int NOT NULL CHECK (months BETWEEN 1 AND 24),
  status                   text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
  decided_by               uuid REFERENCES accounts (id),
  decided_by_name          text,
  decided_at               timestamptz,
  decision_note            text NOT NULL DEFAULT '',
  valid_until              timestamptz,
  version                  int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at               timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'approved') = (valid_until IS NOT NULL)),
  CHECK ((status IN ('approved', 'refused')) = (decided_at IS NOT NULL)),
  CHECK (status <> 'refused' OR btrim(decision_note) <> '')
);
COMMENT ON TABLE open_data_applications IS '受限开放 applications: a person or an enterprise asks for a restricted dataset''s restricted items (purpose, scenario, period); open-data.manage approves for a period or refuses with a reason.';
COMMENT ON COLUMN open_data_applications.id IS 'UUIDv7.';
COMMENT ON COLUMN open_data_applications.resource_id IS 'The restricted dataset (catalogue resource).';
COMMENT ON COLUMN open_data_applications.applicant_account_id IS 'The account that applied.';
COMMENT ON COLUMN open_data_applications.applicant_enterprise_id IS 'The enterprise applied for (its own account or an authorised agent); null for a person applying for themselves.';
COMMENT ON COLUMN open_data_applications.applicant_name IS 'The applicant''s name (person or enterprise) at the time.';
COMMENT ON COLUMN open_data_applications.purpose IS '用途: what the data is used for.';
COMMENT ON COLUMN open_data_applications.scenario IS '应用场景: where and how it is used (the product, who sees the results).';
COMMENT ON COLUMN open_data_applications.months IS 'Period asked for, in months; an approval may grant less.';
COMMENT ON COLUMN open_data_applications.status IS 'pending, approved (expired once valid_until has passed: derived, not stored), refused or withdrawn.';
COMMENT ON COLUMN open_data_applications.decided_by IS 'Who approved or refused.';
COMMENT ON COLUMN open_data_applications.decided_by_name IS 'Their name at the time.';
COMMENT ON COLUMN open_data_applications.decided_at IS 'When it was approved or refused.';
COMMENT ON COLUMN open_data_applications.decision_note IS 'Reason of a refusal (required), or the approver''s conditions.';
COMMENT ON COLUMN open_data_applications.valid_until IS 'End of an approval: afterwards the applicant''s keys no longer receive the restricted items.';
COMMENT ON COLUMN open_data_applications.version IS 'Optimistic concurrency: incremented on every change; a second decision on the same version fails.';
COMMENT ON COLUMN open_data_applications.created_at IS 'When the application was filed.';
-- One pending application per applicant (the enterprise, else the person) and dataset.
CREATE UNIQUE INDEX open_data_applications_one_pending_idx
  ON open_data_applications (resource_id, (COALESCE(applicant_enterprise_id, applicant_account_id)))
  WHERE status = 'pending';
CREATE INDEX open_data_applications_status_idx ON open_data_applications (status, created_at);
CREATE INDEX open_data_applications_applicant_idx ON open_data_applications (applicant_account_id, created_at);
