-- 共享交换: share requests and demands (需求清单), the grants approval makes, the consuming departments' client
-- credentials, each grant's daily quota, and the tamper-evident log of every call to the query API. The catalogue's
-- resources and records are read through server/src/data/catalogue/index.ts only. server/src/data/exchange owns these
-- tables (see its README.md).

CREATE SEQUENCE share_request_number_seq;
COMMENT ON SEQUENCE share_request_number_seq IS 'Serial part of share request numbers (GX + year + 6 digits).';
CREATE SEQUENCE share_demand_number_seq;
COMMENT ON SEQUENCE share_demand_number_seq IS 'Serial part of demand numbers (XQ + year + 6 digits).';

CREATE TABLE share_requests (
  id                      uuid PRIMARY KEY,
  number                  text NOT NULL UNIQUE,
  consumer_department_id  uuid NOT NULL REFERENCES departments (id),
  requested_by            uuid REFERENCES accounts (id),
  resource_id             uuid NOT NULL,
  resource_code           text NOT NULL,
  resource_name           text NOT NULL,
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  region_code             text NOT NULL REFERENCES regions (code),
  is_conditional          boolean NOT NULL,
  fields                  text[] NOT NULL CHECK (cardinality(fields) >= 1),
  unmasked_requested      text[] NOT NULL DEFAULT '{}',
  purpose                 text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 500),
  legal_basis             text NOT NULL DEFAULT '' CHECK (char_length(legal_basis) <= 500),
  valid_from              date NOT NULL,
  valid_to                date NOT NULL,
  expected_daily_volume   int NOT NULL CHECK (expected_daily_volume >= 1),
  status                  text NOT NULL CHECK (status IN ('platformReview', 'providerReview', 'approved', 'refused', 'withdrawn')),
  platform_due_at         timestamptz NOT NULL,
  provider_due_at         timestamptz,
  rate_limit_per_second   int CHECK (rate_limit_per_second BETWEEN 1 AND 10000),
  daily_quota             int CHECK (daily_quota >= 1),
  unmasked_fields         text[] NOT NULL DEFAULT '{}',
  refusal_reason          text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (valid_to >= valid_from AND valid_to < valid_from + 366),
  CHECK (consumer_department_id <> provider_department_id),
  CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
  CHECK (status <> 'providerReview' OR provider_due_at IS NOT NULL)
);
COMMENT ON TABLE share_requests IS '共享申请: a consuming department asks for some fields of a published resource for a purpose and period; the platform reviews every request (2 working days), the provider also answers conditional ones (5 working days).';
COMMENT ON COLUMN share_requests.id IS 'UUIDv7.';
COMMENT ON COLUMN share_requests.number IS 'Readable number GX<year><6 digits>, shown to people.';
COMMENT ON COLUMN share_requests.consumer_department_id IS 'The consuming (requesting) department.';
COMMENT ON COLUMN share_requests.requested_by IS 'The data consumer who filed it.';
COMMENT ON COLUMN share_requests.resource_id IS 'The catalogue resource (data_resources.id, owned by the catalogue; no foreign key across domains).';
COMMENT ON COLUMN share_requests.resource_code IS 'Its 资源代码 at the time of the request (fixed once created).';
COMMENT ON COLUMN share_requests.resource_name IS 'Its name at the time of the request.';
COMMENT ON COLUMN share_requests.provider_department_id IS 'The providing department, which answers conditional requests.';
COMMENT ON COLUMN share_requests.region_code IS 'The provider''s region: the platform reviews requests of its region and below.';
COMMENT ON COLUMN share_requests.is_conditional IS 'True when the resource or any requested field is 有条件共享: the provider must agree too.';
COMMENT ON COLUMN share_requests.fields IS 'Requested field keys (never a field shared 不予共享).';
COMMENT ON COLUMN share_requests.unmasked_requested IS 'Personal fields the consumer asked to receive unmasked.';
COMMENT ON COLUMN share_requests.purpose IS '用途: why the data is needed.';
COMMENT ON COLUMN share_requests.legal_basis IS '法律法规或政策依据; required for conditional requests.';
COMMENT ON COLUMN share_requests.valid_from IS 'First day of the requested period (Beijing date).';
COMMENT ON COLUMN share_requests.valid_to IS 'Last day of the requested period (at most a year after the first).';
COMMENT ON COLUMN share_requests.expected_daily_volume IS 'Records per day the consumer expects to query.';
COMMENT ON COLUMN share_requests.status IS 'platformReview, providerReview, approved, refused, withdrawn (see exchange/workflow.ts).';
COMMENT ON COLUMN share_requests.platform_due_at IS 'The platform''s deadline: end of the 2nd working day after submission.';
COMMENT ON COLUMN share_requests.provider_due_at IS 'The provider''s deadline: end of the 5th working day after the platform approved (conditional requests).';
COMMENT ON COLUMN share_requests.rate_limit_per_second IS 'Calls per second the platform allowed (set when it approved).';
COMMENT ON COLUMN share_requests.daily_quota IS 'Records per day the platform allowed (set when it approved).';
COMMENT ON COLUMN share_requests.unmasked_fields IS 'Personal fields the provider allowed unmasked (conditional requests only).';
COMMENT ON COLUMN share_requests.refusal_reason IS 'Why it was refused (platform or provider); null unless refused.';
COMMENT ON COLUMN share_requests.created_at IS 'When it was submitted.';
COMMENT ON COLUMN share_requests.updated_at IS 'Last change.';
COMMENT ON COLUMN share_requests.version IS 'Optimistic concurrency: incremented on every change (two reviewers at once: one wins, one gets 409).';
-- One open request per consumer and resource: the same request twice is a 409, not a second queue entry.
CREATE UNIQUE INDEX share_requests_one_open_idx ON share_requests (consumer_department_id, resource_id) WHERE status IN ('platformReview', 'providerReview');
CREATE INDEX share_requests_consumer_idx ON share_requests (consumer_department_id, created_at DESC);
CREATE INDEX share_requests_provider_idx ON share_requests (provider_department_id, status, created_at DESC);
CREATE INDEX share_requests_queue_idx ON share_requests (status, platform_due_at);

