import type {
  CreateOidcClientInput,
  CreatedOidcClientView,
  OidcClientListQuery,
  OidcClientView,
  RotatedOidcClientSecret,
  UpdateOidcClientInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { assertCanAccess, canAccessRecord, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import type { Queryable, Row } from '../../kernel/db';
import { findDepartment } from '../departments';
import { deleteClientArtefacts, findClient, insertClient, listClients, lockClient, updateClient, type ClientRow } from './clients-repo';
import { encryptClientSecret, newClientSecret } from './client-secrets';

type Department = Row<'departments'>;

/** Departments seen while answering one request, so a page of clients costs one look-up per department. */
function departmentCache(db: Queryable) {
  const seen = new Map<string, Promise<Department | undefined>>();
  return (id: string | null): Promise<Department | undefined> => {
    if (!id) return Promise.resolve(undefined);
    let found = seen.get(id);
    if (!found) {
      found = findDepartment(db, id);
      seen.set(id, found);
    }
    return found;
  };
}

/** A system owned by a department is managed by admins whose region covers it; platform-wide ones by any admin. */
function scopeOf(department: Department | undefined) {
  return { regionCode: department?.region_code ?? null };
}

function toView(row: ClientRow, department: Department | undefined): OidcClientView {
  return {
    clientId: row.client_id,
    name: row.name,
    isPublic: row.is_public,
    tokenEndpointAuthMethod: row.token_endpoint_auth_method,
    redirectUris: row.redirect_uris,
    postLogoutRedirectUris: row.post_logout_redirect_uris,
    isActive: row.is_active,
    departmentId: row.department_id,
    departmentName: department?.name ?? null,
    secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function assignableDepartment(kernel: Kernel, actor: Actor, departmentId: string): Promise<Department> {
  const department = await findDepartment(kernel.db, departmentId);
  if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'oidcClient.departmentNotFound' }]);
  assertCanAccess(actor, scopeOf(department), { regionWide: true });
  return department;
}

export async function listOidcClients(kernel: Kernel, { actor, query }: { actor: Actor; query: OidcClientListQuery }): Promise<{ items: OidcClientView[]; total: number }> {
  requirePermission(actor, 'oidc-client.manage');
  const departmentOf = departmentCache(kernel.db);
  const rows = await listClients(kernel.db, { q: query.q, isActive: query.isActive });
  const visible: OidcClientView[] = [];
  for (const row of rows) {
    const department = await departmentOf(row.department_id);
    if (canAccessRecord(actor, scopeOf(department), { regionWide: true })) visible.push(toView(row, department));
  }
  const start = (query.page - 1) * query.pageSize;
  return { items: visible.slice(start, start + query.pageSize), total: visible.length };
}

export async function getOidcClient(kernel: Kernel, { actor, clientId }: { actor: Actor; clientId: string }): Promise<OidcClientView> {
  requirePermission(actor, 'oidc-client.manage');
  const row = await findClient(kernel.db, clientId);
  if (!row) throw new AppError('NOT_FOUND');
  const department = row.department_id ? await findDepartment(kernel.db, row.department_id) : undefined;
  assertCanAccess(actor, scopeOf(department), { regionWide: true });
  return toView(row, department);
}

export async function createOidcClient(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateOidcClientInput }): Promise<CreatedOidcClientView> {
  requirePermission(actor, 'oidc-client.manage');
  const department = input.departmentId ? await assignableDepartment(kernel, actor, input.departmentId) : undefined;
  const isPublic = input.tokenEndpointAuthMethod === 'none';
  const secret = isPublic ? null : newClientSecret();
  const now = new Date();
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertClient(tx, {
        client_id: input.clientId,
        name: input.name,
        secret_enc: secret ? encryptClientSecret(kernel, input.clientId, secret) : null,
        secret_rotated_at: secret ? now : null,
        redirect_uris: JSON.stringify(input.redirectUris),
        post_logout_redirect_uris: JSON.stringify(input.postLogoutRedirectUris),
        is_public: isPublic,
        token_endpoint_auth_method: input.tokenEndpointAuthMethod,
        department_id: department?.id ?? null,
      });
      const { clientId, ...registered } = input;
      await audit(tx, actor, { action: 'oidc-client.create', objectType: 'oidc-client', objectId: clientId, detail: registered });
      await emit(tx, 'oidc.client-registered', { clientId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'clientId', code: 'oidcClient.clientIdTaken' }] });
    throw error;
  }
  const view = await getOidcClient(kernel, { actor, clientId: input.clientId });
  return { ...view, clientSecret: secret };
}

