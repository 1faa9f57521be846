import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';
import { sql } from 'kysely';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import { findActiveClient } from './clients-repo';
import { decryptClientSecret } from './client-secrets';

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * oidc-provider's storage in PostgreSQL (table oidc_payloads), one instance per model. The payload is kept as the
 * provider gives it, so `payload->>'accountId'` names the account (identity's "logout everywhere" relies on it).
 */
export class PayloadAdapter implements Adapter {
  constructor(
    private readonly db: Queryable,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
    const row = {
      payload: JSON.stringify(payload),
      grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
      user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
      uid: typeof payload.uid === 'string' ? payload.uid : null,
      expires_at: expiresAt,
    };
    await this.db
      .insertInto('oidc_payloads')
      .values({ id, type: this.model, ...row })
      .onConflict((oc) => oc.columns(['type', 'id']).doUpdateSet(row))
      .execute();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('id', id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('uid', uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db.updateTable('oidc_payloads').set({ consumed_at: new Date() }).where('type', '=', this.model).where('id', '=', id).execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('oidc_payloads').where('type', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.deleteFrom('oidc_payloads').where('type', '=', this.model).where('grant_id', '=', grantId).execute();
  }

  private async findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    const row = await this.db
      .selectFrom('oidc_payloads')
      .select(['payload', 'consumed_at'])
      .where('type', '=', this.model)
      .where(column, '=', value)
      // Expired rows wait for the hourly purge; until then they must read as absent.
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return row.consumed_at ? { ...row.payload, consumed: epochSeconds(row.consumed_at) } : row.payload;
  }
}

/**
 * Client systems come from the registry that the admin screens keep (oidc_clients), read on every use so a change
 * (new redirect URI, deactivation, new secret) applies at once. Dynamic registration is off, so nothing writes here.
 */
export class ClientAdapter implements Adapter {
  constructor(private readonly kernel: Kernel) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const row = await findActiveClient(this.kernel.db, id);
    if (!row) return undefined;
    const metadata: ClientMetadata = {
      client_id: row.client_id,
      client_name: row.name,
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: row.redirect_uris,
      post_logout_redirect_uris: row.post_logout_redirect_uris,
      token_endpoint_auth_method: row.token_endpoint_auth_method,
      id_token_signed_response_alg: 'ES256',
      ...(row.secret_enc ? { client_secret: decryptClientSecret(this.kernel, row.client_id, row.secret_enc) } : {}),
    };
    return metadata;
  }

  upsert(): Promise<void> {
    return refuse();
  }
  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  consume(): Promise<void> {
    return refuse();
  }
  destroy(): Promise<void> {
    return refuse();
  }
  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}

function refuse(): Promise<never> {
  return Promise.reject(new Error('client systems are registered through /api/oidc-clients, not through the provider'));
}

export function adapterFactory(kernel: Kernel): (model: string) => Adapter {
  return (model) => (model === 'Client' ? new ClientAdapter(kernel) : new PayloadAdapter(kernel.db, model));
}