CREATE TABLE share_request_actions (
  request_id    uuid NOT NULL REFERENCES share_requests (id),
  seq           int NOT NULL CHECK (seq >= 1),
  action        text NOT NULL CHECK (action IN ('submit', 'platformApprove', 'platformRefuse', 'providerApprove', 'providerRefuse', 'withdraw')),
  from_status   text,
  to_status     text NOT NULL,
  actor_id      uuid REFERENCES accounts (id),
  actor_name    text,
  department_id uuid REFERENCES departments (id),
  note          text NOT NULL DEFAULT '',
  at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, seq)
);
COMMENT ON TABLE share_request_actions IS 'Append-only history of a share request: who did what, from which status to which, with the reason.';
COMMENT ON COLUMN share_request_actions.request_id IS 'The request.';
COMMENT ON COLUMN share_request_actions.seq IS 'Order of actions within the request, 1 upwards.';
COMMENT ON COLUMN share_request_actions.action IS 'submit, platformApprove, platformRefuse, providerApprove, providerRefuse, withdraw.';
COMMENT ON COLUMN share_request_actions.from_status IS 'Status before the action (null for submit).';
COMMENT ON COLUMN share_request_actions.to_status IS 'Status after the action.';
COMMENT ON COLUMN share_request_actions.actor_id IS 'Who acted (null for the platform itself).';
COMMENT ON COLUMN share_request_actions.actor_name IS 'Their name at the time.';
COMMENT ON COLUMN share_request_actions.department_id IS 'Their department at the time.';
COMMENT ON COLUMN share_request_actions.note IS 'Reason or remark.';
COMMENT ON COLUMN share_request_actions.at IS 'When.';

