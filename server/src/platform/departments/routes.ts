import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDepartmentInput,
  departmentDetail,
  departmentListQuery,
  departmentOption,
  departmentOptionsQuery,
  departmentView,
  pageOf,
  regionCodeSchema,
  updateDepartmentInput,
  versionInput,
} from '@zhengtong/contracts';
import { registerXlsxImportRoute, sendXlsx, XLSX_MIME, xlsxFile } from '../../kernel/spreadsheet';
import { createDepartment, deleteDepartment, getDepartment, listDepartments, listOptions, setDepartmentActive, updateDepartment } from './service';
import { exportDepartments, importDepartments } from './excel';
import { positionRoutes } from './position-routes';

const tags = ['departments'];
const idParam = z.object({ id: z.uuid('invalid_format') });

export function departmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/departments', {
    config: { access: 'staff.read' },
    schema: {
      tags,
      summary: '部门列表 (your region and below; filter by region subtree, name or credit code, status; paged)',
      querystring: departmentListQuery,
      response: { 200: pageOf(departmentView) },
    },
  }, async (req) => listDepartments(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/departments/options', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '部门选项(本区划全部部门,供选择器使用,不分页;按 parentId 组树;任何工作人员可用)',
      querystring: departmentOptionsQuery,
      response: { 200: z.object({ items: z.array(departmentOption) }) },
    },
  }, async (req) => listOptions(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/departments/export.xlsx', {
    config: { access: 'department.manage' },
    schema: {
      tags,
      summary: '导出部门 Excel (your region, or the subtree under ?regionCode=; with positions)',
      querystring: z.object({ regionCode: regionCodeSchema.optional() }),
      produces: [XLSX_MIME],
      response: { 200: xlsxFile },
    },
  }, async (req, reply) => sendXlsx(reply, await exportDepartments(kernel, { actor: req.actor, regionCode: req.query.regionCode }), '部门.xlsx', 'departments.xlsx'));

  r.get('/api/departments/:id', {
    config: { access: 'staff.read' },
    schema: { tags, summary: '部门详情 (with its positions)', params: idParam, response: { 200: departmentDetail } },
  }, async (req) => getDepartment(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/departments', {
    config: { access: 'department.manage', idempotent: true },
    schema: {
      tags,
      summary: '新增部门 (统一社会信用代码 checked per GB 32100 and unique; name unique in its region)',
      body: createDepartmentInput,
      response: { 201: departmentDetail },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createDepartment(kernel, { actor: req.actor, input: req.body });
  });

  r.patch('/api/departments/:id', {
    config: { access: 'department.manage' },
    schema: {
      tags,
      summary: '修改部门 (optimistic: send the version you read; a new parent must not create a cycle)',
      params: idParam,
      body: updateDepartmentInput,
      response: { 200: departmentDetail },
    },
  }, async (req) => updateDepartment(kernel, { actor: req.actor, id: req.params.id, input: req.body }));

  r.post('/api/departments/:id/deactivate', {
    config: { access: 'department.manage' },
    schema: { tags, summary: '停用部门 (keeps staff and history; refused while sub-departments are active)', params: idParam, body: versionInput, response: { 200: departmentDetail } },
  }, async (req) => setDepartmentActive(kernel, { actor: req.actor, id: req.params.id, isActive: false, version: req.body.version }));

  r.post('/api/departments/:id/reactivate', {
    config: { access: 'department.manage' },
    schema: { tags, summary: '启用部门 (refused while its parent department is deactivated)', params: idParam, body: versionInput, response: { 200: departmentDetail } },
  }, async (req) => setDepartmentActive(kernel, { actor: req.actor, id: req.params.id, isActive: true, version: req.body.version }));

  r.delete('/api/departments/:id', {
    config: { access: 'department.manage' },
    schema: {
      tags,
      summary: '删除部门 (only one created by mistake: refused with IN_USE while staff, sub-departments or other records refer to it — deactivate instead)',
      params: idParam,
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await deleteDepartment(kernel, { actor: req.actor, id: req.params.id });
    return reply.status(204).send(null);
  });

  positionRoutes(app);

  registerXlsxImportRoute(app, {
    url: '/api/departments/import',
    access: 'department.manage',
    tags,
    summary: '导入部门 Excel (multipart field `file`, .xlsx ≤ 5 MB; rows matched by 统一社会信用代码; ?dryRun=true checks only; any wrong row → nothing changes)',
    run: (req, file, dryRun) => importDepartments(kernel, { actor: req.actor, file, dryRun }),
  });
}
