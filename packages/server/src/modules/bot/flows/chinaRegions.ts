/**
 * Provinces and large cities of mainland China (and Hong Kong, Macau) by their Chinese names and the English
 * or pinyin names shoppers write, so an address written in English or without its province still lands in
 * the province and city fields the shop keeps in Chinese ("江苏省", "苏州市").
 */
export interface Region {
  province: string;
  city: string;
}

/** The province named by a Chinese or English name ("江苏", "江苏省", "Jiangsu", "jiangsu sheng"). */
export function findProvince(name: string): string | null {
  const key = regionKey(name);
  if (!key) return null;
  return provinces.find((entry) => entry.names.includes(key))?.zh ?? null;
}

/** The city and its province named by a Chinese or English name ("苏州", "苏州市", "Suzhou"). */
export function findCity(name: string): Region | null {
  const key = regionKey(name);
  if (!key) return null;
  const municipality = provinces.find((entry) => entry.municipality && entry.names.includes(key));
  if (municipality) return { province: municipality.zh, city: municipality.zh };
  const city = cities.find((entry) => entry.names.includes(key));
  return city ? { province: city.province, city: city.zh } : null;
}

/** The province (and city, when named) anywhere in a short answer: "Jiangsu", "in Suzhou, Jiangsu", "江苏苏州". */
export function findRegionIn(text: string): Region | null {
  const words = text.split(/[\s,，、;；.。:：]+/u).filter(Boolean);
  const phrases = [...words, ...words.slice(1).map((word, index) => `${words[index] ?? ''} ${word}`)];
  const latinKeys = new Set(phrases.map(regionKey));
  const named = (names: readonly string[]) =>
    names.some((name) => (/[a-z]/.test(name) ? latinKeys.has(name) : text.includes(name)));
  const province = provinces.find((entry) => named(entry.names));
  if (province?.municipality) return { province: province.zh, city: province.zh };
  const city = cities.find((entry) => named(entry.names));
  if (city && (!province || province.zh === city.province)) return { province: city.province, city: city.zh };
  return province ? { province: province.zh, city: '' } : null;
}

/** "江苏苏州工业园区" → "工业园区": a province and city written without 省 and 市 at the start of a place name. */
export function withoutLeadingRegion(text: string): string {
  let rest = text;
  for (const entries of [provinces, cities]) {
    const name = entries
      .flatMap((entry) => entry.names.filter((candidate) => !/[a-z]/.test(candidate)))
      .find((candidate) => rest.startsWith(candidate));
    if (name) rest = rest.slice(name.length).replace(/^[省市]/u, '');
  }
  return rest;
}

/** "江苏省" → "Jiangsu", "苏州市" → "Suzhou": the name an English reply uses. */
export function englishRegionName(chinese: string): string {
  const entry = [...provinces, ...cities].find((candidate) => candidate.zh === chinese);
  const latin = entry?.en ?? entry?.names.find((name) => /[a-z]/.test(name));
  return latin ? latin.replace(/^./, (letter) => letter.toUpperCase()) : chinese;
}

/** Lower case, without "province / city / 省 / 市" and the like, spaces and punctuation. */
function regionKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(?:province|prov|sheng|city|shi|municipality|autonomous region|zizhiqu|s\.?a\.?r\.?)\b/g, ' ')
    .replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/u, '')
    .replace(/[\s\p{P}]+/gu, '');
}

interface ProvinceEntry {
  zh: string;
  names: readonly string[];
  /** The English name when it is not the first name, capitalised. */
  en?: string;
  municipality?: true;
}

interface CityEntry {
  zh: string;
  province: string;
  names: readonly string[];
  en?: string;
}

const provinces: readonly ProvinceEntry[] = [
  { zh: '北京市', names: ['北京', 'beijing', 'peking'], municipality: true },
  { zh: '天津市', names: ['天津', 'tianjin'], municipality: true },
  { zh: '上海市', names: ['上海', 'shanghai'], municipality: true },
  { zh: '重庆市', names: ['重庆', 'chongqing'], municipality: true },
  { zh: '河北省', names: ['河北', 'hebei'] },
  { zh: '山西省', names: ['山西', 'shanxi'] },
  { zh: '辽宁省', names: ['辽宁', 'liaoning'] },
  { zh: '吉林省', names: ['吉林', 'jilin'] },
  { zh: '黑龙江省', names: ['黑龙江', 'heilongjiang'] },
  { zh: '江苏省', names: ['江苏', 'jiangsu'] },
  { zh: '浙江省', names: ['浙江', 'zhejiang'] },
  { zh: '安徽省', names: ['安徽', 'anhui'] },
  { zh: '福建省', names: ['福建', 'fujian'] },
  { zh: '江西省', names: ['江西', 'jiangxi'] },
  { zh: '山东省', names: ['山东', 'shandong'] },
  { zh: '河南省', names: ['河南', 'henan'] },
  { zh: '湖北省', names: ['湖北', 'hubei'] },
  { zh: '湖南省', names: ['湖南', 'hunan'] },
  { zh: '广东省', names: ['广东', 'guangdong'] },
  { zh: '海南省', names: ['海南', 'hainan'] },
  { zh: '四川省', names: ['四川', 'sichuan'] },
  { zh: '贵州省', names: ['贵州', 'guizhou'] },
  { zh: '云南省', names: ['云南', 'yunnan'] },
  { zh: '陕西省', names: ['陕西', 'shaanxi'] },
  { zh: '甘肃省', names: ['甘肃', 'gansu'] },
  { zh: '青海省', names: ['青海', 'qinghai'] },
  { zh: '内蒙古自治区', names: ['内蒙古', 'innermongolia', 'neimongol', 'neimenggu'], en: 'Inner Mongolia' },
  { zh: '广西壮族自治区', names: ['广西', 'guangxi'] },
  { zh: '西藏自治区', names: ['西藏', 'tibet', 'xizang'] },
  { zh: '宁夏回族自治区', names: ['宁夏', 'ningxia'] },
  { zh: '新疆维吾尔自治区', names: ['新疆', 'xinjiang'] },
  { zh: '香港特别行政区', names: ['香港', 'hongkong'], en: 'Hong Kong' },
  { zh: '澳门特别行政区', names: ['澳门', 'macau', 'macao'] },
];

