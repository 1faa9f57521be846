-- 电子证照 (GB/T 36901–36905): the licence catalogue (证照目录), licences with their GB/T 36904 identifiers and SM2
-- signatures, their append-only status history, per-issuer serial counters, the holders' grants (自主授权), every use
-- of a licence by a department, and the public verification log.
-- See server/src/platform/licenses/README.md and docs/decisions/0009-electronic-licences.md.

CREATE TABLE license_types (
  id                   uuid PRIMARY KEY,
  code                 text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{2,32}$'),
  name                 text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 2 AND 50),
  department_id        uuid NOT NULL REFERENCES departments (id),
  holder_type          text NOT NULL CHECK (holder_type IN ('person', 'enterprise')),
  fields               jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(fields) = 'array'),
  validity             jsonb NOT NULL CHECK (validity->>'mode' IN ('permanent', 'years', 'field')),
  trust_level          text NOT NULL CHECK (trust_level IN ('A', 'B', 'C', 'D')),
  issuing_basic_codes  text[] NOT NULL DEFAULT '{}',
  holder_source        jsonb NOT NULL DEFAULT '{"name": "applicant", "number": "applicant"}' CHECK (jsonb_typeof(holder_source) = 'object'),
  description          text NOT NULL DEFAULT '',
  is_active            boolean NOT NULL DEFAULT true,
  version              int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by           uuid REFERENCES accounts (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE license_types IS '证照目录: what a kind of licence records, who holds it, how long it is valid, and which service items issue it.';
COMMENT ON COLUMN license_types.id IS 'UUIDv7.';
COMMENT ON COLUMN license_types.code IS '证照类型代码, the type segment of every identifier of this type; fixed once created.';
COMMENT ON COLUMN license_types.name IS 'Licence name as printed (营业执照, 食品经营许可证 …).';
COMMENT ON COLUMN license_types.department_id IS 'Issuing department (发证部门): its staff issue licences of the type by hand and import historical ones.';
COMMENT ON COLUMN license_types.holder_type IS 'person (自然人, 身份证号) or enterprise (法人和其他组织, 统一社会信用代码).';
COMMENT ON COLUMN license_types.fields IS 'Array of {key, name, kind text|date|number, isRequired, source}: the licence''s own data; source maps a completed case''s result field for automatic issuance.';
COMMENT ON COLUMN license_types.validity IS '{mode: permanent} | {mode: years, years} | {mode: field, field}: how the last valid day is set.';
COMMENT ON COLUMN license_types.trust_level IS 'Trust level of the licence as an electronic material (A issued by the authority … D).';
COMMENT ON COLUMN license_types.issuing_basic_codes IS 'GB/T 39554 basic codes of the service items whose approved completion issues a licence of this type.';
COMMENT ON COLUMN license_types.holder_source IS '{name, number}: applicant, or result.<key> of the completed case (e.g. the new body''s credit code).';
COMMENT ON COLUMN license_types.description IS 'Notes for staff and the catalogue page.';
COMMENT ON COLUMN license_types.is_active IS 'An inactive type issues nothing new; its licences stay as they are.';
COMMENT ON COLUMN license_types.version IS 'Optimistic concurrency: incremented on every change.';
COMMENT ON COLUMN license_types.created_by IS 'Catalogue admin who created it; null for the platform (demo seed).';
COMMENT ON COLUMN license_types.created_at IS 'When the type was created.';
COMMENT ON COLUMN license_types.updated_at IS 'Last change.';
CREATE INDEX license_types_basic_codes_idx ON license_types USING gin (issuing_basic_codes);
CREATE INDEX license_types_department_idx ON license_types (department_id);

CREATE TABLE license_serials (
  type_id               uuid NOT NULL REFERENCES license_types (id),
  issuer_department_id  uuid NOT NULL REFERENCES departments (id),
  last                  bigint NOT NULL CHECK (last >= 0),
  PRIMARY KEY (type_id, issuer_department_id)
);
COMMENT ON TABLE license_serials IS 'Last serial number used per licence type and issuing department (the serial segment of the identifier).';
COMMENT ON COLUMN license_serials.type_id IS 'Licence type.';
COMMENT ON COLUMN license_serials.issuer_department_id IS 'Issuing department.';
COMMENT ON COLUMN license_serials.last IS 'Highest serial handed out; incremented in the issuing transaction (a range at once for imports).';

CREATE TABLE licenses (
  id                    uuid PRIMARY KEY,
  identifier            text NOT NULL UNIQUE CHECK (identifier ~ '^1\.2\.156\.3005\.2\.[0-9A-Z]{2,32}\.[0-9A-Z]{18}\.[0-9]{8,12}\.[0-9]{3}\.[0-9A-Z]$'),
  type_id               uuid NOT NULL REFERENCES license_types (id),
  type_code             text NOT NULL,
  type_name             text NOT NULL,
  serial                bigint NOT NULL CHECK (serial >= 1),
  license_version       smallint NOT NULL DEFAULT 1 CHECK (license_version BETWEEN 1 AND 999),
  issuer_department_id  uuid NOT NULL REFERENCES departments (id),
  issuer_name           text NOT NULL,
  issuer_credit_code    text NOT NULL,
  issuer_region_code    varchar(12) NOT NULL REFERENCES regions (code),
  holder_type           text NOT NULL CHECK (holder_type IN ('person', 'enterprise')),
  holder_name           text NOT NULL CHECK (btrim(holder_name) <> ''),
  holder_id_enc         text,
  holder_id_idx         text,
  holder_credit_code    text CHECK (holder_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  holder_account_id     uuid REFERENCES accounts (id),
  holder_enterprise_id  uuid REFERENCES enterprises (id),
  fields                jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fields) = 'object'),
  valid_from            date NOT NULL,
  valid_to              date,
  issued_at             timestamptz NOT NULL,
  status                text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked', 'expired')),
  status_reason         text,
  status_changed_at     timestamptz,
  source                text NOT NULL CHECK (source IN ('case', 'manual', 'import')),
  case_id               uuid,
  case_number           text,
  original_number       text CHECK (char_length(original_number) BETWEEN 1 AND 100),
  signed_data           text NOT NULL,
  seal_id               uuid NOT NULL REFERENCES seals (id),
  seal_key_id           text NOT NULL CHECK (seal_key_id ~ '^[0-9a-f]{16}$'),
  signature             text NOT NULL CHECK (signature ~ '^30[0-9a-f]+$'),
  signed_at             timestamptz NOT NULL DEFAULT now(),
  pdf_sm3               text CHECK (pdf_sm3 ~ '^[0-9a-f]{64}$'),
  pdf_seal_key_id       text,
  pdf_signature         text,
  created_by            uuid REFERENCES accounts (id),
  version               int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- A person's licence carries the encrypted 身份证号 and its blind index; an organisation's the credit code.
  CHECK ((holder_type = 'person') = (holder_id_enc IS NOT NULL AND holder_id_idx IS NOT NULL)),
  CHECK ((holder_type = 'enterprise') = (holder_credit_code IS NOT NULL)),
  CHECK ((source = 'case') = (case_id IS NOT NULL)),
  CHECK ((pdf_sm3 IS NULL) = (pdf_signature IS NULL) AND (pdf_sm3 IS NULL) = (pdf_seal_key_id IS NULL)),
  -- A licence that is not valid says since when and why.
  CHECK (status = 'valid' OR (status_changed_at IS NOT NULL AND status_reason IS NOT NULL))
);
COMMENT ON TABLE licenses IS '电子证照: one issued licence with its identifier, holder, data, validity, current status and SM2 signature.';
COMMENT ON COLUMN licenses.id IS 'UUIDv7; the unguessable public id in the verification URL (/verify/<id>).';
COMMENT ON COLUMN licenses.identifier IS 'GB/T 36904 identifier 1.2.156.3005.2.<type code>.<issuer credit code>.<serial>.<version>.<check>, check char ISO 7064 MOD 37,36.';
COMMENT ON COLUMN licenses.type_id IS 'Licence type.';
COMMENT ON COLUMN licenses.type_code IS 'Type code at issue (also inside the identifier).';
COMMENT ON COLUMN licenses.type_name IS 'Type name at issue, as printed and signed.';
COMMENT ON COLUMN licenses.serial IS 'Serial within type and issuer (license_serials).';
COMMENT ON COLUMN licenses.license_version IS 'Version segment of the identifier (001 for a first issue).';
COMMENT ON COLUMN licenses.issuer_department_id IS 'Issuing department, whose 证照专用章 signed it; bounds which staff may act on it.';
COMMENT ON COLUMN licenses.issuer_name IS 'Issuing department''s name at issue, as printed and signed.';
COMMENT ON COLUMN licenses.issuer_credit_code IS 'Issuing department''s 统一社会信用代码 (also inside the identifier).';
COMMENT ON COLUMN licenses.issuer_region_code IS 'Region of the issuing department at issue (staff scope).';
COMMENT ON COLUMN licenses.holder_type IS 'person or enterprise, as the type says.';
COMMENT ON COLUMN licenses.holder_name IS 'Holder''s name as printed (may contain 生僻字 outside the BMP).';
COMMENT ON COLUMN licenses.holder_id_enc IS 'Person holder''s 身份证号, SM4-CTR + HMAC-SM3 (identity''s protect); shown masked.';
COMMENT ON COLUMN licenses.holder_id_idx IS 'Keyed SM3 blind index of the 身份证号: finds a citizen''s licences for the wallet without decrypting.';
COMMENT ON COLUMN licenses.holder_credit_code IS 'Organisation holder''s 统一社会信用代码 (public by law).';
COMMENT ON COLUMN licenses.holder_account_id IS 'The holder''s account when known at issue (the applicant of the case); the wallet also matches by number.';
COMMENT ON COLUMN licenses.holder_enterprise_id IS 'The holder enterprise when known at issue.';
COMMENT ON COLUMN licenses.fields IS 'The type''s field values by key, as strings.';
COMMENT ON COLUMN licenses.valid_from IS 'First valid day (Beijing).';
COMMENT ON COLUMN licenses.valid_to IS 'Last valid day (Beijing); null for 长期有效. Past it the licence is reported expired at once.';
COMMENT ON COLUMN licenses.issued_at IS 'When it was issued (for imports: the original date of issue at 00:00 Beijing when given).';
COMMENT ON COLUMN licenses.status IS 'Recorded status: valid, suspended, revoked (final) or expired (recorded by the daily job).';
COMMENT ON COLUMN licenses.status_reason IS 'Reason of the last status change.';
COMMENT ON COLUMN licenses.status_changed_at IS 'When the current status began; null while never changed.';
COMMENT ON COLUMN licenses.source IS 'case (issued on completing a case), manual or import (历史证照电子化).';
COMMENT ON COLUMN licenses.case_id IS 'The completed case that issued it (services/cases; no foreign key: platform sits below services).';
COMMENT ON COLUMN licenses.case_number IS '办件编号 of that case.';
COMMENT ON COLUMN licenses.original_number IS 'Number of the historical paper licence (import): re-importing the same number never issues twice.';
COMMENT ON COLUMN licenses.signed_data IS 'Canonical JSON (RFC 8785) of the minimal data, exactly the bytes signed and carried in the QR payload.';
COMMENT ON COLUMN licenses.seal_id IS 'The 证照专用章 that signed it.';
COMMENT ON COLUMN licenses.seal_key_id IS 'Key id of that seal (GET /api/seals/public-keys).';
COMMENT ON COLUMN licenses.signature IS 'SM2 signature (DER hex, default user ID 1234567812345678) over signed_data as UTF-8.';
COMMENT ON COLUMN licenses.signed_at IS 'When the signature was made (for imports later than issued_at): a seal revoked after it still vouches for the licence.';
COMMENT ON COLUMN licenses.pdf_sm3 IS 'SM3 of the licence PDF once made (kernel/files); the same file is served ever after.';
COMMENT ON COLUMN licenses.pdf_seal_key_id IS 'Key id of the seal that signed the PDF bytes.';
COMMENT ON COLUMN licenses.pdf_signature IS 'SM2 signature (DER hex) over the exact PDF bytes: any changed byte fails POST /api/licenses/verify/pdf.';
COMMENT ON COLUMN licenses.created_by IS 'Staff account that issued or imported it; null for automatic issuance and the demo seed.';
COMMENT ON COLUMN licenses.version IS 'Optimistic concurrency: incremented on every status change.';

