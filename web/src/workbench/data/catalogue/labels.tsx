import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  catalogueTypeNames,
  dataFieldTypeNames,
  dataLevelNames,
  dataResourceStatusNames,
  dataResourceVersionStatusNames,
  maskingKindNames,
  openTypeNames,
  resourceFormatNames,
  resourceSourceKindNames,
  shareMethodNames,
  shareTypeNames,
  updateCycleNames,
  dataValueCheckNames,
  dataResourceActionNames,
  type DataLevel,
  type DataResourceStatus,
  type DataResourceVersionStatus,
  type Locale,
  type MaskingKind,
  type OpenType,
  type ShareType,
} from '@zhengtong/contracts';
import { currentLocale } from '../../../shared/forms/rules';

// The catalogue's enumerations in the reader's language (the names live in contracts, shared with the server and
// the Excel sheets), and the tags that show levels, share and open types at a glance.

const tables = {
  catalogueType: catalogueTypeNames,
  fieldType: dataFieldTypeNames,
  level: dataLevelNames,
  status: dataResourceStatusNames,
  versionStatus: dataResourceVersionStatusNames,
  masking: maskingKindNames,
  openType: openTypeNames,
  shareType: shareTypeNames,
  format: resourceFormatNames,
  sourceKind: resourceSourceKindNames,
  shareMethod: shareMethodNames,
  updateCycle: updateCycleNames,
  identifier: dataValueCheckNames,
  action: dataResourceActionNames,
} as const;
type Tables = typeof tables;

export function labelOf<K extends keyof Tables>(kind: K, value: keyof Tables[K], locale: Locale): string {
  const names = tables[kind] as unknown as Record<string, Record<Locale, string>>;
  return names[value as string]?.[locale] ?? String(value);
}

/** `label('level', 'core')` in the UI's language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return {
    locale,
    label: <K extends keyof Tables>(kind: K, value: keyof Tables[K]) => labelOf(kind, value, locale),
    options: <K extends keyof Tables>(kind: K, values: readonly (keyof Tables[K] & string)[]) => values.map((value) => ({ value, label: labelOf(kind, value, locale) })),
  };
}

const levelColors: Record<DataLevel, string> = { core: 'red', important: 'orange', general: 'blue' };
const shareColors: Record<ShareType, string> = { unconditional: 'green', conditional: 'gold', none: 'default' };
const openColors: Record<OpenType, string> = { open: 'green', restricted: 'gold', closed: 'default' };
const statusColors: Record<DataResourceStatus, string> = { draft: 'default', review: 'processing', published: 'success', retired: 'default' };
const versionColors: Record<DataResourceVersionStatus, string> = { draft: 'default', review: 'processing', published: 'success', superseded: 'default', returned: 'warning' };

export function LevelTag({ level, subLevel }: { level: DataLevel; subLevel?: string | null }) {
  const { label } = useLabels();
  return <Tag color={levelColors[level]}>{subLevel ? `${label('level', level)} · ${subLevel}` : label('level', level)}</Tag>;
}

export function ShareTag({ value }: { value: ShareType }) {
  const { label } = useLabels();
  return <Tag color={shareColors[value]}>{label('shareType', value)}</Tag>;
}

export function OpenTag({ value }: { value: OpenType }) {
  const { label } = useLabels();
  return <Tag color={openColors[value]}>{label('openType', value)}</Tag>;
}

export function StatusTag({ status }: { status: DataResourceStatus }) {
  const { label } = useLabels();
  return <Tag color={statusColors[status]}>{label('status', status)}</Tag>;
}

export function VersionStatusTag({ status }: { status: DataResourceVersionStatus }) {
  const { label } = useLabels();
  return <Tag color={versionColors[status]}>{label('versionStatus', status)}</Tag>;
}

export function MaskingTag({ masking }: { masking: MaskingKind }) {
  const { label } = useLabels();
  return masking === 'none' ? <span className="zt-muted">{label('masking', masking)}</span> : <Tag color="purple">{label('masking', masking)}</Tag>;
}
