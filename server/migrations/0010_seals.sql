-- 电子印章 (GB/T 38540): each department's seals, an SM2 key pair and a generated image each. Licences and decision
-- letters are signed with them; the public keys are published for offline verification.
-- See server/src/platform/seals/README.md and docs/decisions/0008-electronic-seals.md.

CREATE TABLE seals (
  id                  uuid PRIMARY KEY,
  department_id       uuid NOT NULL REFERENCES departments (id),
  name                text NOT NULL CHECK (char_length(btrim(name)) BETWEEN 2 AND 60),
  kind                text NOT NULL CHECK (kind IN ('official', 'approval', 'licence')),
  key_id              text NOT NULL UNIQUE CHECK (key_id ~ '^[0-9a-f]{16}$'),
  public_key_hex      text NOT NULL UNIQUE CHECK (public_key_hex ~ '^04[0-9a-f]{128}$'),
  private_key_enc     text NOT NULL CHECK (private_key_enc LIKE 'v1.%'),
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  revoked_at          timestamptz,
  revoked_reason      text,
  revoked_by          uuid REFERENCES accounts (id),
  valid_from          date NOT NULL,
  valid_to            date NOT NULL,
  created_by          uuid REFERENCES accounts (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             int NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (valid_to > valid_from),
  -- A revoked seal always says when and why; an active one never does.
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
COMMENT ON TABLE seals IS '电子印章: a department''s seal — SM2 key pair (private key SM4-encrypted) and the name carved on its generated image.';
COMMENT ON COLUMN seals.id IS 'UUIDv7; public id in the image URL and the public key list.';
COMMENT ON COLUMN seals.department_id IS 'The department whose seal it is; its region bounds which security admins manage it.';
COMMENT ON COLUMN seals.name IS 'Text carved on the seal, e.g. 云溪市市场监督管理局行政审批专用章; fixed for the seal''s life.';
COMMENT ON COLUMN seals.kind IS 'official (公章), approval (行政审批专用章) or licence (证照专用章).';
COMMENT ON COLUMN seals.key_id IS 'First 16 hex characters of SM3 over the public key bytes; published with the key and carried in signatures and QR payloads.';
COMMENT ON COLUMN seals.public_key_hex IS 'SM2 public key as the uncompressed point 04 || X || Y (hex).';
COMMENT ON COLUMN seals.private_key_enc IS 'SM2 private key, SM4-CTR + HMAC-SM3 under the database-secrets key derived from the master key, bound to this seal''s id and key id. Never leaves the server.';
COMMENT ON COLUMN seals.status IS 'active or revoked (注销); a revoked seal signs nothing more but stays published so old signatures can be judged.';
COMMENT ON COLUMN seals.revoked_at IS 'When the seal was revoked.';
COMMENT ON COLUMN seals.revoked_reason IS 'Why it was revoked (印章遗失, 密钥泄露, 机构撤并, 到期更换 …), published with the key.';
COMMENT ON COLUMN seals.revoked_by IS 'Security admin who revoked it.';
COMMENT ON COLUMN seals.valid_from IS 'First Beijing date on which the seal may sign.';
COMMENT ON COLUMN seals.valid_to IS 'Last Beijing date on which the seal may sign.';
COMMENT ON COLUMN seals.created_by IS 'Security admin who made the seal; null when the platform made it (demo seed).';
COMMENT ON COLUMN seals.created_at IS 'When the seal was made.';
COMMENT ON COLUMN seals.version IS 'Optimistic concurrency: incremented on every change.';

-- At most one seal of each kind in use per department: the last line of defence when two admins create at once.
CREATE UNIQUE INDEX seals_one_active_idx ON seals (department_id, kind) WHERE status = 'active';
CREATE INDEX seals_department_idx ON seals (department_id, kind, created_at DESC);
