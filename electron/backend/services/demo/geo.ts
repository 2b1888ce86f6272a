/**
 * The demo company's map: 大区 > 省 > 城市 (districts for the four municipalities), with the real
 * administrative division codes (used in 统一社会信用代码), telephone area codes and a few districts per
 * city for addresses. weight is the share of customers a city gets.
 */
export interface CityGeo {
  /** Territory node name (城市, or 区 in a municipality). */
  name: string;
  /** The city as written in an address (上海市, 苏州市). */
  city: string;
  /** Six-digit administrative division code (GB/T 2260). */
  adminCode: string;
  areaCode: string;
  districts: readonly string[];
  weight: number;
}

export interface ProvinceGeo {
  name: string;
  /** ISO 3166-2:CN subdivision letters, used in territory codes. */
  abbr: string;
  municipality: boolean;
  cities: readonly CityGeo[];
}

export interface RegionGeo {
  name: string;
  code: string;
  provinces: readonly ProvinceGeo[];
}

const c = (name: string, adminCode: string, areaCode: string, districts: string, weight: number, city = `${name}市`): CityGeo => ({
  name,
  city,
  adminCode,
  areaCode,
  districts: districts.split(' '),
  weight,
});

/** A district of a municipality: the territory is the district, the city is the municipality. */
const d = (name: string, municipality: string, adminCode: string, areaCode: string, weight: number): CityGeo => ({
  name,
  city: municipality,
  adminCode,
  areaCode,
  districts: [name],
  weight,
});

