-- Single sign-on: the registry of client systems gains its authentication method, optimistic version and the
-- constraints the admin screens rely on; the provider's storage gains the indexes its look-ups need.

ALTER TABLE oidc_clients
  ADD COLUMN token_endpoint_auth_method text NOT NULL DEFAULT 'client_secret_basic'
    CHECK (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post', 'none')),
  ADD COLUMN secret_rotated_at timestamptz,
  ADD COLUMN version int NOT NULL DEFAULT 1,
  ADD CONSTRAINT oidc_clients_client_id_format CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$'),
  ADD CONSTRAINT oidc_clients_name_length CHECK (char_length(name) BETWEEN 2 AND 100),
  ADD CONSTRAINT oidc_clients_public_is_none CHECK (is_public = (token_endpoint_auth_method = 'none')),
  -- A confidential client always has a secret; a public one (browser or mobile app) never does.
  ADD CONSTRAINT oidc_clients_secret_iff_confidential CHECK (is_public = (secret_enc IS NULL)),
  ADD CONSTRAINT oidc_clients_redirect_uris_array CHECK (jsonb_typeof(redirect_uris) = 'array' AND jsonb_array_length(redirect_uris) >= 1),
  ADD CONSTRAINT oidc_clients_post_logout_uris_array CHECK (jsonb_typeof(post_logout_redirect_uris) = 'array');

COMMENT ON COLUMN oidc_clients.client_id IS 'OAuth client_id the system sends; lower-case letters, digits, dot, dash, underscore.';
COMMENT ON COLUMN oidc_clients.name IS 'Name of the system shown to people on sign-in and sign-out pages and in the admin screens.';
COMMENT ON COLUMN oidc_clients.redirect_uris IS 'JSON array of exact sign-in redirect URIs (https, or http on localhost only).';
COMMENT ON COLUMN oidc_clients.post_logout_redirect_uris IS 'JSON array of exact URIs the system may return to after RP-initiated logout.';
COMMENT ON COLUMN oidc_clients.is_public IS 'Browser or mobile app that cannot keep a secret: no secret, PKCE required.';
COMMENT ON COLUMN oidc_clients.is_active IS 'Inactive systems cannot start sign-ins, and their tokens stop working at once.';
COMMENT ON COLUMN oidc_clients.department_id IS 'Department that owns the system; null for platform-wide systems. Bounds which admins may manage it.';
COMMENT ON COLUMN oidc_clients.created_at IS 'When the system was registered.';
COMMENT ON COLUMN oidc_clients.updated_at IS 'When the registration last changed.';
COMMENT ON COLUMN oidc_clients.token_endpoint_auth_method IS 'How the system authenticates at the token endpoint: client_secret_basic, client_secret_post, or none (public).';
COMMENT ON COLUMN oidc_clients.secret_rotated_at IS 'When the current secret was issued (registration or last rotation); null for public clients.';
COMMENT ON COLUMN oidc_clients.version IS 'Optimistic concurrency: incremented on every update.';

COMMENT ON COLUMN oidc_payloads.id IS 'Identifier oidc-provider gives the artefact (token value, session id, interaction uid, …).';
COMMENT ON COLUMN oidc_payloads.type IS 'oidc-provider model name: Session, Interaction, Grant, AuthorizationCode, AccessToken, RefreshToken, ….';
COMMENT ON COLUMN oidc_payloads.payload IS 'The artefact as oidc-provider stores it; payload->>''accountId'' names the account (logout everywhere).';
COMMENT ON COLUMN oidc_payloads.grant_id IS 'Grant the token belongs to, so revoking a grant revokes its tokens.';
COMMENT ON COLUMN oidc_payloads.user_code IS 'Device-flow user code (unused while the device flow is off).';
COMMENT ON COLUMN oidc_payloads.uid IS 'Session uid, for the provider''s look-up of sessions by uid.';
COMMENT ON COLUMN oidc_payloads.expires_at IS 'After this the artefact is treated as absent; expired rows are purged hourly.';
COMMENT ON COLUMN oidc_payloads.consumed_at IS 'When a one-time artefact (authorization code) was used; a second use is refused.';

CREATE INDEX oidc_payloads_expires_idx ON oidc_payloads (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX oidc_payloads_account_idx ON oidc_payloads ((payload ->> 'accountId'));
CREATE INDEX oidc_clients_department_idx ON oidc_clients (department_id);
