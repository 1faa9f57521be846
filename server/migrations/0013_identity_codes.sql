-- 一人一码 / 一企一码: a holder's revocable alias, the platform key that signs their short-lived codes, and the log of
-- every scan (who read what, for which purpose, with what result). No code carries an ID number: only the alias.
-- See server/src/platform/identity-codes/README.md for the code format and the rules.

CREATE TABLE identity_code_keys (
  key_id          text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
  public_key_hex  text NOT NULL UNIQUE CHECK (public_key_hex ~ '^04[0-9a-f]{128}$'),
  private_key_enc text NOT NULL CHECK (private_key_enc LIKE 'v1.%'),
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  retired_at      timestamptz,
  CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);
COMMENT ON TABLE identity_code_keys IS 'The platform''s SM2 key pairs that sign identity codes; generated on first use. Retired keys stay published so partners can still judge old codes.';
COMMENT ON COLUMN identity_code_keys.key_id IS 'First 16 hex characters of SM3 over the public key bytes (04 || X || Y); carried in every code''s payload.';
COMMENT ON COLUMN identity_code_keys.public_key_hex IS 'SM2 public key as the uncompressed point 04 || X || Y (hex); published at GET /api/identity-codes/public-keys.';
COMMENT ON COLUMN identity_code_keys.private_key_enc IS 'SM2 private key, SM4-CTR + HMAC-SM3 under the database-secrets key derived from the master key, bound to this key id. Never leaves the server.';
COMMENT ON COLUMN identity_code_keys.status IS 'active (signs new codes; at most one) or retired (verifies only).';
COMMENT ON COLUMN identity_code_keys.created_at IS 'When the key pair was generated.';
COMMENT ON COLUMN identity_code_keys.retired_at IS 'When the key stopped signing new codes.';
-- Two server processes generating the first key at once: one insert wins, the other reads the winner.
CREATE UNIQUE INDEX identity_code_keys_one_active_idx ON identity_code_keys (status) WHERE status = 'active';

