import { makeCreditCode, type DataRecordValues } from '@zhengtong/contracts';
import { demoCitizens, demoEnterprises, demoIdNumber, enterpriseCreditCode } from './people';

// The records behind the demo catalogue's table resources: deterministic (a seeded generator, fixed dates), in the
// demo city's towns, with valid ID numbers (GB 11643) and credit codes (GB 32100). Personal data is fictional.

/** mulberry32: a small, fast, seeded generator, so every seed of the demo city produces the same rows. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof seeded>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The demo towns (regions.ts) with their county's 6-digit code and a few street names. */
export const demoTowns = [
  { name: '翠湖街道', county: '澜沧区', region6: '539902', roads: ['翠湖路', '文林街', '北门街', '莲花池路'] },
  { name: '滨江街道', county: '澜沧区', region6: '539902', roads: ['滨江大道', '望江路', '码头街'] },
  { name: '金沙镇', county: '澜沧区', region6: '539902', roads: ['金沙大街', '河湾路', '柳营路'] },
  { name: '石门镇', county: '青石县', region6: '539921', roads: ['茶山路', '石门街', '上坝路'] },
  { name: '龙潭镇', county: '青石县', region6: '539921', roads: ['龙潭路', '白马街'] },
  { name: '松林乡', county: '青石县', region6: '539921', roads: ['松林路', '羊街'] },
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '玉兰', '国强', '晓燕', '志勇', '春梅', '海燕', '德明'];
const personName = (random: Random) => `${pick(random, Array.from(SURNAMES))}${pick(random, GIVEN)}`;
const addressIn = (random: Random, town: (typeof demoTowns)[number]) => `云溪市${town.county}${town.name}${pick(random, town.roads)}${int(random, 1, 188)}号`;

/** A valid ID number, unique across a resource's rows (the sequence number counts up). */
function idNumbers() {
  let seq = 100;
  return (region6: string, birth: string) => demoIdNumber(region6, birth, seq++ % 1000);
}

function birthFor(random: Random, minAge: number, maxAge: number): string {
  const year = 2026 - int(random, minAge, maxAge);
  return `${year}-${pad(int(random, 1, 12), 2)}-${pad(int(random, 1, 28), 2)}`;
}

function citizenIds() {
  return demoCitizens.map((c) => ({ name: c.name, idNumber: demoIdNumber(c.region6, c.birth, c.seq), region6: c.region6 }));
}

