import { useQuery } from '@tanstack/react-query';
import type { FormField, FormSchema, ItemVersionView, Material, ServiceGuide, ServiceSearchResult } from '@zhengtong/contracts';
import { api, isApiError } from '../../shared/api/client';

/** What a case screen needs of the version it was filed under: its form, materials and result fields. */
export type VersionForm = { form: FormSchema; materials: Material[]; resultFields: FormField[]; allowsPledge: boolean; allowsGaps: boolean; serviceItemId: string };

function fromVersion(v: Pick<ItemVersionView, 'form' | 'materials' | 'resultFields' | 'allowsPledge' | 'allowsGaps'> & { serviceItem: { id: string } }): VersionForm {
  return { form: v.form, materials: v.materials, resultFields: v.resultFields, allowsPledge: v.allowsPledge, allowsGaps: v.allowsGaps, serviceItemId: v.serviceItem.id };
}

/**
 * The case view carries answers but not the form that labels them. Catalogue staff read the version directly;
 * everyone else finds it through the public guide (search by the item's name, then the guide of the
 * implementation whose version in force is the case's). Undefined when the version is no longer in force.
 */
async function loadVersionForm(itemVersionId: string, itemName: string): Promise<VersionForm | null> {
  try {
    return fromVersion(await api.get<ItemVersionView>(`/api/service-item-versions/${itemVersionId}`));
  } catch (error) {
    if (!isApiError(error, 'FORBIDDEN') && !isApiError(error, 'OUT_OF_SCOPE') && !isApiError(error, 'UNAUTHENTICATED')) throw error;
  }
  const found = await api.get<ServiceSearchResult>('/api/service-items/search', { q: itemName.slice(0, 50), pageSize: 20 });
  for (const hit of found.items) {
    const implementation = hit.implementations.find((i) => i.versionId === itemVersionId);
    if (!implementation) continue;
    const guide = await api.get<ServiceGuide>(`/api/service-items/${hit.id}/guide`, { implementationId: implementation.id });
    if (guide.id === itemVersionId) return fromVersion(guide);
  }
  return null;
}

export function useVersionForm(itemVersionId: string | undefined, itemName: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'version-form', itemVersionId],
    queryFn: () => loadVersionForm(itemVersionId ?? '', itemName ?? ''),
    enabled: Boolean(itemVersionId && itemName),
    staleTime: 10 * 60_000,
  });
}
