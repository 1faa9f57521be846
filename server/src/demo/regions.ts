import type { RegionLevel } from '../kernel/db';

export type DemoRegion = { code: string; name: string; level: RegionLevel; parent: string | null };

/**
 * 云溪市, a fictional city in a fictional province. Codes follow GB/T 2260 and the statistical division
 * codes (12 digits); 5399 is not used by any real city.
 */
const tree: [string, string, RegionLevel, string | null][] = [
  ['530000000000', '云岭省', 'province', null],
  ['539900000000', '云溪市', 'city', '530000000000'],
  ['539902000000', '澜沧区', 'county', '539900000000'],
  ['539921000000', '青石县', 'county', '539900000000'],
  ['539902001000', '翠湖街道', 'town', '539902000000'],
  ['539902002000', '滨江街道', 'town', '539902000000'],
  ['539902100000', '金沙镇', 'town', '539902000000'],
  ['539921100000', '石门镇', 'town', '539921000000'],
  ['539921101000', '龙潭镇', 'town', '539921000000'],
  ['539921200000', '松林乡', 'town', '539921000000'],
];

const villages: Record<string, string[]> = {
  '539902001000': ['翠湖社区', '文林社区', '北门社区', '莲花池社区'],
  '539902002000': ['滨江社区', '望江社区', '码头社区'],
  '539902100000': ['金沙村', '河湾村', '柳营村', '新民村'],
  '539921100000': ['石门村', '上坝村', '下坝村'],
  '539921101000': ['龙潭村', '白马村', '黑龙村'],
  '539921200000': ['松林村', '茶山村', '羊街村'],
};

export function demoRegions(): DemoRegion[] {
  const regions: DemoRegion[] = tree.map(([code, name, level, parent]) => ({ code, name, level, parent }));
  for (const [town, names] of Object.entries(villages)) {
    names.forEach((name, i) => {
      // Villages (居委会 1xx, 村委会 2xx) take the town's 9 digits plus 3.
      const suffix = name.endsWith('社区') ? 100 + i + 1 : 200 + i + 1;
      regions.push({ code: `${town.slice(0, 9)}${suffix}`, name, level: 'village', parent: town });
    });
  }
  return regions;
}
