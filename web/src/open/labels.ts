import {
  catalogueTypeNames,
  dataFieldTypeNames,
  openApplicationStatusNames,
  openTypeNames,
  resourceFormatNames,
  updateCycleNames,
  type CatalogueType,
  type DataFieldType,
  type Locale,
  type OpenApplicationStatus,
  type OpenType,
  type ResourceFormat,
  type UpdateCycle,
} from '@zhengtong/contracts';

// Enum names in the reader's language, from the contracts (the server writes the same words).

export const openLabel = {
  openType: (v: OpenType, locale: Locale) => openTypeNames[v][locale],
  updateCycle: (v: UpdateCycle, locale: Locale) => updateCycleNames[v][locale],
  format: (v: ResourceFormat, locale: Locale) => resourceFormatNames[v][locale],
  fieldType: (v: DataFieldType, locale: Locale) => dataFieldTypeNames[v][locale],
  catalogueType: (v: CatalogueType, locale: Locale) => catalogueTypeNames[v][locale],
  status: (v: OpenApplicationStatus, locale: Locale) => openApplicationStatusNames[v][locale],
};

export const statusColor: Record<OpenApplicationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  expired: 'default',
  refused: 'red',
  withdrawn: 'default',
};
