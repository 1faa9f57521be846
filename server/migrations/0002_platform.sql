-- Platform: regions, departments, positions, accounts (citizen, enterprise, staff), roles, sessions, SSO clients.

CREATE TABLE regions (
  code        varchar(12) PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'village')),
  parent_code varchar(12) REFERENCES regions (code),
  sort        int NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'province') = (parent_code IS NULL))
);
COMMENT ON TABLE regions IS 'Administrative divisions (行政区划), GB/T 2260 codes padded to 12 digits as in the statistical division codes.';
COMMENT ON COLUMN regions.code IS '12 digits: province 2 + city 2 + county 2 + town 3 + village 3; unused tail is zeros.';
CREATE INDEX regions_parent_idx ON regions (parent_code, sort);

CREATE TABLE departments (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  short_name   text,
  credit_code  varchar(18) NOT NULL UNIQUE,
  region_code  varchar(12) NOT NULL REFERENCES regions (code),
  parent_id    uuid REFERENCES departments (id),
  sort         int NOT NULL DEFAULT 0,
  is_active    boolean NOT NULL DEFAULT true,
  version      int NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
COMMENT ON TABLE departments IS 'Government departments (部门) with their 统一社会信用代码, each in one region.';
COMMENT ON COLUMN departments.version IS 'Optimistic concurrency: incremented on every update.';

CREATE TABLE positions (
  id            uuid PRIMARY KEY,
  department_id uuid NOT NULL REFERENCES departments (id),
  name          text NOT NULL,
  sort          int NOT NULL DEFAULT 0,
  UNIQUE (department_id, name)
);
COMMENT ON TABLE positions IS 'Positions (岗位) inside a department.';

CREATE TABLE accounts (
  id                  uuid PRIMARY KEY,
  type                text NOT NULL CHECK (type IN ('citizen', 'enterprise', 'staff')),
  username            text UNIQUE,
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  real_name_level     int NOT NULL DEFAULT 1 CHECK (real_name_level BETWEEN 0 AND 4),
  failed_attempts     int NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  totp_secret         text,
  totp_enabled        boolean NOT NULL DEFAULT false,
  totp_last_step      bigint,
  totp_required       boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  sessions_valid_after timestamptz NOT NULL DEFAULT to_timestamp(0),
  version             int NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE accounts IS 'Everyone who signs in: citizens, enterprises (the legal person) and staff.';
COMMENT ON COLUMN accounts.username IS 'Staff user name or enterprise credit code; citizens sign in with ID number or mobile through login_keys.';
COMMENT ON COLUMN accounts.password_hash IS 'argon2id PHC string.';
COMMENT ON COLUMN accounts.real_name_level IS '实名等级: 1 self-declared, 2 ID verified, 3 face or counter verified, 4 certificate.';
COMMENT ON COLUMN accounts.totp_secret IS 'TOTP secret, SM4-encrypted; enabled once the first code is confirmed.';
COMMENT ON COLUMN accounts.totp_required IS 'This account must sign in with a TOTP second factor (staff; or all staff by policy).';
COMMENT ON COLUMN accounts.totp_last_step IS 'Last accepted TOTP time step, so a code cannot be replayed.';
COMMENT ON COLUMN accounts.sessions_valid_after IS 'Logout everywhere: sessions created before this are void.';

CREATE TABLE login_keys (
  kind       text NOT NULL CHECK (kind IN ('username', 'idNumber', 'phone', 'creditCode')),
  key        text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (kind, key)
);
COMMENT ON TABLE login_keys IS 'What a person may type to sign in; ID and phone numbers only as SM3 blind indexes.';
CREATE INDEX login_keys_account_idx ON login_keys (account_id);

CREATE TABLE persons (
  account_id     uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  name           text NOT NULL,
  id_number_enc  text NOT NULL,
  id_number_idx  text NOT NULL UNIQUE,
  phone_enc      text,
  phone_idx      text,
  gender         text CHECK (gender IN ('male', 'female')),
  birth_date     date,
  region_code    varchar(12) REFERENCES regions (code),
  created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE persons IS 'Citizens'' real-name data. ID and phone numbers SM4-encrypted with keyed SM3 blind indexes for lookup.';
CREATE INDEX persons_phone_idx ON persons (phone_idx);

CREATE TABLE enterprises (
  id                 uuid PRIMARY KEY,
  account_id         uuid UNIQUE REFERENCES accounts (id) ON DELETE SET NULL,
  name               text NOT NULL,
  credit_code        varchar(18) NOT NULL UNIQUE,
  legal_rep_name     text NOT NULL,
  legal_rep_id_enc   text NOT NULL,
  legal_rep_id_idx   text NOT NULL,
  region_code        varchar(12) REFERENCES regions (code),
  address            text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE enterprises IS 'Legal persons (法人) with their 统一社会信用代码 and legal representative.';
CREATE INDEX enterprises_legal_rep_idx ON enterprises (legal_rep_id_idx);

CREATE TABLE enterprise_agents (
  id               uuid PRIMARY KEY,
  enterprise_id    uuid NOT NULL REFERENCES enterprises (id),
  person_account_id uuid NOT NULL REFERENCES accounts (id),
  granted_by       uuid NOT NULL REFERENCES accounts (id),
  valid_until      date,
  revoked_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE enterprise_agents IS '经办人: citizens authorised by the enterprise to act for it.';
CREATE UNIQUE INDEX enterprise_agents_active_idx ON enterprise_agents (enterprise_id, person_account_id) WHERE revoked_at IS NULL;

CREATE TABLE staff (
  account_id    uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  name          text NOT NULL,
  department_id uuid NOT NULL REFERENCES departments (id),
  region_code   varchar(12) NOT NULL REFERENCES regions (code),
  position_id   uuid REFERENCES positions (id),
  phone_enc     text,
  phone_idx     text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE staff IS 'Government staff: every staff account belongs to one department and one region (its data scope).';
CREATE INDEX staff_department_idx ON staff (department_id);

CREATE TABLE account_roles (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role       text NOT NULL,
  granted_by uuid REFERENCES accounts (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, role)
);
COMMENT ON TABLE account_roles IS 'Roles held by staff accounts; the role → permission table lives in code (contracts/permissions).';

CREATE TABLE sessions (
  id           text PRIMARY KEY,
  account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  acting_for   uuid REFERENCES enterprises (id),
  stage        text NOT NULL DEFAULT 'full' CHECK (stage IN ('full', 'password-change', 'totp-enrol')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ended_at     timestamptz,
  ip           text,
  user_agent   text
);
COMMENT ON TABLE sessions IS 'Signed-in sessions. id is the SM3 hash of the bearer token; idle timeout moves expires_at.';
COMMENT ON COLUMN sessions.stage IS 'full, or a restricted session that may only change the initial password or enrol TOTP.';
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE oidc_clients (
  client_id      text PRIMARY KEY,
  name           text NOT NULL,
  secret_enc     text,
  redirect_uris  jsonb NOT NULL,
  post_logout_redirect_uris jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_public      boolean NOT NULL DEFAULT false,
  is_active      boolean NOT NULL DEFAULT true,
  department_id  uuid REFERENCES departments (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE oidc_clients IS 'Government systems that sign users in through Zhengtong (一次认证,全网通办).';
COMMENT ON COLUMN oidc_clients.secret_enc IS 'Client secret, SM4-encrypted (the provider must compare it).';

CREATE TABLE oidc_payloads (
  id          text NOT NULL,
  type        text NOT NULL,
  payload     jsonb NOT NULL,
  grant_id    text,
  user_code   text,
  uid         text,
  expires_at  timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (type, id)
);
COMMENT ON TABLE oidc_payloads IS 'oidc-provider storage: sessions, codes, tokens, interactions.';
CREATE INDEX oidc_payloads_grant_idx ON oidc_payloads (grant_id);
CREATE INDEX oidc_payloads_uid_idx ON oidc_payloads (uid);