export const REGIONS: readonly RegionGeo[] = [
  {
    name: '华东',
    code: 'HD',
    provinces: [
      { name: '上海市', abbr: 'SH', municipality: true, cities: [d('浦东新区', '上海市', '310115', '021', 9), d('闵行区', '上海市', '310112', '021', 5), d('嘉定区', '上海市', '310114', '021', 4)] },
      {
        name: '江苏省',
        abbr: 'JS',
        municipality: false,
        cities: [c('南京', '320100', '025', '江宁区 鼓楼区 栖霞区', 6), c('苏州', '320500', '0512', '工业园区 吴中区 昆山市', 8), c('无锡', '320200', '0510', '新吴区 滨湖区 江阴市', 5), c('常州', '320400', '0519', '武进区 新北区', 3)],
      },
      {
        name: '浙江省',
        abbr: 'ZJ',
        municipality: false,
        cities: [c('杭州', '330100', '0571', '滨江区 余杭区 萧山区', 7), c('宁波', '330200', '0574', '鄞州区 北仑区 慈溪市', 5), c('温州', '330300', '0577', '鹿城区 瑞安市 乐清市', 4)],
      },
      {
        name: '山东省',
        abbr: 'SD',
        municipality: false,
        cities: [c('济南', '370100', '0531', '历下区 历城区 章丘区', 4), c('青岛', '370200', '0532', '黄岛区 城阳区 崂山区', 5), c('烟台', '370600', '0535', '芝罘区 福山区', 2)],
      },
      { name: '安徽省', abbr: 'AH', municipality: false, cities: [c('合肥', '340100', '0551', '蜀山区 包河区 庐阳区', 4), c('芜湖', '340200', '0553', '鸠江区 弋江区', 2)] },
      { name: '福建省', abbr: 'FJ', municipality: false, cities: [c('福州', '350100', '0591', '鼓楼区 仓山区', 3), c('厦门', '350200', '0592', '思明区 湖里区 集美区', 3)] },
    ],
  },
  {
    name: '华南',
    code: 'HN',
    provinces: [
      {
        name: '广东省',
        abbr: 'GD',
        municipality: false,
        cities: [c('广州', '440100', '020', '天河区 番禺区 黄埔区', 8), c('深圳', '440300', '0755', '南山区 宝安区 龙岗区', 9), c('东莞', '441900', '0769', '长安镇 松山湖 虎门镇', 5), c('佛山', '440600', '0757', '顺德区 南海区 禅城区', 5)],
      },
      { name: '广西壮族自治区', abbr: 'GX', municipality: false, cities: [c('南宁', '450100', '0771', '青秀区 西乡塘区', 2), c('柳州', '450200', '0772', '柳北区 鱼峰区', 1.5)] },
      { name: '海南省', abbr: 'HI', municipality: false, cities: [c('海口', '460100', '0898', '龙华区 美兰区', 1)] },
    ],
  },
  {
    name: '华北',
    code: 'HB',
    provinces: [
      { name: '北京市', abbr: 'BJ', municipality: true, cities: [d('朝阳区', '北京市', '110105', '010', 6), d('海淀区', '北京市', '110108', '010', 6), d('大兴区', '北京市', '110115', '010', 3)] },
      { name: '天津市', abbr: 'TJ', municipality: true, cities: [d('滨海新区', '天津市', '120116', '022', 4), d('西青区', '天津市', '120111', '022', 2)] },
      {
        name: '河北省',
        abbr: 'HE',
        municipality: false,
        cities: [c('石家庄', '130100', '0311', '长安区 裕华区', 3), c('唐山', '130200', '0315', '路北区 丰润区', 2), c('保定', '130600', '0312', '竞秀区 莲池区', 2)],
      },
      { name: '山西省', abbr: 'SX', municipality: false, cities: [c('太原', '140100', '0351', '小店区 迎泽区', 2)] },
      { name: '内蒙古自治区', abbr: 'NM', municipality: false, cities: [c('呼和浩特', '150100', '0471', '赛罕区 新城区', 1), c('包头', '150200', '0472', '昆都仑区 青山区', 1)] },
    ],
  },
  {
    name: '华中',
    code: 'HZ',
    provinces: [
      { name: '河南省', abbr: 'HA', municipality: false, cities: [c('郑州', '410100', '0371', '金水区 二七区 管城回族区', 4), c('洛阳', '410300', '0379', '涧西区 洛龙区', 2)] },
      {
        name: '湖北省',
        abbr: 'HB',
        municipality: false,
        cities: [c('武汉', '420100', '027', '东湖高新区 江汉区 洪山区', 5), c('宜昌', '420500', '0717', '西陵区 伍家岗区', 1.5), c('襄阳', '420600', '0710', '樊城区 襄州区', 1.5)],
      },
      { name: '湖南省', abbr: 'HN', municipality: false, cities: [c('长沙', '430100', '0731', '岳麓区 雨花区 长沙县', 4), c('株洲', '430200', '0731', '天元区 芦淞区', 1.5)] },
      { name: '江西省', abbr: 'JX', municipality: false, cities: [c('南昌', '360100', '0791', '红谷滩区 青山湖区', 2)] },
    ],
  },
  {
    name: '西南',
    code: 'XN',
    provinces: [
      { name: '四川省', abbr: 'SC', municipality: false, cities: [c('成都', '510100', '028', '武侯区 双流区 成华区', 6), c('绵阳', '510700', '0816', '涪城区 游仙区', 1.5)] },
      { name: '重庆市', abbr: 'CQ', municipality: true, cities: [d('渝北区', '重庆市', '500112', '023', 3), d('九龙坡区', '重庆市', '500107', '023', 2)] },
      { name: '云南省', abbr: 'YN', municipality: false, cities: [c('昆明', '530100', '0871', '五华区 官渡区', 2)] },
      { name: '贵州省', abbr: 'GZ', municipality: false, cities: [c('贵阳', '520100', '0851', '观山湖区 南明区', 1.5)] },
    ],
  },
  {
    name: '西北',
    code: 'XB',
    provinces: [
      { name: '陕西省', abbr: 'SN', municipality: false, cities: [c('西安', '610100', '029', '雁塔区 未央区 长安区', 4), c('宝鸡', '610300', '0917', '渭滨区 金台区', 1)] },
      { name: '甘肃省', abbr: 'GS', municipality: false, cities: [c('兰州', '620100', '0931', '城关区 七里河区', 1)] },
      { name: '新疆维吾尔自治区', abbr: 'XJ', municipality: false, cities: [c('乌鲁木齐', '650100', '0991', '天山区 新市区', 1)] },
      { name: '宁夏回族自治区', abbr: 'NX', municipality: false, cities: [c('银川', '640100', '0951', '兴庆区 金凤区', 0.8)] },
    ],
  },
  {
    name: '东北',
    code: 'DB',
    provinces: [
      { name: '辽宁省', abbr: 'LN', municipality: false, cities: [c('沈阳', '210100', '024', '和平区 铁西区 浑南区', 3), c('大连', '210200', '0411', '甘井子区 金州区', 3)] },
      { name: '吉林省', abbr: 'JL', municipality: false, cities: [c('长春', '220100', '0431', '朝阳区 南关区', 2)] },
      { name: '黑龙江省', abbr: 'HL', municipality: false, cities: [c('哈尔滨', '230100', '0451', '南岗区 道里区', 2), c('大庆', '230600', '0459', '萨尔图区 让胡路区', 1)] },
    ],
  },
];
