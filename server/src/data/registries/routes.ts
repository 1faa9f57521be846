import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  correctRegistryDisputeInput,
  myRegistryQuery,
  myRegistryView,
  pageOf,
  raiseRegistryDisputeByKeyInput,
  raiseRegistryDisputeInput,
  registryCheckResult,
  registryConflictQuery,
  registryConflictSummary,
  registryConflictView,
  registryDisputeQuery,
  registryDisputeSummary,
  registryDisputeView,
  registryLicenseSourceInput,
  registryLicenseSourceView,
  registryLicenseTypeParam,
  registryObservationsInput,
  registryObservationsQuery,
  registryObservationsReport,
  registryOverview,
  registryParam,
  registrySubjectQuery,
  registrySubjectReadQuery,
  registrySubjectSummary,
  registrySubjectView,
  registrySystemParam,
  registrySystemView,
  rejectRegistryDisputeInput,
  setRegistrySystemInput,
  withdrawRegistryDisputeInput,
} from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { decideDispute, readDispute } from './disputes';
import { raiseMyDispute, readMyRegistry } from './my-record';
import { conflictSummary, listConflicts, listDisputes, listSubjects, readSubject, readOverview } from './reads';
import { listLicenseSources, listSystems, observeAsProvider, raiseDepartmentDispute, runCrossCheck, scheduleSync, setLicenseSource, setSystemHolder } from './service';
import { registryShape } from './model';
import { readObservationFile } from './upload-file';

// 人口库/法人库 over HTTP: thin routes, schemas from contracts, one call into the service each.

const idParam = z.object({ id: z.uuid('invalid_format') });
const subjectParam = registryParam.extend({ id: z.uuid('invalid_format') });
const FILE_LIMIT_BYTES = 32 * 1024 * 1024;

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'registry.file.unsupported' });
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'registry.file.noFile' }] });
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (error) {
    if (isFileTooLarge(error)) throw new AppError('PAYLOAD_TOO_LARGE');
    throw error;
  }
}

