import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditExportQuery, auditRecordPage, auditRecordQuery, auditRecordView, auditVerifyView, dataAccessPage, dataAccessQuery } from '@zhengtong/contracts';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { getAuditRecord, searchAuditRecords } from './search';
import { exportAuditRecords, type ExportFile } from './export';
import { verifyChain } from './verify';
import { listMyDataAccess } from './data-access';

const tags = ['audit'];
const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'invalid_format') });

/** What a refused attempt on each route is recorded as. */
const deniedAction: Record<string, string> = {
  '/api/audit-records': 'audit.search',
  '/api/audit-records/:id': 'audit.view',
  '/api/audit-records/export.csv': 'audit.export',
  '/api/audit-records/export.xlsx': 'audit.export',
  '/api/audit-records/verify': 'audit.verify',
};

function sendFile(reply: FastifyReply, file: ExportFile) {
  const chineseName = `审计记录-${file.fileName.replace(/^audit-records-/, '')}`;
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`)
    .header('cache-control', 'no-store')
    .header('x-export-rows', String(file.rows))
    .send(file.body);
}

/** The auditor's screens (审计员): search, one record, export, chain verification. Not for sysadmin or secadmin (三员分立). */
export async function auditTrailRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  // Someone signed in trying to read the audit trail without the right is itself a security event worth keeping.
  app.addHook('onError', async (req, _reply, error) => {
    if (!(error instanceof AppError) || error.code !== 'FORBIDDEN' || req.actor.kind !== 'account') return;
    const action = deniedAction[req.routeOptions.url ?? ''] ?? 'audit.access';
    try {
      await inTransaction(kernel.db, (tx) =>
        audit(tx, req.actor, { action, objectType: 'audit_log', result: 'denied', detail: { method: req.method, path: req.url.split('?')[0] } }),
      );
    } catch (auditError) {
      req.log.error({ err: auditError }, 'could not record a refused audit-trail access');
    }
  });

  r.get('/api/audit-records', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '审计记录查询 (newest first, keyset paging with nextCursor; the search is itself audited)', querystring: auditRecordQuery, response: { 200: auditRecordPage } },
  }, async (req) => searchAuditRecords(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/audit-records/export.csv', {
    config: { access: 'audit.export' },
    schema: { tags, summary: '导出审计记录 CSV (UTF-8 with BOM; at most 100,000 rows)', querystring: auditExportQuery },
  }, async (req, reply) => sendFile(reply, await exportAuditRecords(kernel, { actor: req.actor, filter: req.query, format: 'csv', locale: req.locale })));

  r.get('/api/audit-records/export.xlsx', {
    config: { access: 'audit.export' },
    schema: { tags, summary: '导出审计记录 Excel (at most 100,000 rows)', querystring: auditExportQuery },
  }, async (req, reply) => sendFile(reply, await exportAuditRecords(kernel, { actor: req.actor, filter: req.query, format: 'xlsx', locale: req.locale })));

  r.post('/api/audit-records/verify', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '校验审计日志哈希链 (names the first broken record)', response: { 200: auditVerifyView } },
  }, async (req) => verifyChain(kernel, { actor: req.actor }));

  r.get('/api/audit-records/:id', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '审计记录详情', params: idParam, response: { 200: auditRecordView } },
  }, async (req) => getAuditRecord(kernel, { actor: req.actor, id: req.params.id }));
}

/** 我的数据使用记录: citizens see which departments used their personal data and why. */
export function dataAccessRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;
  r.get('/api/me/data-access', {
    config: { access: 'authenticated' },
    schema: { tags: ['audit'], summary: '我的数据使用记录 (who used my personal data, when and why)', querystring: dataAccessQuery, response: { 200: dataAccessPage } },
  }, async (req) => listMyDataAccess(kernel, { actor: req.actor, query: req.query, locale: req.locale }));
}
