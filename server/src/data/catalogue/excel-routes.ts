import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dataResourceListQuery } from '@zhengtong/contracts';
import { registerXlsxImportRoute, sendXlsx, XLSX_MIME, xlsxFile } from '../../kernel/spreadsheet';
import { exportCatalogue } from './excel-export';
import { importCatalogue } from './excel-import';

const tags = ['data-resources'];

export function excelRoutes(app: FastifyInstance): void {
  const kernel = app.kernel;
  app.withTypeProvider<ZodTypeProvider>().get('/api/data-resources/export.xlsx', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '导出资源目录 Excel (sheet 资源 and sheet 信息项; the same filters as the search; the provider and reviewers get each resource’s newest version)',
      querystring: dataResourceListQuery.omit({ page: true, pageSize: true }),
      produces: [XLSX_MIME],
      response: { 200: xlsxFile },
    },
  }, async (req, reply) => sendXlsx(reply, await exportCatalogue(kernel, { actor: req.actor, query: req.query }), '数据资源目录.xlsx', 'data-resources.xlsx'));

  registerXlsxImportRoute(app, {
    url: '/api/data-resources/import',
    access: 'data-resource.manage',
    tags,
    summary: '导入资源目录 Excel (multipart `file`, .xlsx ≤ 5 MB, sheets 资源 and 信息项; new codes become drafts, changed ones a draft or new draft version, equal ones stay; nothing is published; ?dryRun=true checks only; any wrong row → nothing changes)',
    run: (req, file, dryRun) => importCatalogue(kernel, { actor: req.actor, file, dryRun }),
  });
}
