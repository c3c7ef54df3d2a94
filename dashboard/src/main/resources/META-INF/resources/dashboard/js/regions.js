// GB/T 2260 names for the codes the page shows; any other code is shown as it is.
import { lang } from './i18n.js';

const NAMES = {
  '000000': ['全国', 'National'], 110000: ['北京', 'Beijing'], 120000: ['天津', 'Tianjin'], 130000: ['河北', 'Hebei'],
  140000: ['山西', 'Shanxi'], 150000: ['内蒙古', 'Inner Mongolia'], 210000: ['辽宁', 'Liaoning'], 220000: ['吉林', 'Jilin'],
  230000: ['黑龙江', 'Heilongjiang'], 310000: ['上海', 'Shanghai'], 320000: ['江苏', 'Jiangsu'], 330000: ['浙江', 'Zhejiang'],
  340000: ['安徽', 'Anhui'], 350000: ['福建', 'Fujian'], 360000: ['江西', 'Jiangxi'], 370000: ['山东', 'Shandong'],
  410000: ['河南', 'Henan'], 420000: ['湖北', 'Hubei'], 430000: ['湖南', 'Hunan'], 440000: ['广东', 'Guangdong'],
  450000: ['广西', 'Guangxi'], 460000: ['海南', 'Hainan'], 500000: ['重庆', 'Chongqing'], 510000: ['四川', 'Sichuan'],
  520000: ['贵州', 'Guizhou'], 530000: ['云南', 'Yunnan'], 540000: ['西藏', 'Tibet'], 610000: ['陕西', 'Shaanxi'],
  620000: ['甘肃', 'Gansu'], 630000: ['青海', 'Qinghai'], 640000: ['宁夏', 'Ningxia'], 650000: ['新疆', 'Xinjiang'],
  440100: ['广州', 'Guangzhou'], 440300: ['深圳', 'Shenzhen'], 440106: ['天河区', 'Tianhe'], 330100: ['杭州', 'Hangzhou'],
  330200: ['宁波', 'Ningbo'], 370100: ['济南', 'Jinan'], 370200: ['青岛', 'Qingdao'], 370600: ['烟台', 'Yantai'],
  320100: ['南京', 'Nanjing'], 320200: ['无锡', 'Wuxi'], 320400: ['常州', 'Changzhou'], 320500: ['苏州', 'Suzhou'],
  321100: ['镇江', 'Zhenjiang'], 310112: ['闵行区', 'Minhang'], 220100: ['长春', 'Changchun'], 220200: ['吉林市', 'Jilin City'],
  222400: ['延边州', 'Yanbian'], 510100: ['成都', 'Chengdu'], 510600: ['德阳', 'Deyang'], 510700: ['绵阳', 'Mianyang'],
  420100: ['武汉', 'Wuhan'], 420600: ['襄阳', 'Xiangyang'], 420500: ['宜昌', 'Yichang'], 130100: ['石家庄', 'Shijiazhuang'],
  130600: ['保定', 'Baoding'], 131000: ['廊坊', 'Langfang'], 350200: ['厦门', 'Xiamen'], 210200: ['大连', 'Dalian'],
};

// 计划单列市: their reports go to the province and to the nation (zone-service's ReportResource).
const SEPARATELY_PLANNED = new Set(['330200', '440300', '370200', '350200', '210200']);

export function regionName(code) {
  const name = NAMES[code];
  return name ? `${name[lang() === 'zh' ? 0 : 1]} (${code})` : code ?? '—';
}

/** Several regions, separated as the reader's language separates a list. */
export function regionList(codes) {
  return (codes || []).map(regionName).join(lang() === 'zh' ? '、' : ', ');
}

export function provinceOf(code) {
  return code === '000000' ? code : `${code.slice(0, 2)}0000`;
}

export function contains(region, code) {
  if (region === '000000') return true;
  if (region.endsWith('0000')) return code.startsWith(region.slice(0, 2));
  if (region.endsWith('00')) return code.startsWith(region.slice(0, 4));
  return code === region;
}

/** The tier above a city, which verifies or returns its reports: its province, and the nation for a 计划单列市. */
export function isTierAbove(region, city) {
  const province = provinceOf(city);
  return (region === province && city !== province) || (region === '000000' && SEPARATELY_PLANNED.has(city));
}
