import type { Faker } from '@faker-js/faker';
import { pinyin } from 'pinyin-pro';
import type { SeededRandom } from './random';

/** The most common surnames carry most of the population; faker's list (with 司徒, 慕容 …) the rest. */
const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

/**
 * Person names, phones and e-mail local parts. Faker's own fullName() costs ~17 µs a call (it parses
 * templates); picking from fakerZH_CN's raw name lists with its seeded generator costs next to nothing.
 */
export class People {
  private readonly surnames: readonly string[];
  private readonly givenNames: readonly string[];
  private readonly pinyinCache = new Map<string, string>();

  constructor(
    private readonly faker: Faker,
    private readonly r: SeededRandom,
  ) {
    const person = faker.rawDefinitions.person;
    const list = (v: unknown): string[] => (v && typeof v === 'object' && Array.isArray((v as { generic?: unknown }).generic) ? ((v as { generic: unknown[] }).generic.filter((x) => typeof x === 'string') as string[]) : []);
    this.surnames = list(person?.last_name);
    this.givenNames = list(person?.first_name);
    if (this.surnames.length === 0 || this.givenNames.length === 0) throw new Error('fakerZH_CN name lists not found');
  }

  fullName(): string {
    const surname = this.r.chance(0.85) ? this.r.pick(COMMON_SURNAMES) : this.faker.helpers.arrayElement(this.surnames);
    return surname + this.faker.helpers.arrayElement(this.givenNames);
  }

  mobile(): string {
    return this.r.pick(MOBILE_PREFIXES) + this.r.digits(8);
  }

  /** 0512-68123456 (area code, then an 8-digit number that does not start with 0 or 1). */
  landline(areaCode: string): string {
    return `${areaCode}-${this.r.int(2, 8)}${this.r.digits(7)}`;
  }

  /** Toneless pinyin without spaces: 王伟 → wangwei (cached; names repeat a lot). */
  pinyin(text: string): string {
    let p = this.pinyinCache.get(text);
    if (p === undefined) {
      p = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').replace(/[^a-z]/g, '');
      this.pinyinCache.set(text, p);
    }
    return p;
  }
}
