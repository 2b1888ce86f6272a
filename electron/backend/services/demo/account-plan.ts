import { nameInitials } from '../../../../shared/domain/search-key';
import { type CompanyName, CompanyNamer, CreditCodes, companyDomain } from './companies';
import type { SeedContext } from './context';
import { INDUSTRIES, type Industry } from './industries';
import { drawTier, type Ownership, planOwnership } from './ownership';
import type { People } from './people';
import { weighted, weightedPicker } from './random';
import type { RepPool } from './reps';
import { ACCOUNT_NOTES, SOURCES } from './texts';
import type { CityNode, TerritoryTree } from './territories';

export type Tier = 'A' | 'B' | 'C';
export type PayerProfile = 'prompt' | 'normal' | 'slow' | 'bad';

/** Everything decided about an account before its rows are written. */
export interface AccountPlan {
  id: string;
  code: string;
  company: CompanyName;
  initials: string;
  creditCode: string | null;
  industry: Industry;
  city: CityNode;
  tier: Tier;
  source: string;
  accountGroup: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string;
  notes: string | null;
  createdDay: number;
  imported: boolean;
  ownership: Ownership;
  /** Whether the account buys (the order plan only gives orders to buyers). */
  buyer: boolean;
  /** Deal status when it turns out to have no confirmed order. */
  fallbackDeal: 'prospect' | 'negotiating' | 'lost';
  payer: PayerProfile;
  /** Pays on this day of the month (many finance departments batch payments), or null. */
  payDayOfMonth: number | null;
  termsDays: number;
  /** Relative share of orders, and the days orders may fall on. */
  orderWeight: number;
  orderFrom: number;
  orderTo: number;
}

const ROADS = '人民 建设 解放 中山 长江 黄河 创新 科技 工业 新华 朝阳 东风 和平 文化 学府 滨江 湖滨 世纪 金桥 高新 振兴 发展 迎宾 青年 光明 富民 锦绣 春晖 泰山 华山'.split(' ');

function address(ctx: SeedContext, city: CityNode): string {
  const { r } = ctx;
  const province = city.province.geo;
  const head = province.municipality ? `${province.name}${city.geo.name}` : `${province.name}${city.geo.city}${r.pick(city.geo.districts)}`;
  const road = `${r.pick(ROADS)}${r.pick(['路', '路', '大道', '街', '东路', '西路', '北路', '南路'])}`;
  const tail = weighted(r, [
    ['', 4],
    [`${r.int(1, 30)}栋`, 2],
    [`${r.pick(['A', 'B', 'C'])}座${r.int(2, 28)}${String(r.int(1, 20)).padStart(2, '0')}室`, 2],
    [`${r.pick(['厂房', '科技园'])}${r.int(1, 12)}号楼`, 2],
  ] as const);
  return `${head}${road}${r.int(1, 2999)}号${tail}`;
}

/**
 * Plans every account (identity, place, tier, ownership history, payment habits) and numbers them by
 * creation date, so KH numbers and ids follow the order in which the company met its customers.
 */
export function planAccounts(ctx: SeedContext, tree: TerritoryTree, pool: RepPool, people: People, count: number): AccountPlan[] {
  const { r } = ctx;
  const cityPick = weightedPicker(tree.cities.map((c) => c.geo.weight));
  const industryPick = weightedPicker(INDUSTRIES.map((i) => i.weight));
  const namer = new CompanyNamer(r);
  const codes = new CreditCodes(r);
  const span = ctx.lastDay - ctx.startDay;

  interface Draft {
    i: number;
    createdDay: number;
    imported: boolean;
  }
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const imported = r.chance(0.55);
    // Newer customers arrive a little faster as the business grows.
    const createdDay = imported ? ctx.startDay + r.int(0, 10) : ctx.startDay + 11 + Math.floor(Math.sqrt(r.next()) * Math.max(1, span - 12));
    drafts.push({ i, createdDay, imported });
  }
  drafts.sort((a, b) => a.createdDay - b.createdDay || a.i - b.i);

  const plans: AccountPlan[] = [];
  for (const d of drafts) {
    const city = tree.cities[cityPick(r)]!;
    const industry = INDUSTRIES[industryPick(r)]!;
    const tier = drawTier(ctx);
    const company = namer.next(city, industry);
    const source = d.imported && r.chance(0.5) ? '老客户' : weighted(r, SOURCES);
    const ownership = planOwnership(ctx, pool, { city, industry: industry.name, tier, createdDay: d.createdDay, imported: d.imported });
    const pooled = ownership.owner === null;
    const buyer = r.chance(pooled ? 0.25 : tier === 'A' ? 0.92 : tier === 'B' ? 0.72 : 0.32);
    const payer = weighted(r, [
      ['prompt', 50],
      ['normal', 30],
      ['slow', 15],
      ['bad', tier === 'C' ? 7 : 3],
    ] as const);
    const termsDays = weighted(r, [
      [0, 5],
      [30, tier === 'A' ? 35 : 55],
      [60, tier === 'A' ? 40 : 28],
      [90, tier === 'A' ? 20 : 12],
    ] as const);
    const trade = company.tradeName;
    const domain = r.chance(0.4) ? companyDomain(people, r, trade) : null;
    const orderFrom = d.createdDay + (d.imported ? 0 : r.int(3, 30));
    const orderTo = pooled ? ownership.sinceDay - 1 : ctx.lastDay;
    const at = ctx.stamp(d.createdDay);
    plans.push({
      id: ctx.id(at),
      code: ctx.numbers.next('KH'),
      company,
      initials: nameInitials(company.name),
      creditCode: r.chance(company.kind === 2 ? 0.6 : 0.9) ? codes.next(city, company.kind) : null,
      industry,
      city,
      tier,
      source,
      accountGroup: company.name.includes('集团') ? '集团客户' : source === '渠道代理' ? '经销商' : tier === 'A' && r.chance(0.3) ? '战略客户' : null,
      phone: r.chance(0.05) ? null : r.chance(0.62) ? people.landline(city.geo.areaCode) : people.mobile(),
      email: domain && r.chance(0.7) ? `${r.pick(['sales', 'info', 'purchase', 'caigou', 'service'])}@${domain}` : null,
      website: domain && r.chance(0.6) ? `www.${domain}` : null,
      address: address(ctx, city),
      notes: r.chance(0.1) ? r.pick(ACCOUNT_NOTES) : null,
      createdDay: d.createdDay,
      imported: d.imported,
      ownership,
      buyer,
      fallbackDeal: weighted(r, [
        ['prospect', 50],
        ['negotiating', 30],
        ['lost', 20],
      ] as const),
      payer,
      payDayOfMonth: r.chance(0.3) ? r.pick([5, 10, 15, 20, 25, 28]) : null,
      termsDays,
      orderWeight: buyer && orderTo > orderFrom ? (tier === 'A' ? 10 : tier === 'B' ? 3.5 : 1) * r.around(1, 0.8, 0.2) : 0,
      orderFrom,
      orderTo,
    });
  }
  return plans;
}
