import { describe, expect, it } from 'vitest';
import type { CaseMaterialView } from '@zhengtong/contracts';
import { choicesToSend, unsatisfiedMaterials } from './material-choices';

const material = (key: string, over: Partial<CaseMaterialView> = {}) => ({ key, name: key, isRequired: true, files: [], ...over }) as unknown as CaseMaterialView;

describe('material choices', () => {
  it('a required material needs a file, a signed promise or a 容缺 mark; an optional one needs nothing', () => {
    const materials = [material('a'), material('b'), material('c'), material('d'), material('e', { isRequired: false })];
    const missing = unsatisfiedMaterials(materials, { b: 'pledge', c: 'pledge', d: 'gap' }, { c: true });
    expect(missing.map((m) => m.key)).toEqual(['a', 'b']);
  });

  it('sends only promises and 容缺 marks', () => {
    expect(choicesToSend({ a: 'upload', b: 'pledge', c: 'gap' })).toEqual({ b: 'pledge', c: 'gap' });
  });
});