-- Each completed case issues at most one licence of a type, whatever the outbox redelivers.
CREATE UNIQUE INDEX licenses_case_idx ON licenses (type_id, case_id) WHERE case_id IS NOT NULL;
-- A historical licence is imported once per type and issuer.
CREATE UNIQUE INDEX licenses_original_number_idx ON licenses (type_id, issuer_department_id, original_number) WHERE original_number IS NOT NULL;
CREATE UNIQUE INDEX licenses_serial_idx ON licenses (type_id, issuer_department_id, serial, license_version);
CREATE INDEX licenses_issuer_idx ON licenses (issuer_department_id, issued_at DESC, id);
CREATE INDEX licenses_holder_id_idx ON licenses (holder_id_idx) WHERE holder_id_idx IS NOT NULL;
CREATE INDEX licenses_holder_credit_idx ON licenses (holder_credit_code) WHERE holder_credit_code IS NOT NULL;
CREATE INDEX licenses_holder_account_idx ON licenses (holder_account_id) WHERE holder_account_id IS NOT NULL;
CREATE INDEX licenses_holder_enterprise_idx ON licenses (holder_enterprise_id) WHERE holder_enterprise_id IS NOT NULL;
CREATE UNIQUE INDEX licenses_pdf_idx ON licenses (pdf_sm3) WHERE pdf_sm3 IS NOT NULL;
-- The daily expiry job reads only licences that can still expire.
CREATE INDEX licenses_expiry_idx ON licenses (valid_to) WHERE status IN ('valid', 'suspended') AND valid_to IS NOT NULL;

