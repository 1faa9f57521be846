import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { orgMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { regionRoutes } from './routes';

export { findRegion, regionNames } from './repo';
export { getRegion, listRegions } from './service';
export { listRegionTree, regionFullName } from './public-api';
// The org domains' Excel toolkit (departments uses it too); a candidate for kernel/ once other domains import sheets.
export { readSheet, writeSheet, normalizeCode, parseSortCell, cellText, XLSX_MIME, type Sheet, type SheetColumn, type SheetRow } from './spreadsheet';
export { readXlsxUpload, registerXlsxUpload, sendImportReport, sendXlsx } from './upload';
export { RowErrors, importReport } from './import-report';
export { referencingTable, violatedConstraint } from './db-errors';
export { xlsxFile, xlsxUploadForm } from './routes';

let hasMessages = false;

/** Regions (行政区划): the province → village tree every record is scoped by. */
export default fp(
  async function regions(app: FastifyInstance) {
    // One table for both org domains (regions and departments), registered once per process.
    if (!hasMessages) registerMessages(orgMessages);
    hasMessages = true;
    regionRoutes(app);
  },
  { name: 'regions', dependencies: ['identity'] },
);
