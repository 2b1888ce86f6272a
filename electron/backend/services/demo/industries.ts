/**
 * The industries customers are in (also reps' specialities), the words their names use, and how
 * much of the customer base each one is.
 */
export interface Industry {
  name: string;
  /** What follows the 字号 in a company name: 苏州恒瑞「精密机械」有限公司. */
  words: readonly string[];
  weight: number;
  /** Product categories this industry buys most (see products.ts). */
  buys: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: '机械制造', words: ['精密机械', '机械设备', '重工', '机电', '智能装备', '机械制造'], weight: 16, buys: ['设备', '配件', '耗材'] },
  { name: '电子电器', words: ['电子科技', '电子', '电器', '光电科技', '半导体', '电气'], weight: 13, buys: ['设备', '配件', '软件'] },
  { name: '汽车零部件', words: ['汽车零部件', '汽配', '汽车部件', '车业'], weight: 9, buys: ['设备', '配件', '耗材'] },
  { name: '化工新材料', words: ['化工', '新材料', '化学', '涂料', '塑胶'], weight: 8, buys: ['耗材', '配件', '设备'] },
  { name: '建筑建材', words: ['建设工程', '建材', '装饰工程', '钢结构', '幕墙'], weight: 8, buys: ['耗材', '配件', '服务'] },
  { name: '医药医疗', words: ['医疗器械', '生物医药', '医药', '健康科技', '生物科技'], weight: 7, buys: ['设备', '服务', '软件'] },
  { name: '食品饮料', words: ['食品', '饮品', '农业科技', '乳业', '调味品'], weight: 7, buys: ['设备', '耗材', '服务'] },
  { name: '纺织服装', words: ['纺织', '服饰', '针织', '印染'], weight: 5, buys: ['设备', '耗材'] },
  { name: '物流仓储', words: ['物流', '供应链管理', '运输', '仓储服务'], weight: 6, buys: ['设备', '软件', '服务'] },
  { name: '信息技术', words: ['信息技术', '软件', '网络科技', '数据科技', '智能科技'], weight: 7, buys: ['软件', '服务', '设备'] },
  { name: '能源环保', words: ['新能源', '环保科技', '能源', '电力设备', '光伏科技'], weight: 7, buys: ['设备', '配件', '服务'] },
  { name: '商贸零售', words: ['商贸', '贸易', '实业', '五金机电'], weight: 7, buys: ['配件', '耗材'] },
];