CREATE TABLE license_actions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  license_id  uuid NOT NULL REFERENCES licenses (id),
  action      text NOT NULL CHECK (action IN ('issue', 'suspend', 'restore', 'revoke', 'expire')),
  from_status text CHECK (from_status IN ('valid', 'suspended', 'revoked', 'expired')),
  to_status   text NOT NULL CHECK (to_status IN ('valid', 'suspended', 'revoked', 'expired')),
  reason      text NOT NULL DEFAULT '',
  actor_id    uuid REFERENCES accounts (id),
  actor_name  text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((action = 'issue') = (from_status IS NULL))
);
COMMENT ON TABLE license_actions IS 'Append-only history of a licence: issue, suspend, restore, revoke, expire — each with reason, who and when.';
COMMENT ON COLUMN license_actions.id IS 'Order of actions.';
COMMENT ON COLUMN license_actions.license_id IS 'The licence.';
COMMENT ON COLUMN license_actions.action IS 'What happened.';
COMMENT ON COLUMN license_actions.from_status IS 'Status before (null for issue).';
COMMENT ON COLUMN license_actions.to_status IS 'Status after.';
COMMENT ON COLUMN license_actions.reason IS 'Why (staff''s words; 有效期届满 for expiry).';
COMMENT ON COLUMN license_actions.actor_id IS 'Staff account; null for the platform (automatic issuance, expiry job, seed).';
COMMENT ON COLUMN license_actions.actor_name IS 'Name of the actor at the time, or the platform task.';
COMMENT ON COLUMN license_actions.at IS 'When.';
CREATE INDEX license_actions_license_idx ON license_actions (license_id, id);