CREATE TABLE share_demands (
  id                      uuid PRIMARY KEY,
  number                  text NOT NULL UNIQUE,
  consumer_department_id  uuid NOT NULL REFERENCES departments (id),
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  region_code             text NOT NULL REFERENCES regions (code),
  title                   text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 80),
  description             text NOT NULL CHECK (char_length(description) <= 2000),
  fields_wanted           text NOT NULL DEFAULT '' CHECK (char_length(fields_wanted) <= 1000),
  purpose                 text NOT NULL CHECK (char_length(purpose) <= 500),
  status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'satisfied', 'refused', 'withdrawn')),
  due_at                  timestamptz NOT NULL,
  resource_id             uuid,
  resource_code           text,
  reason                  text,
  created_by              uuid REFERENCES accounts (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  answered_by             uuid REFERENCES accounts (id),
  answered_at             timestamptz,
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (consumer_department_id <> provider_department_id),
  CHECK ((status = 'satisfied') = (resource_code IS NOT NULL)),
  CHECK (status <> 'refused' OR reason IS NOT NULL),
  CHECK ((status IN ('satisfied', 'refused')) = (answered_at IS NOT NULL))
);
COMMENT ON TABLE share_demands IS '需求清单: a consuming department''s demand for data not yet catalogued, addressed to the department thought to hold it, which answers within 10 working days (satisfied with a published resource, or refused with a reason). 共享需求满足率 = satisfied ÷ demands.';
COMMENT ON COLUMN share_demands.id IS 'UUIDv7.';
COMMENT ON COLUMN share_demands.number IS 'Readable number XQ<year><6 digits>.';
COMMENT ON COLUMN share_demands.consumer_department_id IS 'The department that needs the data.';
COMMENT ON COLUMN share_demands.provider_department_id IS 'The department addressed.';
COMMENT ON COLUMN share_demands.region_code IS 'The addressed department''s region, for the platform''s overview.';
COMMENT ON COLUMN share_demands.title IS 'What data is wanted, in a line.';
COMMENT ON COLUMN share_demands.description IS 'What data is wanted and in what form.';
COMMENT ON COLUMN share_demands.fields_wanted IS 'The information items wanted, in the consumer''s words.';
COMMENT ON COLUMN share_demands.purpose IS 'Why (用途).';
COMMENT ON COLUMN share_demands.status IS 'open, satisfied, refused, withdrawn.';
COMMENT ON COLUMN share_demands.due_at IS 'End of the 10th working day after filing.';
COMMENT ON COLUMN share_demands.resource_id IS 'The published resource that satisfies it (catalogue id).';
COMMENT ON COLUMN share_demands.resource_code IS 'Its 资源代码; set exactly when satisfied.';
COMMENT ON COLUMN share_demands.reason IS 'The provider''s remark, required when refusing.';
COMMENT ON COLUMN share_demands.created_by IS 'Who filed it.';
COMMENT ON COLUMN share_demands.created_at IS 'When it was filed.';
COMMENT ON COLUMN share_demands.answered_by IS 'Who answered it for the provider.';
COMMENT ON COLUMN share_demands.answered_at IS 'When it was answered.';
COMMENT ON COLUMN share_demands.version IS 'Optimistic concurrency.';
CREATE INDEX share_demands_consumer_idx ON share_demands (consumer_department_id, created_at DESC);
CREATE INDEX share_demands_provider_idx ON share_demands (provider_department_id, status, due_at);
CREATE INDEX share_demands_created_idx ON share_demands (created_at);

