import { describe, expect, it } from 'vitest';
import type { CaseMaterialView } from '@zhengtong/contracts';
import { choicesToSend, unsatisfiedMaterials, willFetch } from './material-choices';

const material = (key: string, over: Partial<CaseMaterialView> = {}) => ({ key, name: key, isRequired: true, files: [], mode: null, ...over }) as unknown as CaseMaterialView;

describe('material choices', () => {
  it('a required material needs a file, a signed promise or a 容缺 mark; an optional one needs nothing', () => {
    const materials = [material('a'), material('b'), material('c'), material('d'), material('e', { isRequired: false })];
    const missing = unsatisfiedMaterials(materials, { b: 'pledge', c: 'pledge', d: 'gap' }, { c: true });
    expect(missing.map((m) => m.key)).toEqual(['a', 'b']);
  });

  it('counts a material the system will fetch from an electronic licence (免证办) as handed in, without a file', () => {
    const materials = [material('businessLicence'), material('application')];
    expect(unsatisfiedMaterials(materials, {}, {}, new Set(['businessLicence'])).map((m) => m.key)).toEqual(['application']);
    // Without the licence the same material is missing again.
    expect(unsatisfiedMaterials(materials, {}, {}, new Set()).map((m) => m.key)).toEqual(['businessLicence', 'application']);
  });

  it('counts a material already fetched on the case (mode license) as handed in', () => {
    const materials = [material('businessLicence', { mode: 'license' }), material('application')];
    expect(unsatisfiedMaterials(materials, {}, {}).map((m) => m.key)).toEqual(['application']);
  });

  it('a fetched material is satisfied even when an unsigned promise was chosen for it earlier', () => {
    const materials = [material('businessLicence')];
    expect(unsatisfiedMaterials(materials, { businessLicence: 'pledge' }, {}, new Set(['businessLicence']))).toEqual([]);
  });

  it('sends only promises and 容缺 marks', () => {
    expect(choicesToSend({ a: 'upload', b: 'pledge', c: 'gap' })).toEqual({ b: 'pledge', c: 'gap' });
  });

  it('sends no promise or 容缺 mark for a material the system fetches', () => {
    expect(choicesToSend({ businessLicence: 'pledge', layout: 'gap' }, new Set(['businessLicence']))).toEqual({ layout: 'gap' });
  });

  it('a material the applicant declined to fetch (upload) is asked for as a file and sent as upload', () => {
    const fetchable = new Set(['birthCertificate']);
    const choices = { birthCertificate: 'upload' as const };
    expect([...willFetch(fetchable, choices)]).toEqual([]);
    expect(unsatisfiedMaterials([material('birthCertificate')], choices, {}, willFetch(fetchable, choices)).map((m) => m.key)).toEqual(['birthCertificate']);
    expect(choicesToSend(choices, fetchable)).toEqual({ birthCertificate: 'upload' });
    // Without a licence there is nothing to decline: upload is the default and is not sent.
    expect(choicesToSend(choices)).toEqual({});
  });
});