CREATE TABLE license_grants (
  id                     uuid PRIMARY KEY,
  license_id             uuid NOT NULL REFERENCES licenses (id),
  granted_by             uuid NOT NULL REFERENCES accounts (id),
  grantee_kind           text NOT NULL CHECK (grantee_kind IN ('department', 'case')),
  grantee_department_id  uuid REFERENCES departments (id),
  grantee_case_id        uuid,
  grantee_case_number    text,
  purpose                text NOT NULL CHECK (char_length(btrim(purpose)) BETWEEN 2 AND 100),
  valid_until            timestamptz NOT NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  revoked_at             timestamptz,
  revoked_by             uuid REFERENCES accounts (id),
  CHECK ((grantee_kind = 'department') = (grantee_department_id IS NOT NULL)),
  CHECK (grantee_kind = 'department' OR grantee_case_id IS NOT NULL OR grantee_case_number IS NOT NULL),
  CHECK (valid_until > created_at AND valid_until <= created_at + interval '90 days 1 minute'),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
COMMENT ON TABLE license_grants IS '自主授权: a holder lets one department, or whoever handles one case, use one licence until a time (at most 90 days).';
COMMENT ON COLUMN license_grants.id IS 'UUIDv7.';
COMMENT ON COLUMN license_grants.license_id IS 'The licence granted.';
COMMENT ON COLUMN license_grants.granted_by IS 'The holder''s account (the citizen, the enterprise or its agent) that granted it.';
COMMENT ON COLUMN license_grants.grantee_kind IS 'department or case.';
COMMENT ON COLUMN license_grants.grantee_department_id IS 'Department allowed to use the licence.';
COMMENT ON COLUMN license_grants.grantee_case_id IS 'Case (services/cases id) for which it may be used, when given by id.';
COMMENT ON COLUMN license_grants.grantee_case_number IS '办件编号 for which it may be used, when given by number.';
COMMENT ON COLUMN license_grants.purpose IS 'What for, in the holder''s words.';
COMMENT ON COLUMN license_grants.valid_until IS 'End of the grant; no use after it.';
COMMENT ON COLUMN license_grants.created_at IS 'When granted.';
COMMENT ON COLUMN license_grants.revoked_at IS 'When the holder withdrew it.';
COMMENT ON COLUMN license_grants.revoked_by IS 'Who withdrew it.';
CREATE INDEX license_grants_license_idx ON license_grants (license_id, created_at DESC);
CREATE INDEX license_grants_department_idx ON license_grants (grantee_department_id, license_id) WHERE grantee_department_id IS NOT NULL;

CREATE TABLE license_uses (
  id                uuid PRIMARY KEY,
  license_id        uuid NOT NULL REFERENCES licenses (id),
  grant_id          uuid REFERENCES license_grants (id),
  basis             text NOT NULL CHECK (basis IN ('grant', 'application', 'issuer')),
  department_id     uuid REFERENCES departments (id),
  department_name   text,
  user_id           uuid REFERENCES accounts (id),
  user_name         text NOT NULL,
  case_id           uuid,
  case_number       text,
  purpose           text NOT NULL,
  at                timestamptz NOT NULL DEFAULT now(),
  CHECK ((basis = 'grant') = (grant_id IS NOT NULL))
);
COMMENT ON TABLE license_uses IS 'Every use of a licence by a department (免证办, under a grant): listed to the holder, like a data-use tracker.';
COMMENT ON COLUMN license_uses.id IS 'UUIDv7.';
COMMENT ON COLUMN license_uses.license_id IS 'The licence used.';
COMMENT ON COLUMN license_uses.grant_id IS 'The grant that allowed it, when basis = grant.';
COMMENT ON COLUMN license_uses.basis IS 'grant (the holder''s 自主授权), application (the holder''s own application, 免证办) or issuer.';
COMMENT ON COLUMN license_uses.department_id IS 'Department that used it.';
COMMENT ON COLUMN license_uses.department_name IS 'Its name at the time.';
COMMENT ON COLUMN license_uses.user_id IS 'Staff account that used it; null when the platform did on the holder''s behalf.';
COMMENT ON COLUMN license_uses.user_name IS 'Name of who used it.';
COMMENT ON COLUMN license_uses.case_id IS 'Case it was used for.';
COMMENT ON COLUMN license_uses.case_number IS '办件编号 of that case.';
COMMENT ON COLUMN license_uses.purpose IS 'What for (免证办, the grant''s purpose …).';
COMMENT ON COLUMN license_uses.at IS 'When.';
CREATE INDEX license_uses_license_idx ON license_uses (license_id, at DESC);

CREATE TABLE license_verifications (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  license_id          uuid,
  channel             text NOT NULL CHECK (channel IN ('online', 'qr', 'pdf')),
  result              text NOT NULL,
  verifier_account_id uuid,
  ip                  text,
  user_agent          text,
  at                  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE license_verifications IS 'Every verification of a licence (online page, scanned QR, uploaded PDF): a log of its own, so the public check never waits for the audit chain lock. No foreign keys: an append-only log on the hottest public path, written only with ids just read.';
COMMENT ON COLUMN license_verifications.id IS 'Order of verifications.';
COMMENT ON COLUMN license_verifications.license_id IS 'The licence checked (licenses.id), when it was found.';
COMMENT ON COLUMN license_verifications.channel IS 'online (GET by id), qr (scanned payload) or pdf (uploaded file).';
COMMENT ON COLUMN license_verifications.result IS 'What the verifier was told: the licence status (or notFound), or the QR/PDF verdict and status.';
COMMENT ON COLUMN license_verifications.verifier_account_id IS 'Signed-in account (accounts.id) that verified, when there was one.';
COMMENT ON COLUMN license_verifications.ip IS 'Client IP (behind the trusted proxy).';
COMMENT ON COLUMN license_verifications.user_agent IS 'Client User-Agent, first 200 characters.';
COMMENT ON COLUMN license_verifications.at IS 'When.';
CREATE INDEX license_verifications_license_idx ON license_verifications (license_id, id) WHERE license_id IS NOT NULL;

-- The online check behind every printed QR code: one lookup and one log row. A PL/pgSQL function so that each server
-- connection plans the two statements once and reuses the plans (a plain statement is parsed and planned on every
-- call, which costs more than the work itself: ~3,700 vs ~9,400 checks/s on one database core). The status it logs
-- is the one a reader is told: expired from the day after the last valid day, whether or not it was recorded yet.
CREATE FUNCTION license_verify_online(p_id uuid, p_today date, p_account uuid, p_ip text, p_user_agent text)
RETURNS TABLE (id uuid, identifier text, type_name text, holder_type text, holder_name text, issuer_name text, issuer_credit_code text,
               valid_from date, valid_to date, issued_at timestamptz, status text, status_changed_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  l licenses%ROWTYPE;
BEGIN
  SELECT * INTO l FROM licenses WHERE licenses.id = p_id;
  INSERT INTO license_verifications (license_id, channel, result, verifier_account_id, ip, user_agent)
  VALUES (l.id, 'online',
          CASE WHEN l.id IS NULL THEN 'notFound'
               WHEN l.status IN ('valid', 'suspended') AND l.valid_to < p_today THEN 'expired'
               ELSE l.status END,
          p_account, p_ip, p_user_agent);
  IF l.id IS NOT NULL THEN
    RETURN QUERY SELECT l.id, l.identifier, l.type_name, l.holder_type, l.holder_name, l.issuer_name, l.issuer_credit_code,
                        l.valid_from, l.valid_to, l.issued_at, l.status, l.status_changed_at;
  END IF;
END
$$;
COMMENT ON FUNCTION license_verify_online(uuid, date, uuid, text, text) IS 'GET /api/licenses/verify/:id: the licence''s public facts and one license_verifications row, in one call with cached plans.';
