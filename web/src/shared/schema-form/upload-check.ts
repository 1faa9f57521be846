import type { MaterialFormat } from '@zhengtong/contracts';

// Checked before a byte leaves the browser, so a person learns at once that a phone photo in HEIC or a 40 MB scan
// will not do; the server checks the same again (it cannot trust the browser).

const mimeOf: Readonly<Record<MaterialFormat, readonly string[]>> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg', 'image/pjpeg'],
  png: ['image/png'],
  ofd: ['application/ofd', 'application/octet-stream', 'application/zip', ''],
};

const extensionsOf: Readonly<Record<MaterialFormat, readonly string[]>> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  ofd: ['ofd'],
};

export type UploadRule = { formats: readonly MaterialFormat[]; maxSizeMb: number };
export type UploadProblem = { reason: 'format'; formats: string } | { reason: 'size'; maxSizeMb: number } | { reason: 'empty' };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format a file is in, judged by its extension and (when the browser knows it) its type; undefined when none fits. */
export function formatOf(file: { name: string; type: string }, formats: readonly MaterialFormat[]): MaterialFormat | undefined {
  const extension = extensionOf(file.name);
  return formats.find((f) => extensionsOf[f].includes(extension) && (file.type === '' || mimeOf[f].includes(file.type)));
}

/** What is wrong with a file for this material, or undefined when it may be uploaded. */
export function uploadProblem(file: { name: string; type: string; size: number }, rule: UploadRule): UploadProblem | undefined {
  if (file.size === 0) return { reason: 'empty' };
  if (!formatOf(file, rule.formats)) return { reason: 'format', formats: rule.formats.map((f) => f.toUpperCase()).join(' / ') };
  if (file.size > rule.maxSizeMb * 1024 * 1024) return { reason: 'size', maxSizeMb: rule.maxSizeMb };
  return undefined;
}

/** The accept attribute of the file picker, so the system dialog offers only files that fit. */
export function acceptAttribute(formats: readonly MaterialFormat[]): string {
  return formats.flatMap((f) => [...extensionsOf[f].map((e) => `.${e}`), ...mimeOf[f].filter((m) => m !== '' && m !== 'application/octet-stream' && m !== 'application/zip')]).join(',');
}

/** Whether the browser can show the file inline (images and PDF); others are offered for download. */
export function previewKind(contentType: string): 'image' | 'pdf' | 'none' {
  if (contentType === 'image/jpeg' || contentType === 'image/png') return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return 'none';
}

/** A size as people read it: 820 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
