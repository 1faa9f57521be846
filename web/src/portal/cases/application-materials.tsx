import { useMemo, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CaseMaterialView, LicenseMaterialsView, Material } from '@zhengtong/contracts';
import { fetchedByMaterial, LicensePreviewNotice } from './license-preview';
import { MaterialSlot } from './license-source';
import { willFetch, type MaterialChoice, type MaterialChoices } from './material-choices';
import { MaterialUploader } from './material-uploader';

// The materials step of an application, shared by the online application and the comprehensive window: how each
// material is handed in (upload, 告知承诺, 容缺), which promises are signed, and which materials the system fetches
// from the applicant's electronic licences (免证办) unless the applicant declines one.

export type ApplicationMaterialsState = ReturnType<typeof useApplicationMaterials>;

/** `initial`: the choices a saved draft recorded (its promises count as signed: they were signed when it was saved). */
export function useApplicationMaterials(preview: UseQueryResult<LicenseMaterialsView>, initial: MaterialChoices = {}) {
  const [choices, setChoices] = useState<MaterialChoices>(initial);
  const [signed, setSigned] = useState<Record<string, boolean>>(() => Object.fromEntries(Object.entries(initial).filter(([, c]) => c === 'pledge').map(([k]) => [k, true])));
  const fetched = useMemo(() => fetchedByMaterial(preview.data), [preview.data]);
  const fetchable = useMemo(() => new Set(fetched.keys()), [fetched]);
  const fetchedKeys = useMemo(() => willFetch(fetchable, choices), [fetchable, choices]);
  return {
    preview,
    choices,
    signed,
    /** The licence each material is offered from (whether or not the applicant declined it). */
    fetched,
    fetchable,
    /** The materials the system will fetch at submission. */
    fetchedKeys,
    setChoice: (key: string, choice: MaterialChoice | undefined) => setChoices(({ [key]: _previous, ...rest }) => (choice ? { ...rest, [key]: choice } : rest)),
    setSigned: (key: string, isSigned: boolean) => setSigned((all) => ({ ...all, [key]: isSigned })),
  };
}

/** The 免证办 notice, then each material: fetched from a licence, or handed in through its uploader. */
export function ApplicationMaterials({ caseId, materials, specs, state, audience, onChanged }: { caseId: string; materials: readonly CaseMaterialView[]; specs: ReadonlyMap<string, Material>; state: ApplicationMaterialsState; audience: 'applicant' | 'window'; onChanged: () => void }) {
  return (
    <>
      <LicensePreviewNotice query={state.preview} count={materials.filter((m) => state.fetchedKeys.has(m.key)).length} audience={audience} />
      {materials.map((m) => (
        <MaterialSlot key={m.key} material={m} license={state.fetchedKeys.has(m.key) ? state.fetched.get(m.key) : undefined} isFetchable={state.fetchable.has(m.key)} audience={audience} onChoice={(c) => state.setChoice(m.key, c)}>
          <MaterialUploader
            caseId={caseId}
            material={m}
            spec={specs.get(m.key)}
            choice={state.choices[m.key] ?? 'upload'}
            onChoice={(c) => state.setChoice(m.key, c)}
            canPledge={m.canBePledged}
            canGap={m.canBeGap}
            isPledgeSigned={Boolean(state.signed[m.key])}
            onPledgeSigned={(v) => state.setSigned(m.key, v)}
            canUpload
            onChanged={onChanged}
          />
        </MaterialSlot>
      ))}
    </>
  );
}