const creditOf = (random: Random, prefix: string) => makeCreditCode(prefix, Array.from({ length: 8 }, () => pick(random, Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY'))).join(''));

/** 社会保险参保信息: the demo citizens and twenty more insured people. */
export function socialInsuranceRecords(): DataRecordValues[] {
  const random = seeded(301);
  const employers = [...demoEnterprises.map((e) => e.name), '云溪市第一人民医院', '云溪市澜沧区实验小学', '灵活就业'];
  const next = idNumbers();
  const people = [
    ...citizenIds(),
    ...Array.from({ length: 20 }, () => {
      const town = pick(random, demoTowns);
      return { name: personName(random), idNumber: next(town.region6, birthFor(random, 20, 62)), region6: town.region6 };
    }),
  ];
  return people.map((p, i) => ({
    idNumber: p.idNumber,
    name: p.name,
    insuranceType: i % 4 === 3 ? '城乡居民基本养老保险' : '企业职工基本养老保险、失业保险、工伤保险',
    status: i % 9 === 8 ? '暂停缴费' : '正常参保',
    startMonth: `${int(random, 2008, 2025)}-${pad(int(random, 1, 12), 2)}`,
    employer: i % 4 === 3 ? null : pick(random, employers),
  }));
}

/** 医保参保信息: the demo citizens and fifteen more. */
export function medicalInsuranceRecords(): DataRecordValues[] {
  const random = seeded(1001);
  const next = idNumbers();
  const people = [
    ...citizenIds(),
    ...Array.from({ length: 15 }, () => {
      const town = pick(random, demoTowns);
      return { name: personName(random), idNumber: next(town.region6, birthFor(random, 1, 85)), region6: town.region6 };
    }),
  ];
  return people.map((p, i) => ({
    idNumber: p.idNumber,
    name: p.name,
    insuranceType: i % 3 === 0 ? '城乡居民基本医疗保险' : '职工基本医疗保险',
    status: '正常参保',
    insuredSince: `${int(random, 2010, 2025)}-${pad(int(random, 1, 12), 2)}-01`,
    aidCategory: i % 7 === 2 ? '低保对象' : i % 11 === 5 ? '特困人员' : null,
  }));
}

const FOOD_KINDS = ['餐饮店', '小吃店', '食品店', '便利店', '面馆', '烧烤店', '茶饮店', '超市'];
const FOOD_SCOPES = ['预包装食品(含冷藏冷冻食品)销售', '热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售', '散装食品销售'];

/** 食品经营许可信息: sixty licences, the first one held by the demo city's 青禾食品. */
export function foodLicenceRecords(): DataRecordValues[] {
  const random = seeded(2002);
  const first = demoEnterprises[0];
  return Array.from({ length: 60 }, (_, i) => {
    const town = demoTowns[i % 4 === 3 ? 3 + (i % 3) : i % 3] ?? demoTowns[0];
    const isFirst = i === 0 && first;
    const name = isFirst ? first.name : `云溪${town.name.slice(0, 2)}${pick(random, ['福', '兴', '顺', '佳', '鑫', '和', '丰', '悦'])}${pick(random, ['源', '记', '家', '香', '味'])}${pick(random, FOOD_KINDS)}`;
    return {
      licenseNumber: `JY${isFirst ? 1 : 2}${town.region6}${pad(1000 + i, 7)}`,
      enterpriseName: name,
      creditCode: isFirst ? enterpriseCreditCode(first) : creditOf(random, `92${town.region6}`),
      address: isFirst ? first.address : addressIn(random, town),
      // A few licences were migrated without their scope: completeness shows it.
      businessScope: i % 13 === 7 ? null : `${pick(random, FOOD_SCOPES)};${pick(random, FOOD_SCOPES)}`,
      validUntil: `${int(random, 2026, 2031)}-${pad(int(random, 1, 12), 2)}-${pad(int(random, 1, 28), 2)}`,
      district: town.county,
    };
  });
}

const PLACE_KINDS = [
  { category: '住宿场所', names: ['宾馆', '酒店', '客栈'] },
  { category: '沐浴场所', names: ['浴室', '足浴馆'] },
  { category: '美容美发场所', names: ['美发店', '美容院'] },
  { category: '游泳场所', names: ['游泳馆'] },
  { category: '文化娱乐场所', names: ['KTV', '影城'] },
] as const;

/** 公共场所卫生许可信息: forty permits. */
export function hygienePermitRecords(): DataRecordValues[] {
  const random = seeded(3003);
  return Array.from({ length: 40 }, (_, i) => {
    const town = pick(random, demoTowns);
    const kind = PLACE_KINDS[i % PLACE_KINDS.length] ?? PLACE_KINDS[0];
    const place = `${town.name.slice(0, 2)}${pick(random, ['金', '银', '明', '雅', '佳', '怡'])}${pick(random, ['泰', '庭', '悦', '源'])}${pick(random, kind.names)}`;
    return {
      permitNumber: `云卫公证字〔2025〕第${town.region6}${pad(200 + i, 4)}号`,
      placeName: place,
      operator: `云溪市${place}有限公司`,
      creditCode: creditOf(random, `91${town.region6}`),
      category: kind.category,
      address: addressIn(random, town),
      validUntil: `${int(random, 2027, 2029)}-${pad(int(random, 1, 12), 2)}-${pad(int(random, 1, 28), 2)}`,
      town: town.name,
    };
  });
}

/**
 * 最低生活保障对象信息: four hundred recipients spread unevenly over the towns and age bands, so that some groups
 * (松林乡, the young in 龙潭镇 …) have fewer than ten members and the aggregate-query service must suppress them.
 */
export function minimumLivingRecords(): DataRecordValues[] {
  const random = seeded(4004);
  const next = idNumbers();
  const perTown = [150, 110, 80, 40, 14, 6];
  const bands = [
    { band: '0-17', min: 1, max: 17, weight: 0.12 },
    { band: '18-39', min: 18, max: 39, weight: 0.18 },
    { band: '40-59', min: 40, max: 59, weight: 0.3 },
    { band: '60+', min: 60, max: 88, weight: 0.4 },
  ];
  const bandOf = () => {
    let r = random();
    for (const b of bands) {
      if (r < b.weight) return b;
      r -= b.weight;
    }
    return bands[3] ?? bands[0];
  };
  const rows: DataRecordValues[] = [];
  demoTowns.forEach((town, t) => {
    for (let i = 0; i < (perTown[t] ?? 0); i++) {
      const b = bandOf() ?? { band: '60+', min: 60, max: 88 };
      const size = b.band === '60+' ? int(random, 1, 2) : int(random, 1, 5);
      const idNumber = next(town.region6, birthFor(random, b.min, b.max));
      const isTown = town.name.endsWith('街道');
      rows.push({
        idNumber,
        name: personName(random),
        // GB 11643: the sequence number is odd for men, even for women.
        gender: Number(idNumber.charAt(16)) % 2 === 1 ? '男' : '女',
        ageBand: b.band,
        town: town.name,
        householdSize: size,
        // 2026 standards: 城市 ¥780, 农村 ¥560 per person per month, paid as the gap to the standard.
        monthlyAmountFen: size * (isTown ? int(random, 300, 780) : int(random, 200, 560)) * 100,
        since: `${int(random, 2015, 2026)}-${pad(int(random, 1, 12), 2)}-01`,
      });
    }
  });
  return rows;
}

const TRANSPORT_SCOPES = ['道路普通货物运输', '道路旅客运输(班车客运)', '道路危险货物运输', '机动车维修经营', '道路普通货物运输;货物专用运输(冷藏保鲜)'];

/** 道路运输经营许可信息: thirty licences, one of them held by 绿源物流. */
export function roadTransportRecords(): DataRecordValues[] {
  const random = seeded(5005);
  const logistics = demoEnterprises[1];
  return Array.from({ length: 30 }, (_, i) => {
    const town = pick(random, demoTowns);
    const isLogistics = i === 0 && logistics;
    return {
      licenseNumber: `云交运管许可云字${town.region6}${pad(800 + i, 6)}号`,
      operatorName: isLogistics ? logistics.name : `云溪${pick(random, ['通达', '顺捷', '远航', '鸿运', '安行', '宏达'])}${pick(random, ['运输', '物流', '客运'])}有限公司`,
      creditCode: isLogistics ? enterpriseCreditCode(logistics) : creditOf(random, `91${town.region6}`),
      businessScope: isLogistics ? '道路普通货物运输' : pick(random, TRANSPORT_SCOPES),
      address: isLogistics ? logistics.address : addressIn(random, town),
      validUntil: `${int(random, 2026, 2030)}-${pad(int(random, 1, 12), 2)}-${pad(int(random, 1, 28), 2)}`,
      // Fleet sizes are not reported for repair shops.
      vehicleCount: i % 5 === 3 ? null : int(random, 3, 120),
    };
  });
}

const STATIONS = ['翠湖', '滨江', '金沙', '石门', '龙潭', '松林'];
function aqiGrade(aqi: number): string {
  if (aqi <= 50) return '优';
  if (aqi <= 100) return '良';
  if (aqi <= 150) return '轻度污染';
  if (aqi <= 200) return '中度污染';
  return '重度污染';
}

/** 空气质量日报: thirty days (to 2026-11-01) at six stations. */
export function airQualityRecords(): DataRecordValues[] {
  const random = seeded(6006);
  const rows: DataRecordValues[] = [];
  for (let d = 0; d < 30; d++) {
    const date = new Date(Date.UTC(2026, 9, 3 + d)).toISOString().slice(0, 10);
    for (const station of STATIONS) {
      const urban = station === '翠湖' || station === '滨江' ? 18 : 0;
      const pm25 = Math.round((12 + urban + random() * 45) * 10) / 10;
      const aqi = Math.round(pm25 * 1.45 + random() * 12);
      rows.push({ recordId: `${date}-${station}`, date, station, aqi, pm25, grade: aqiGrade(aqi) });
    }
  }
  return rows;
}

const HOTLINE_CATEGORIES = ['城乡建设', '市场监管', '交通出行', '社会保障', '生态环境'];

/** 12345 热线诉求分类月度统计: twelve months (2025-11 to 2026-10), five categories. */
export function hotlineRecords(): DataRecordValues[] {
  const random = seeded(7007);
  const rows: DataRecordValues[] = [];
  for (let m = 0; m < 12; m++) {
    const month = new Date(Date.UTC(2025, 10 + m, 1)).toISOString().slice(0, 7);
    for (const category of HOTLINE_CATEGORIES) {
      rows.push({
        recordId: `${month}-${category}`,
        month,
        category,
        count: int(random, 180, 1600),
        resolvedRate: Math.round((92 + random() * 7.5) * 10) / 10,
        satisfaction: Math.round((88 + random() * 11) * 10) / 10,
      });
    }
  }
  return rows;
}

/** 医疗机构执业登记信息(旧版): a few rows kept from before the resource was retired. */
export function oldMedicalInstitutionRecords(): DataRecordValues[] {
  return [
    { licenseNumber: 'PDY00001953990211A1001', institutionName: '云溪市第一人民医院', subjects: '内科;外科;妇产科;儿科', address: '云溪市澜沧区翠湖路 1 号' },
    { licenseNumber: 'PDY00002953990211A1002', institutionName: '青石县人民医院', subjects: '内科;外科;中医科', address: '青石县石门镇茶山路 88 号' },
  ];
}