export function registryRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;
  const tags = ['registries'];

  r.get('/api/registries', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '人口库/法人库概况(目录资源、主体数、待处理冲突、待核实与逾期异议、最近校核)', response: { 200: registryOverview } },
  }, async (req) => readOverview(kernel, { actor: req.actor }));

  r.get('/api/registries/:registry/subjects', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '按身份证号/统一社会信用代码查询或浏览基础库主体(默认掩码;查询留痕)', params: registryParam, querystring: registrySubjectQuery, response: { 200: pageOf(registrySubjectSummary) } },
  }, async (req) => listSubjects(kernel, { actor: req.actor, registry: req.params.registry, query: req.query }));

  r.get('/api/registries/:registry/subjects/:id', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '主体的各信息项:权威来源(一数一源)的值与其他来源的值及是否一致(默认掩码;unmask=true 需“查看完整个人信息”权限,留痕)', params: subjectParam, querystring: registrySubjectReadQuery, response: { 200: registrySubjectView } },
  }, async (req) => readSubject(kernel, { actor: req.actor, registry: req.params.registry, id: req.params.id, unmask: req.query.unmask }));

  r.post('/api/registries/:registry/observations', {
    config: { access: 'data-resource.manage' },
    schema: {
      tags,
      summary: '提供部门上报基础库数据(JSON 批量;本部门为来源;有误则整批不写入并逐项说明;dryRun=true 只校验)',
      params: registryParam,
      querystring: registryObservationsQuery,
      body: registryObservationsInput,
      response: { 200: registryObservationsReport },
    },
  }, async (req) =>
    observeAsProvider(kernel, {
      actor: req.actor,
      registry: req.params.registry,
      rows: req.body.rows.map((row, i) => ({ row: i, key: row.key, values: row.values, observedAt: row.observedAt ? new Date(row.observedAt) : undefined })),
      observedAt: req.body.observedAt,
      dryRun: req.query.dryRun,
    }),
  );

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: FILE_LIMIT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/registries/:registry/observations/file', {
      config: { access: 'data-resource.manage' },
      schema: {
        tags,
        summary: '提供部门上传基础库数据文件(.csv UTF-8 或 .xlsx;首行为列名:主体标识列 + 信息项名称列,可选“观测时间”;有误则整批不写入)',
        consumes: ['multipart/form-data'],
        params: registryParam,
        querystring: registryObservationsQuery,
        body: z.object({ file: z.string().meta({ format: 'binary', description: 'CSV (UTF-8) or Excel 2007+ workbook' }) }).nullish(),
        response: { 200: registryObservationsReport },
      },
    }, async (req) => {
      const { bytes, fileName } = await readUpload(req);
      const shape = await registryShape(kernel.db, req.params.registry, req.locale);
      const { rows, observedAt } = await readObservationFile(shape, bytes, fileName);
      return observeAsProvider(kernel, { actor: req.actor, registry: req.params.registry, rows, observedAt, dryRun: req.query.dryRun });
    });
  });

  r.get('/api/registries/:registry/conflicts', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '多源校核冲突报告(非权威来源与权威来源不一致的信息项;按状态、信息项、来源筛选;值已掩码)', params: registryParam, querystring: registryConflictQuery, response: { 200: pageOf(registryConflictView) } },
  }, async (req) => listConflicts(kernel, { actor: req.actor, registry: req.params.registry, query: req.query }));

  r.get('/api/registries/:registry/conflicts/summary', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '校核概况:待处理冲突按信息项与来源统计、最近一次校核、待校核主体数', params: registryParam, response: { 200: registryConflictSummary } },
  }, async (req) => conflictSummary(kernel, { actor: req.actor, registry: req.params.registry }));

  r.post('/api/registries/:registry/cross-check', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '立即校核一批待校核主体(定时任务每 5 分钟也会执行)', params: registryParam, response: { 200: registryCheckResult } },
  }, async (req) => runCrossCheck(kernel, { actor: req.actor, registry: req.params.registry }));

  r.post('/api/registries/:registry/subjects/:id/disputes', {
    config: { access: 'authenticated' },
    schema: { tags: ['registry-disputes'], summary: '部门对基础库某信息项提出异议(基础库查阅或数据使用部门;由该信息项权威来源部门 5 个工作日内核实)', params: subjectParam, body: raiseRegistryDisputeInput, response: { 201: registryDisputeView } },
  }, async (req, reply) => {
    reply.status(201);
    return raiseDepartmentDispute(kernel, { actor: req.actor, registry: req.params.registry, subject: { id: req.params.id }, input: req.body });
  });

  r.post('/api/registries/:registry/disputes', {
    config: { access: 'authenticated' },
    schema: { tags: ['registry-disputes'], summary: '部门按身份证号/统一社会信用代码对共享获得的基础数据提出异议(数据使用部门;由权威来源部门 5 个工作日内核实)', params: registryParam, body: raiseRegistryDisputeByKeyInput, response: { 201: registryDisputeView } },
  }, async (req, reply) => {
    reply.status(201);
    const { key, ...input } = req.body;
    return raiseDepartmentDispute(kernel, { actor: req.actor, registry: req.params.registry, subject: { key }, input });
  });

  // ---------------------------------------------------------------- configuration
  r.get('/api/registries/config/systems', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '来源系统及其所属部门(如统一身份认证平台由大数据局持有)', response: { 200: z.array(registrySystemView) } },
  }, async (req) => listSystems(kernel, { actor: req.actor }));

  r.put('/api/registries/config/systems/:key', {
    config: { access: 'data-resource.review' },
    schema: { tags, summary: '设置来源系统的所属部门(影响权威来源判定,随后重建记录并重新校核)', params: registrySystemParam, body: setRegistrySystemInput, response: { 200: z.array(registrySystemView) } },
  }, async (req) => setSystemHolder(kernel, { actor: req.actor, key: req.params.key, input: req.body }));

  r.get('/api/registries/config/license-sources', {
    config: { access: 'registry.read' },
    schema: { tags, summary: '证照数据来源:哪些证照类型为基础库提供哪些信息项(以发证部门为来源)', response: { 200: z.array(registryLicenseSourceView) } },
  }, async (req) => listLicenseSources(kernel, { actor: req.actor }));

  r.put('/api/registries/config/license-sources/:typeCode', {
    config: { access: 'data-resource.review' },
    schema: { tags, summary: '设置证照类型到基础库信息项的映射(随后全量同步)', params: registryLicenseTypeParam, body: registryLicenseSourceInput, response: { 200: z.array(registryLicenseSourceView) } },
  }, async (req) => setLicenseSource(kernel, { actor: req.actor, typeCode: req.params.typeCode, input: req.body }));

  r.post('/api/registries/config/sync', {
    config: { access: 'data-resource.review' },
    schema: { tags, summary: '从平台账号与电子证照全量同步基础库(后台任务分页执行)', response: { 202: z.object({ scheduled: z.array(registryParam.shape.registry) }) } },
  }, async (req, reply) => {
    reply.status(202);
    return scheduleSync(kernel, { actor: req.actor });
  });

  // ---------------------------------------------------------------- disputes (异议核实)
  const disputeTags = ['registry-disputes'];
  r.get('/api/registry-disputes', {
    config: { access: 'authenticated' },
    schema: { tags: disputeTags, summary: '异议核实队列(基础库查阅人员看全部;数据管理员看本部门待核实与本部门提出的;待核实按期限排序)', querystring: registryDisputeQuery, response: { 200: pageOf(registryDisputeSummary) } },
  }, async (req) => listDisputes(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/registry-disputes/:id', {
    config: { access: 'authenticated' },
    schema: { tags: disputeTags, summary: '异议详情与全部处理记录(提出人、核实部门看完整值,其他人看掩码)', params: idParam, response: { 200: registryDisputeView } },
  }, async (req) => readDispute(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/registry-disputes/:id/correct', {
    config: { access: 'data-dispute.handle' },
    schema: { tags: disputeTags, summary: '核实并更正(权威来源部门数据管理员;更正值默认为提出人主张的值;记录重写、冲突重新校核;需带 version)', params: idParam, body: correctRegistryDisputeInput, response: { 200: registryDisputeView } },
  }, async (req) => decideDispute(kernel, { actor: req.actor, id: req.params.id, action: { decision: 'correct', input: req.body } }));

  r.post('/api/registry-disputes/:id/reject', {
    config: { access: 'data-dispute.handle' },
    schema: { tags: disputeTags, summary: '核实无误、不予更正(须说明理由;需带 version)', params: idParam, body: rejectRegistryDisputeInput, response: { 200: registryDisputeView } },
  }, async (req) => decideDispute(kernel, { actor: req.actor, id: req.params.id, action: { decision: 'reject', input: req.body } }));

  r.post('/api/registry-disputes/:id/withdraw', {
    config: { access: 'authenticated' },
    schema: { tags: disputeTags, summary: '提出人撤回异议(需带 version)', params: idParam, body: withdrawRegistryDisputeInput, response: { 200: registryDisputeView } },
  }, async (req) => decideDispute(kernel, { actor: req.actor, id: req.params.id, action: { decision: 'withdraw', input: req.body } }));

  // ---------------------------------------------------------------- 我的基础信息 (portal)
  r.get('/api/my/registry', {
    config: { access: 'authenticated' },
    schema: { tags: disputeTags, summary: '我的基础信息(个人:人口库;企业及其经办人:法人库;本人登记过的信息完整显示,其余掩码,reveal=true 显示完整并留痕)', querystring: myRegistryQuery, response: { 200: myRegistryView } },
  }, async (req) => readMyRegistry(kernel, { actor: req.actor, reveal: req.query.reveal }));

  r.post('/api/my/registry/disputes', {
    config: { access: 'authenticated' },
    schema: { tags: disputeTags, summary: '对本人(本企业)基础信息提出异议(有异议;权威来源部门 5 个工作日内核实)', body: raiseRegistryDisputeInput, response: { 201: registryDisputeView } },
  }, async (req, reply) => {
    reply.status(201);
    return raiseMyDispute(kernel, { actor: req.actor, input: req.body });
  });
}
