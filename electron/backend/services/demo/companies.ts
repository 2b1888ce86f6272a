import { creditCodeCheckChar } from '../../../../shared/domain/credit-code';
import type { Industry } from './industries';
import type { People } from './people';
import { type SeededRandom, weighted } from './random';
import type { CityNode } from './territories';

/** Characters Chinese firms use in their 字号 (trade names). */
const TRADE_CHARS = '华恒瑞信达通盛鑫宏嘉德泰安康源联创新科博远航金天中东海宇凯润丰隆昌兴明光正和美力智卓越腾飞永益荣顺汇鼎森晟祥福佳诚立志成广伟俊豪展峰众合利久亿弘威锦恒星汉晨阳蓝辰'.split('');
const TRADE_NAMES_3 = ['中天', '华信', '长城', '东方', '新时代', '金桥', '远大', '海天', '正泰', '德力', '三友', '万通', '宏图', '恒通'];

export interface CompanyName {
  name: string;
  shortName: string;
  /** 字号, for web/e-mail domains. */
  tradeName: string;
  /** 2 = 个体工商户 (sole proprietorship) in the credit code; 1 = 企业. */
  kind: 1 | 2;
}

/** Unique, realistic company names: 苏州恒瑞精密机械有限公司, 华信电子科技（深圳）有限公司 … */
export class CompanyNamer {
  private readonly used = new Set<string>();

  constructor(private readonly r: SeededRandom) {}

  next(city: CityNode, industry: Industry): CompanyName {
    for (let attempt = 0; ; attempt++) {
      const candidate = this.compose(city, industry, attempt);
      if (!this.used.has(candidate.name)) {
        this.used.add(candidate.name);
        return candidate;
      }
    }
  }

  private compose(city: CityNode, industry: Industry, attempt: number): CompanyName {
    const { r } = this;
    let trade = r.chance(0.08) ? r.pick(TRADE_NAMES_3) : r.pick(TRADE_CHARS) + r.pick(TRADE_CHARS);
    if (trade.length === 2 && trade[0] === trade[1]) trade = trade[0] + r.pick(TRADE_CHARS);
    // Deep into collisions (huge demo sizes), a third character keeps names unique and still plausible.
    if (attempt > 20) trade += r.pick(TRADE_CHARS);
    const word = r.pick(industry.words);
    const place = city.prefix;
    const shortName = `${trade}${word.slice(0, 2)}`;
    const form = weighted(r, [
      ['plain', 62],
      ['share', 10],
      ['llc', 9],
      ['bracket', 8],
      ['group', 4],
      ['solo', 7],
    ] as const);
    switch (form) {
      case 'plain':
        return { name: `${place}${trade}${word}有限公司`, shortName, tradeName: trade, kind: 1 };
      case 'share':
        return { name: `${place}${trade}${word}股份有限公司`, shortName, tradeName: trade, kind: 1 };
      case 'llc':
        return { name: `${place}${trade}${word}有限责任公司`, shortName, tradeName: trade, kind: 1 };
      case 'bracket':
        return { name: `${trade}${word}（${place}）有限公司`, shortName, tradeName: trade, kind: 1 };
      case 'group':
        return { name: `${place}${trade}${word}集团有限公司`, shortName: `${trade}集团`, tradeName: trade, kind: 1 };
      case 'solo': {
        const district = r.pick(city.geo.districts);
        const cityPart = city.province.geo.municipality ? '' : city.geo.city;
        const shop = r.pick(['经营部', '商行', '机电设备经营部', '五金店']);
        return { name: `${cityPart}${district}${trade}${shop}`, shortName: `${trade}${shop.slice(0, 2)}`, tradeName: trade, kind: 2 };
      }
    }
  }
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i]!;
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * 统一社会信用代码 per GB 32100-2015: 9 (工商) + 1/2 (企业/个体工商户) + the city's administrative code +
 * the 9-character organisation code (older firms: digits; newer ones: MA…) + the check character.
 */
export class CreditCodes {
  private readonly used = new Set<string>();

  constructor(private readonly r: SeededRandom) {}

  next(city: CityNode, kind: 1 | 2): string {
    const { r } = this;
    for (;;) {
      const admin = city.province.geo.municipality ? city.geo.adminCode : city.geo.adminCode.slice(0, 4) + String(r.int(1, 12)).padStart(2, '0');
      let body: string;
      if (r.chance(0.45)) {
        body = 'MA';
        for (let i = 0; i < 6; i++) body += CODE_ALPHABET[r.int(0, CODE_ALPHABET.length - 1)]!;
      } else {
        body = r.digits(8, true);
      }
      const first17 = `9${kind}${admin}${body}${orgCodeCheck(body)}`;
      const check = creditCodeCheckChar(first17);
      if (check === null) continue;
      const code = first17 + check;
      if (this.used.has(code)) continue;
      this.used.add(code);
      return code;
    }
  }
}

/** A company's web domain from its trade name: hengrui-jx.com.cn. */
export function companyDomain(people: People, r: SeededRandom, trade: string): string {
  const base = people.pinyin(trade);
  return `${base}${r.pick(['', '', 'tech', 'group', 'china', String(r.int(10, 99))])}.${r.pick(['com', 'com.cn', 'cn'])}`;
}
