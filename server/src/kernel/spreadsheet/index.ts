// The Excel toolkit every domain's import and export uses: reading and writing sheets with Chinese headers, the
// multipart upload guard, and the per-row import report (dry run, all-or-nothing).
export {
  cellText,
  loadWorkbook,
  normalizeCode,
  parseSortCell,
  readSheet,
  readWorksheet,
  writeSheet,
  writeWorkbook,
  XLSX_MIME,
  type Sheet,
  type SheetCell,
  type SheetColumn,
  type SheetRow,
  type SheetSpec,
} from './sheet';
export { MAX_UPLOAD_BYTES, readXlsxUpload, registerXlsxImportRoute, registerXlsxUpload, sendImportReport, sendXlsx, xlsxFile, xlsxUploadForm } from './upload';
export { importReport, RowErrors } from './import-report';
export { declaredUnpackedSize, isZipArchive } from './xlsx-archive';
