import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerXlsxImportRoute, sendXlsx, XLSX_MIME, xlsxFile } from '../../kernel/spreadsheet';
import { exportCatalogue } from './excel-export';
import { importCatalogue } from './excel-import';

const tags = ['service-items'];

export function excelRoutes(app: FastifyInstance): void {
  const kernel = app.kernel;
  app.withTypeProvider<ZodTypeProvider>().get('/api/service-items/export.xlsx', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '导出事项目录 Excel (sheet 事项: one row per implementation of your region with its newest version’s main elements; sheet 申请材料)',
      produces: [XLSX_MIME],
      response: { 200: xlsxFile },
    },
  }, async (req, reply) => sendXlsx(reply, await exportCatalogue(kernel, { actor: req.actor }), '事项目录.xlsx', 'service-items.xlsx'));

  registerXlsxImportRoute(app, {
    url: '/api/service-items/import',
    access: 'service-item.manage',
    tags,
    summary: '导入事项目录 Excel (multipart `file`, .xlsx ≤ 5 MB; items by 基本编码, implementations by 基本编码 + 实施主体信用代码; changes go into drafts for review; ?dryRun=true checks only; any wrong row → nothing changes)',
    run: (req, file, dryRun) => importCatalogue(kernel, { actor: req.actor, file, dryRun }),
  });
}