async function lockForChange(tx: Queryable, actor: Actor, clientId: string, version: number): Promise<ClientRow> {
  const row = await lockClient(tx, clientId);
  if (!row) throw new AppError('NOT_FOUND');
  const department = row.department_id ? await findDepartment(tx, row.department_id) : undefined;
  assertCanAccess(actor, scopeOf(department), { regionWide: true });
  if (row.version !== version) throw new AppError('STALE_VERSION');
  return row;
}

export async function updateOidcClient(
  kernel: Kernel,
  { actor, clientId, input }: { actor: Actor; clientId: string; input: UpdateOidcClientInput },
): Promise<OidcClientView> {
  requirePermission(actor, 'oidc-client.manage');
  if (input.departmentId) await assignableDepartment(kernel, actor, input.departmentId);
  await inTransaction(kernel.db, async (tx) => {
    const row = await lockForChange(tx, actor, clientId, input.version);
    const { version: _version, ...changes } = input;
    if (row.is_public && changes.tokenEndpointAuthMethod) throw invalid([{ field: 'tokenEndpointAuthMethod', code: 'oidcClient.publicHasNoSecret' }]);
    await updateClient(tx, clientId, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.tokenEndpointAuthMethod !== undefined ? { token_endpoint_auth_method: changes.tokenEndpointAuthMethod } : {}),
      ...(changes.redirectUris !== undefined ? { redirect_uris: JSON.stringify(changes.redirectUris) } : {}),
      ...(changes.postLogoutRedirectUris !== undefined ? { post_logout_redirect_uris: JSON.stringify(changes.postLogoutRedirectUris) } : {}),
      ...(changes.isActive !== undefined ? { is_active: changes.isActive } : {}),
      ...(changes.departmentId !== undefined ? { department_id: changes.departmentId } : {}),
      version: row.version + 1,
      updated_at: new Date(),
    });
    const isDeactivated = changes.isActive === false && row.is_active;
    // A switched-off system must lose what it already holds, not only the ability to start new sign-ins.
    if (isDeactivated) await deleteClientArtefacts(tx, clientId);
    await audit(tx, actor, { action: 'oidc-client.update', objectType: 'oidc-client', objectId: clientId, detail: { ...changes, tokensRevoked: isDeactivated } });
    await emit(tx, 'oidc.client-updated', { clientId, isActive: changes.isActive ?? row.is_active });
  });
  return getOidcClient(kernel, { actor, clientId });
}

/** A new secret replaces the old one at once (the old one stops working); it is shown this one time only. */
export async function rotateOidcClientSecret(
  kernel: Kernel,
  { actor, clientId, version }: { actor: Actor; clientId: string; version: number },
): Promise<RotatedOidcClientSecret> {
  requirePermission(actor, 'oidc-client.manage');
  const secret = newClientSecret();
  const now = new Date();
  const next = await inTransaction(kernel.db, async (tx) => {
    const row = await lockForChange(tx, actor, clientId, version);
    if (row.is_public) throw invalid([{ field: 'clientId', code: 'oidcClient.publicHasNoSecret' }]);
    await updateClient(tx, clientId, { secret_enc: encryptClientSecret(kernel, clientId, secret), secret_rotated_at: now, version: row.version + 1, updated_at: now });
    await audit(tx, actor, { action: 'oidc-client.rotate-secret', objectType: 'oidc-client', objectId: clientId });
    await emit(tx, 'oidc.client-secret-rotated', { clientId });
    return row.version + 1;
  });
  return { clientId, clientSecret: secret, secretRotatedAt: now.toISOString(), version: next };
}