/** Provincial capitals and the cities most orders go to. */
const cities: readonly CityEntry[] = [
  ...inProvince('江苏省', [
    ['南京', 'nanjing'],
    ['苏州', 'suzhou'],
    ['无锡', 'wuxi'],
    ['常州', 'changzhou'],
    ['南通', 'nantong'],
    ['扬州', 'yangzhou'],
    ['徐州', 'xuzhou'],
    ['昆山', 'kunshan'],
  ]),
  ...inProvince('浙江省', [
    ['杭州', 'hangzhou'],
    ['宁波', 'ningbo'],
    ['温州', 'wenzhou'],
    ['绍兴', 'shaoxing'],
    ['嘉兴', 'jiaxing'],
    ['金华', 'jinhua'],
    ['义乌', 'yiwu'],
  ]),
  ...inProvince('广东省', [
    ['广州', 'guangzhou', 'canton'],
    ['深圳', 'shenzhen'],
    ['东莞', 'dongguan'],
    ['佛山', 'foshan'],
    ['珠海', 'zhuhai'],
    ['中山', 'zhongshan'],
    ['惠州', 'huizhou'],
  ]),
  ...inProvince('山东省', [
    ['济南', 'jinan'],
    ['青岛', 'qingdao'],
    ['烟台', 'yantai'],
  ]),
  ...inProvince('福建省', [
    ['福州', 'fuzhou'],
    ['厦门', 'xiamen', 'amoy'],
    ['泉州', 'quanzhou'],
  ]),
  ...inProvince('河北省', [['石家庄', 'shijiazhuang']]),
  ...inProvince('山西省', [['太原', 'taiyuan']]),
  ...inProvince('辽宁省', [
    ['沈阳', 'shenyang'],
    ['大连', 'dalian'],
  ]),
  ...inProvince('吉林省', [['长春', 'changchun']]),
  ...inProvince('黑龙江省', [['哈尔滨', 'harbin', 'haerbin']]),
  ...inProvince('安徽省', [['合肥', 'hefei']]),
  ...inProvince('江西省', [['南昌', 'nanchang']]),
  ...inProvince('河南省', [
    ['郑州', 'zhengzhou'],
    ['洛阳', 'luoyang'],
  ]),
  ...inProvince('湖北省', [['武汉', 'wuhan']]),
  ...inProvince('湖南省', [['长沙', 'changsha']]),
  ...inProvince('海南省', [
    ['海口', 'haikou'],
    ['三亚', 'sanya'],
  ]),
  ...inProvince('四川省', [['成都', 'chengdu']]),
  ...inProvince('贵州省', [['贵阳', 'guiyang']]),
  ...inProvince('云南省', [['昆明', 'kunming']]),
  ...inProvince('陕西省', [['西安', 'xian']]),
  ...inProvince('甘肃省', [['兰州', 'lanzhou']]),
  ...inProvince('青海省', [['西宁', 'xining']]),
  ...inProvince('内蒙古自治区', [['呼和浩特', 'hohhot', 'huhehaote']]),
  ...inProvince('广西壮族自治区', [
    ['南宁', 'nanning'],
    ['桂林', 'guilin'],
  ]),
  ...inProvince('西藏自治区', [['拉萨', 'lhasa', 'lasa']]),
  ...inProvince('宁夏回族自治区', [['银川', 'yinchuan']]),
  ...inProvince('新疆维吾尔自治区', [['乌鲁木齐', 'urumqi', 'wulumuqi']]),
];

function inProvince(province: string, names: readonly (readonly [string, ...string[]])[]): CityEntry[] {
  return names.map(([chinese, ...others]) => ({ zh: `${chinese}市`, province, names: [chinese, ...others] }));
}