CREATE TABLE identity_code_aliases (
  id            uuid PRIMARY KEY,
  alias         text NOT NULL UNIQUE CHECK (alias ~ '^[0-9a-f]{32}$'),
  holder_kind   text NOT NULL CHECK (holder_kind IN ('person', 'enterprise')),
  account_id    uuid REFERENCES accounts (id),
  enterprise_id uuid REFERENCES enterprises (id),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid REFERENCES accounts (id),
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES accounts (id),
  -- A person's alias names the citizen account, an enterprise's names the enterprise; never both.
  CHECK ((holder_kind = 'person') = (account_id IS NOT NULL)),
  CHECK ((holder_kind = 'enterprise') = (enterprise_id IS NOT NULL)),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
COMMENT ON TABLE identity_code_aliases IS 'A holder''s revocable alias: the random token their codes carry instead of an ID number. Reset (重置) revokes it at once.';
COMMENT ON COLUMN identity_code_aliases.id IS 'UUIDv7; referenced by the scan log.';
COMMENT ON COLUMN identity_code_aliases.alias IS '128 random bits as 32 hex characters; unguessable, means nothing outside this table.';
COMMENT ON COLUMN identity_code_aliases.holder_kind IS 'person (一人一码, a citizen account) or enterprise (一企一码, shown by the enterprise account or an authorised agent).';
COMMENT ON COLUMN identity_code_aliases.account_id IS 'The citizen account, for a person''s alias.';
COMMENT ON COLUMN identity_code_aliases.enterprise_id IS 'The enterprise, for an enterprise''s alias.';
COMMENT ON COLUMN identity_code_aliases.status IS 'active (codes with it scan) or revoked (codes with it are refused); at most one active per holder.';
COMMENT ON COLUMN identity_code_aliases.created_at IS 'When the alias was made (the holder''s first code, or a reset).';
COMMENT ON COLUMN identity_code_aliases.created_by IS 'The account that made it: the holder, or the agent acting for the enterprise.';
COMMENT ON COLUMN identity_code_aliases.revoked_at IS 'When the alias was reset; codes carrying it stop scanning from then on.';
COMMENT ON COLUMN identity_code_aliases.revoked_by IS 'The account that reset it.';
CREATE UNIQUE INDEX identity_code_aliases_person_active_idx ON identity_code_aliases (account_id) WHERE status = 'active';
CREATE UNIQUE INDEX identity_code_aliases_enterprise_active_idx ON identity_code_aliases (enterprise_id) WHERE status = 'active';

CREATE TABLE identity_code_scans (
  id                   uuid PRIMARY KEY,
  scanned_at           timestamptz NOT NULL DEFAULT now(),
  scanner_account_id   uuid NOT NULL REFERENCES accounts (id),
  scanner_name         text NOT NULL,
  department_id        uuid REFERENCES departments (id),
  department_name      text,
  region_code          varchar(12) REFERENCES regions (code),
  purpose              text NOT NULL CHECK (purpose IN ('counterService', 'identityCheck', 'inspection', 'enterpriseService', 'partnerService', 'other')),
  purpose_note         text CHECK (char_length(purpose_note) <= 200),
  requested_attributes jsonb NOT NULL CHECK (jsonb_typeof(requested_attributes) = 'array'),
  result               text NOT NULL CHECK (result IN ('success', 'malformed', 'badSignature', 'expired', 'used', 'revoked', 'consentRequired')),
  missing_attributes   jsonb CHECK (missing_attributes IS NULL OR jsonb_typeof(missing_attributes) = 'array'),
  alias_id             uuid REFERENCES identity_code_aliases (id),
  holder_kind          text CHECK (holder_kind IN ('person', 'enterprise')),
  holder_account_id    uuid REFERENCES accounts (id),
  holder_enterprise_id uuid REFERENCES enterprises (id),
  key_id               text,
  nonce                text CHECK (nonce ~ '^[0-9a-f]{16}$'),
  code_expires_at      timestamptz,
  -- Only a signature that checks out lets the log name a holder: a forged code must not write into anyone's history.
  CHECK (result NOT IN ('malformed', 'badSignature') OR alias_id IS NULL),
  CHECK (result <> 'success' OR (alias_id IS NOT NULL AND nonce IS NOT NULL)),
  CHECK (result <> 'consentRequired' OR missing_attributes IS NOT NULL)
);
COMMENT ON TABLE identity_code_scans IS 'Every scan of an identity code by a hall or partner system, successful or refused; the holder sees theirs in the portal.';
COMMENT ON COLUMN identity_code_scans.id IS 'UUIDv7; returned to the scanner as the scan''s reference.';
COMMENT ON COLUMN identity_code_scans.scanned_at IS 'When the scan was made.';
COMMENT ON COLUMN identity_code_scans.scanner_account_id IS 'The staff account (or partner service account) that scanned.';
COMMENT ON COLUMN identity_code_scans.scanner_name IS 'The scanner''s name at the time, as the holder is shown it.';
COMMENT ON COLUMN identity_code_scans.department_id IS 'The scanner''s department at the time.';
COMMENT ON COLUMN identity_code_scans.department_name IS 'The department''s name at the time, as the holder is shown it.';
COMMENT ON COLUMN identity_code_scans.region_code IS 'The scanner''s region at the time.';
COMMENT ON COLUMN identity_code_scans.purpose IS 'Why the scanner read the code (办事用途), from the fixed list in contracts.';
COMMENT ON COLUMN identity_code_scans.purpose_note IS 'The scanner''s own words on the purpose, shown to the holder.';
COMMENT ON COLUMN identity_code_scans.requested_attributes IS 'Attribute names the scanner asked for (JSON array); on success exactly what was returned.';
COMMENT ON COLUMN identity_code_scans.result IS 'success, or why it was refused: malformed, badSignature, expired, used, revoked, consentRequired.';
COMMENT ON COLUMN identity_code_scans.missing_attributes IS 'For consentRequired: the requested attributes the holder had not consented to.';
COMMENT ON COLUMN identity_code_scans.alias_id IS 'The alias the code carried, when its signature checked out.';
COMMENT ON COLUMN identity_code_scans.holder_kind IS 'person or enterprise, when the alias is known.';
COMMENT ON COLUMN identity_code_scans.holder_account_id IS 'The citizen whose code it was (their history lists this row).';
COMMENT ON COLUMN identity_code_scans.holder_enterprise_id IS 'The enterprise whose code it was (its history lists this row).';
COMMENT ON COLUMN identity_code_scans.key_id IS 'The platform key id the code named.';
COMMENT ON COLUMN identity_code_scans.nonce IS 'The code''s nonce (16 hex characters); a code scans successfully once.';
COMMENT ON COLUMN identity_code_scans.code_expires_at IS 'When the scanned code expired.';
-- Each code scans once: a second success with the same nonce is refused by the database even when two arrive together.
CREATE UNIQUE INDEX identity_code_scans_once_idx ON identity_code_scans (alias_id, nonce) WHERE result = 'success';
CREATE INDEX identity_code_scans_person_idx ON identity_code_scans (holder_account_id, scanned_at DESC) WHERE holder_account_id IS NOT NULL;
CREATE INDEX identity_code_scans_enterprise_idx ON identity_code_scans (holder_enterprise_id, scanned_at DESC) WHERE holder_enterprise_id IS NOT NULL;
CREATE INDEX identity_code_scans_scanner_idx ON identity_code_scans (scanner_account_id, scanned_at DESC);