CREATE TABLE exchange_grants (
  id                      uuid PRIMARY KEY,
  request_id              uuid NOT NULL UNIQUE REFERENCES share_requests (id),
  consumer_department_id  uuid NOT NULL REFERENCES departments (id),
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  region_code             text NOT NULL REFERENCES regions (code),
  resource_id             uuid NOT NULL,
  resource_code           text NOT NULL,
  resource_name           text NOT NULL,
  fields                  jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array' AND jsonb_array_length(fields) >= 1),
  purpose                 text NOT NULL,
  valid_from              date NOT NULL,
  valid_to                date NOT NULL,
  rate_limit_per_second   int NOT NULL CHECK (rate_limit_per_second BETWEEN 1 AND 10000),
  daily_quota             int NOT NULL CHECK (daily_quota >= 1),
  status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at              timestamptz NOT NULL DEFAULT now(),
  revoked_at              timestamptz,
  revoked_by              uuid REFERENCES accounts (id),
  revoke_reason           text,
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (valid_to >= valid_from),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
COMMENT ON TABLE exchange_grants IS '共享授权: what an approved request allows — one consumer, one resource, some fields each masked or not, for a period, within a rate limit and a daily quota.';
COMMENT ON COLUMN exchange_grants.id IS 'UUIDv7.';
COMMENT ON COLUMN exchange_grants.request_id IS 'The approved request.';
COMMENT ON COLUMN exchange_grants.consumer_department_id IS 'The consuming department (its client credentials use the grant).';
COMMENT ON COLUMN exchange_grants.provider_department_id IS 'The providing department.';
COMMENT ON COLUMN exchange_grants.region_code IS 'The provider''s region.';
COMMENT ON COLUMN exchange_grants.resource_id IS 'The catalogue resource (data_resources.id).';
COMMENT ON COLUMN exchange_grants.resource_code IS 'Its 资源代码, which calls name.';
COMMENT ON COLUMN exchange_grants.resource_name IS 'Its name when granted.';
COMMENT ON COLUMN exchange_grants.fields IS 'Granted fields: [{"key": …, "unmasked": bool}]. A personal field leaves masked by its masking kind unless unmasked is true (only a conditional request''s provider can allow that; hidden never).';
COMMENT ON COLUMN exchange_grants.purpose IS 'The approved purpose (every call states its own too).';
COMMENT ON COLUMN exchange_grants.valid_from IS 'First valid day (Beijing date).';
COMMENT ON COLUMN exchange_grants.valid_to IS 'Last valid day; calls after it are refused (grant expired).';
COMMENT ON COLUMN exchange_grants.rate_limit_per_second IS 'Calls per second allowed (enforced per server process).';
COMMENT ON COLUMN exchange_grants.daily_quota IS 'Records (key values) per Beijing day allowed across all server processes.';
COMMENT ON COLUMN exchange_grants.status IS 'active or revoked; expiry is computed from valid_to.';
COMMENT ON COLUMN exchange_grants.created_at IS 'When the request was approved.';
COMMENT ON COLUMN exchange_grants.revoked_at IS 'When the platform or provider revoked it.';
COMMENT ON COLUMN exchange_grants.revoked_by IS 'Who revoked it.';
COMMENT ON COLUMN exchange_grants.revoke_reason IS 'Why.';
COMMENT ON COLUMN exchange_grants.version IS 'Optimistic concurrency.';
CREATE INDEX exchange_grants_lookup_idx ON exchange_grants (consumer_department_id, resource_code, valid_to DESC);
CREATE INDEX exchange_grants_provider_idx ON exchange_grants (provider_department_id, created_at DESC);

CREATE TABLE exchange_quota_usage (
  grant_id  uuid NOT NULL REFERENCES exchange_grants (id),
  day       date NOT NULL,
  leased    bigint NOT NULL CHECK (leased >= 0),
  PRIMARY KEY (grant_id, day)
);
COMMENT ON TABLE exchange_quota_usage IS 'Daily quota handed out per grant: server processes lease blocks of records from here and count them down in memory, so the quota holds across processes without a row lock on every call.';
COMMENT ON COLUMN exchange_quota_usage.grant_id IS 'The grant.';
COMMENT ON COLUMN exchange_quota_usage.day IS 'Beijing date.';
COMMENT ON COLUMN exchange_quota_usage.leased IS 'Records leased to server processes that day; never above the grant''s daily quota. Actual use is in exchange_calls.';

CREATE TABLE exchange_clients (
  id                      uuid PRIMARY KEY,
  consumer_department_id  uuid NOT NULL REFERENCES departments (id),
  name                    text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
  secret_hash             text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  secret_hint             text NOT NULL,
  status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_by              uuid REFERENCES accounts (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  rotated_at              timestamptz,
  revoked_by              uuid REFERENCES accounts (id),
  revoked_at              timestamptz,
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
COMMENT ON TABLE exchange_clients IS '接口凭证: client credentials of a consuming department for POST /api/exchange/query. The secret is shown once and stored only as a keyed SM3 hash.';
COMMENT ON COLUMN exchange_clients.id IS 'The client id (UUIDv7), sent as the HTTP Basic user name or X-Client-Id.';
COMMENT ON COLUMN exchange_clients.consumer_department_id IS 'The department the client acts for: its grants decide what a call may read.';
COMMENT ON COLUMN exchange_clients.name IS 'Label (the calling system''s name).';
COMMENT ON COLUMN exchange_clients.secret_hash IS 'HMAC-SM3 of the secret under the database-secrets key, bound to the client id; checked on every call (fast by design: the secret has 256 random bits).';
COMMENT ON COLUMN exchange_clients.secret_hint IS 'Last four characters of the secret, to tell credentials apart.';
COMMENT ON COLUMN exchange_clients.status IS 'active or revoked (final).';
COMMENT ON COLUMN exchange_clients.created_by IS 'Who created it.';
COMMENT ON COLUMN exchange_clients.created_at IS 'When.';
COMMENT ON COLUMN exchange_clients.rotated_at IS 'When the secret was last replaced (the old one stops working at once).';
COMMENT ON COLUMN exchange_clients.revoked_by IS 'Who revoked it.';
COMMENT ON COLUMN exchange_clients.revoked_at IS 'When.';
COMMENT ON COLUMN exchange_clients.version IS 'Optimistic concurrency.';
CREATE INDEX exchange_clients_department_idx ON exchange_clients (consumer_department_id, created_at DESC);

CREATE TABLE exchange_calls (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                      timestamptz NOT NULL DEFAULT now(),
  client_id               text,
  consumer_department_id  uuid,
  provider_department_id  uuid,
  resource_code           text,
  grant_id                uuid,
  purpose                 text,
  key_count               int NOT NULL CHECK (key_count >= 0),
  found_count             int NOT NULL CHECK (found_count >= 0),
  fields                  text[] NOT NULL DEFAULT '{}',
  result                  text NOT NULL CHECK (result IN ('ok', 'badRequest', 'badCredentials', 'noGrant', 'grantExpired', 'fieldNotGranted', 'resourceRetired', 'rateLimited', 'quotaExceeded', 'error')),
  status                  smallint NOT NULL,
  latency_us              int NOT NULL CHECK (latency_us >= 0),
  ip                      text,
  request_id              text,
  subject_indexes         text[] NOT NULL DEFAULT '{}',
  seq                     bigint,
  prev_hash               text,
  hash                    text,
  sealed_at               timestamptz,
  CHECK ((seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL) AND (hash IS NULL) = (sealed_at IS NULL))
);
COMMENT ON TABLE exchange_calls IS 'Every call to the query API, refusals included. Inserted unchained on the request path (no lock); the sealer job chains rows with SM3 in batches (seq, prev_hash, hash), so any later change or deletion breaks the chain at that row. No foreign keys: a hot append-only log that also records unknown clients.';
COMMENT ON COLUMN exchange_calls.id IS 'Order of insertion (identity).';
COMMENT ON COLUMN exchange_calls.at IS 'When the call was logged (database clock).';
COMMENT ON COLUMN exchange_calls.client_id IS 'The client id presented (exchange_clients.id when it exists; whatever was sent otherwise, first 64 characters).';
COMMENT ON COLUMN exchange_calls.consumer_department_id IS 'The department of an authenticated client.';
COMMENT ON COLUMN exchange_calls.provider_department_id IS 'The provider of the resource asked for, when known.';
COMMENT ON COLUMN exchange_calls.resource_code IS 'The 资源代码 asked for.';
COMMENT ON COLUMN exchange_calls.grant_id IS 'The grant the call was judged by.';
COMMENT ON COLUMN exchange_calls.purpose IS 'The purpose the caller stated.';
COMMENT ON COLUMN exchange_calls.key_count IS 'Key values asked.';
COMMENT ON COLUMN exchange_calls.found_count IS 'Records found and returned.';
COMMENT ON COLUMN exchange_calls.fields IS 'Field keys returned.';
COMMENT ON COLUMN exchange_calls.result IS 'ok or the refusal (badCredentials, noGrant, grantExpired, fieldNotGranted, resourceRetired, rateLimited, quotaExceeded, badRequest, error).';
COMMENT ON COLUMN exchange_calls.status IS 'HTTP status answered.';
COMMENT ON COLUMN exchange_calls.latency_us IS 'Time from receiving the request to answering it, microseconds (the log insert excluded).';
COMMENT ON COLUMN exchange_calls.ip IS 'Caller''s IP address.';
COMMENT ON COLUMN exchange_calls.request_id IS 'Request id (as in the server log).';
COMMENT ON COLUMN exchange_calls.subject_indexes IS 'Blind indexes (keyed SM3) of the 身份证号 whose records the call returned, so a citizen can see who read their data without the log holding any ID number.';
COMMENT ON COLUMN exchange_calls.seq IS 'Position in the hash chain, set by the sealer (rows are chained in id order as they are sealed).';
COMMENT ON COLUMN exchange_calls.prev_hash IS 'Hash of the row before it in the chain (64 zeros for the first).';
COMMENT ON COLUMN exchange_calls.hash IS 'SM3 over prev_hash and the canonical JSON of the row''s columns.';
COMMENT ON COLUMN exchange_calls.sealed_at IS 'When the sealer chained the row.';
CREATE UNIQUE INDEX exchange_calls_seq_idx ON exchange_calls (seq) WHERE seq IS NOT NULL;
CREATE INDEX exchange_calls_unsealed_idx ON exchange_calls (id) WHERE hash IS NULL;
CREATE INDEX exchange_calls_at_idx ON exchange_calls (at);
CREATE INDEX exchange_calls_consumer_idx ON exchange_calls (consumer_department_id, at);
CREATE INDEX exchange_calls_provider_idx ON exchange_calls (provider_department_id, at);
CREATE INDEX exchange_calls_subjects_idx ON exchange_calls USING gin (subject_indexes);
