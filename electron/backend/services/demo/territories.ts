import type { SeedContext } from './context';
import { type CityGeo, type ProvinceGeo, REGIONS, type RegionGeo } from './geo';
import { AUDIT_COLUMNS, prepareInsert } from './insert';

export interface ProvinceNode {
  id: string;
  geo: ProvinceGeo;
  region: RegionNode;
  cities: CityNode[];
  weight: number;
}

export interface RegionNode {
  id: string;
  geo: RegionGeo;
  provinces: ProvinceNode[];
  weight: number;
}

export interface CityNode {
  id: string;
  geo: CityGeo;
  province: ProvinceNode;
  /** 上海, 苏州: what company names start with. */
  prefix: string;
}

export interface TerritoryTree {
  regions: RegionNode[];
  provinces: ProvinceNode[];
  cities: CityNode[];
  count: number;
}

/** 区域 tree: 大区 > 省 > 城市, with codes such as HD, HD-JS, HD-JS-320500. */
export function seedTerritories(ctx: SeedContext): TerritoryTree {
  const insert = prepareInsert(ctx.sqlite, 'territories', ['id', 'parent_id', 'name', 'code', 'sort_order', ...AUDIT_COLUMNS]);
  const at = ctx.stamp(ctx.startDay - 1);
  const a = ctx.actor.id;
  const tree: TerritoryTree = { regions: [], provinces: [], cities: [], count: 0 };
  REGIONS.forEach((rg, ri) => {
    const region: RegionNode = { id: ctx.id(at), geo: rg, provinces: [], weight: 0 };
    insert.run(region.id, null, rg.name, rg.code, ri + 1, at, at, a, a, 1);
    tree.regions.push(region);
    rg.provinces.forEach((pg, pi) => {
      const province: ProvinceNode = { id: ctx.id(at), geo: pg, region, cities: [], weight: 0 };
      insert.run(province.id, region.id, pg.name, `${rg.code}-${pg.abbr}`, pi + 1, at, at, a, a, 1);
      region.provinces.push(province);
      tree.provinces.push(province);
      pg.cities.forEach((cg, ci) => {
        const city: CityNode = { id: ctx.id(at), geo: cg, province, prefix: pg.municipality ? pg.name.replace(/市$/, '') : cg.name };
        insert.run(city.id, province.id, cg.name, `${rg.code}-${pg.abbr}-${cg.adminCode}`, ci + 1, at, at, a, a, 1);
        province.cities.push(city);
        province.weight += cg.weight;
        tree.cities.push(city);
      });
      region.weight += province.weight;
    });
  });
  tree.count = insert.count;
  return tree;
}
