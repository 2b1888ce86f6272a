import type { SeedContext } from './context';
import { AUDIT_COLUMNS, prepareInsert } from './insert';

export interface SeedProduct {
  id: string;
  sku: string;
  name: string;
  spec: string;
  /** What an order line says: name and spec. */
  description: string;
  unit: string;
  category: string;
  /** 含税单价 in fen. */
  priceFen: number;
  taxRateBp: number;
  warrantyMonths: number;
  /** Typical order quantity range. */
  minQty: number;
  maxQty: number;
}

type Row = readonly [sku: string, name: string, spec: string, unit: string, priceYuan: number, taxBp: number, warranty: number, minQty: number, maxQty: number];

/** The demo company sells industrial automation equipment, parts, consumables, software and services. */
const CATALOGUE: Record<string, readonly Row[]> = {
  设备: [
    ['EQ-ROB-006', '六轴工业机器人', 'SR-6 负载6kg 臂展1.4m', '台', 168000, 1300, 24, 1, 3],
    ['EQ-ROB-020', '六轴工业机器人', 'SR-20 负载20kg 臂展1.8m', '台', 238000, 1300, 24, 1, 2],
    ['EQ-COB-005', '协作机器人', 'CR-5 负载5kg', '台', 98000, 1300, 24, 1, 4],
    ['EQ-CNC-6150', '数控车床', 'CK6150 床身1.5m', '台', 126000, 1300, 12, 1, 3],
    ['EQ-VMC-850', '立式加工中心', 'VMC850 三轴', '台', 238000, 1300, 12, 1, 2],
    ['EQ-LAS-3015', '光纤激光切割机', '3015 3kW', '台', 185000, 1300, 12, 1, 2],
    ['EQ-LMK-030', '激光打标机', '光纤 30W', '台', 26800, 1300, 12, 1, 5],
    ['EQ-AC-22', '螺杆空气压缩机', '22kW 永磁变频', '台', 32800, 1300, 24, 1, 3],
    ['EQ-AC-37', '螺杆空气压缩机', '37kW 永磁变频', '台', 46800, 1300, 24, 1, 3],
    ['EQ-AC-55', '螺杆空气压缩机', '55kW 两级压缩', '台', 72800, 1300, 24, 1, 2],
    ['EQ-DRY-060', '冷冻式干燥机', '6m³/min', '台', 8600, 1300, 12, 1, 4],
    ['EQ-PLC-1214', 'PLC 控制器', 'CPU 1214C DC/DC/DC', '台', 3280, 1300, 18, 1, 20],
    ['EQ-VFD-022', '通用变频器', '2.2kW 380V', '台', 980, 1300, 18, 1, 30],
    ['EQ-VFD-075', '通用变频器', '7.5kW 380V', '台', 2150, 1300, 18, 1, 20],
    ['EQ-VFD-150', '通用变频器', '15kW 380V', '台', 3860, 1300, 18, 1, 10],
    ['EQ-SRV-040', '交流伺服系统', '0.4kW 电机+驱动器', '套', 2680, 1300, 18, 1, 30],
    ['EQ-SRV-100', '交流伺服系统', '1kW 电机+驱动器', '套', 4680, 1300, 18, 1, 20],
    ['EQ-SRV-200', '交流伺服系统', '2kW 电机+驱动器', '套', 6980, 1300, 18, 1, 10],
    ['EQ-HMI-10', '触摸屏', '10.1 寸 HMI', '台', 2380, 1300, 12, 1, 20],
    ['EQ-IPC-610', '工控机', '4U 机架式 i5/16G/512G', '台', 6800, 1300, 24, 1, 10],
    ['EQ-VIS-001', '机器视觉检测系统', '500 万像素 双相机', '套', 58000, 1300, 12, 1, 3],
    ['EQ-FLT-20', '电动叉车', '2 吨 锂电', '台', 89000, 1300, 12, 1, 3],
    ['EQ-PKG-450', '全自动包装机', '枕式 450 型', '台', 72000, 1300, 12, 1, 2],
    ['EQ-DHM-240', '工业除湿机', '240L/天', '台', 12800, 1300, 12, 1, 6],
    ['EQ-UPS-10K', '不间断电源', 'UPS 10kVA 在线式', '台', 15600, 1300, 24, 1, 6],
    ['EQ-GW-100', '设备联网网关', '4G/以太网 Modbus/OPC UA', '台', 4800, 1300, 12, 1, 30],
  ],
  配件: [
    ['PT-LG-25', '直线导轨', 'HGR25 1000mm', '根', 860, 1300, 6, 2, 40],
    ['PT-BS-2510', '滚珠丝杠', 'SFU2510 800mm', '根', 1260, 1300, 6, 1, 20],
    ['PT-BRG-6205', '深沟球轴承', '6205-2RS', '个', 48, 1300, 3, 10, 500],
    ['PT-BLT-HTD', '同步带', 'HTD 8M-1200', '条', 65, 1300, 3, 5, 200],
    ['PT-CYL-63', '标准气缸', 'SC63×100', '个', 320, 1300, 6, 2, 60],
    ['PT-SOL-4V2', '电磁阀', '4V210-08 DC24V', '个', 185, 1300, 6, 5, 100],
    ['PT-PRX-M18', '接近开关', 'M18 NPN 常开', '个', 42, 1300, 6, 10, 300],
    ['PT-PHO-50', '光电传感器', '对射型 5m', '个', 96, 1300, 6, 10, 200],
    ['PT-ENC-1024', '增量编码器', '1024 线 空心轴', '个', 680, 1300, 6, 1, 40],
    ['PT-RLY-8', '继电器模块', '8 路 DC24V', '个', 58, 1300, 6, 10, 200],
    ['PT-MCB-63', '小型断路器', '3P C63', '个', 138, 1300, 12, 5, 200],
    ['PT-CTR-32', '交流接触器', '32A 线圈 220V', '个', 210, 1300, 12, 5, 100],
    ['PT-GBX-90', '精密行星减速机', '90 法兰 速比 10', '台', 2860, 1300, 12, 1, 20],
    ['PT-CPL-25', '梅花联轴器', 'D40 孔径 14-19', '个', 125, 1300, 3, 5, 100],
    ['PT-SEAL-KIT', '密封圈套装', '液压缸通用', '套', 88, 1300, 0, 5, 100],
    ['PT-HOSE-12', '高压液压油管', '1/2" 两层钢丝', '米', 36, 1300, 0, 20, 500],
    ['PT-CBL-425', '电缆', 'RVV 4×2.5mm²', '米', 12.8, 1300, 0, 100, 3000],
    ['PT-CBL-NET', '工业以太网线', '超五类屏蔽 305m', '箱', 680, 1300, 0, 1, 30],
    ['PT-FIL-AC', '空压机保养滤芯套装', '油滤+油分+空滤', '套', 1260, 1300, 0, 1, 20],
    ['PT-TMP-PT100', '温度传感器', 'PT100 M8 2m', '个', 78, 1300, 6, 5, 200],
    ['PT-PRS-10', '压力变送器', '0-1.6MPa 4-20mA', '个', 560, 1300, 12, 1, 40],
    ['PT-FAN-120', '散热风扇', '120×120 AC220V', '个', 35, 1300, 6, 10, 300],
    ['PT-TB-2.5', '导轨式接线端子', 'UK2.5B 100 片', '盒', 58, 1300, 0, 2, 100],
  ],
  耗材: [
    ['CS-CUT-18', '水溶性切削液', '18L', '桶', 680, 1300, 0, 2, 60],
    ['CS-GRS-15', '锂基润滑脂', '15kg', '桶', 420, 1300, 0, 1, 40],
    ['CS-GRD-100', '树脂砂轮片', '100×6×16', '片', 8.5, 1300, 0, 100, 3000],
    ['CS-DRL-SET', '含钴麻花钻头套装', '1-13mm 25 支', '套', 268, 1300, 0, 2, 50],
    ['CS-WIR-10', '二氧化碳保护焊丝', 'ER50-6 1.0mm 15kg', '卷', 165, 1300, 0, 5, 200],
    ['CS-ROD-32', '碳钢焊条', 'J422 3.2mm 20kg', '箱', 235, 1300, 0, 2, 100],
    ['CS-GLV-12', '劳保手套', '丁腈浸胶 12 双', '打', 36, 1300, 0, 10, 500],
    ['CS-MSK-50', '防护口罩', 'KN95 50 只', '盒', 45, 1300, 0, 10, 300],
    ['CS-TIE-300', '尼龙扎带', '4×300mm 500 根', '包', 12, 1300, 0, 20, 500],
    ['CS-ALC-25', '工业酒精', '95% 25L', '桶', 98, 1300, 0, 2, 60],
    ['CS-LBL-60', '热转印标签纸', '60×40mm 1000 张', '卷', 18, 1300, 0, 20, 500],
    ['CS-FLT-HEPA', '高效空气过滤器', 'H13 484×484', '个', 126, 1300, 0, 4, 100],
    ['CS-OIL-46', '抗磨液压油', 'L-HM46 200L', '桶', 2680, 1300, 0, 1, 12],
    ['CS-TAPE-48', '封箱胶带', '48mm×100m 48 卷', '箱', 96, 1300, 0, 2, 100],
  ],
  软件: [
    ['SW-MES-STD', 'MES 生产管理系统', '标准版 永久授权', '套', 128000, 1300, 12, 1, 1],
    ['SW-WMS-STD', '仓储管理系统 WMS', '标准版 永久授权', '套', 68000, 1300, 12, 1, 1],
    ['SW-SCADA-LIC', 'SCADA 组态软件', '运行版 1500 点', '套', 9800, 1300, 12, 1, 5],
    ['SW-CLOUD-Y', '设备云平台订阅', '100 台设备 / 年', '年', 12000, 600, 0, 1, 3],
    ['SW-APP-MOD', '移动端扩展模块', '按站点授权', '套', 16000, 1300, 12, 1, 2],
  ],
  服务: [
    ['SV-INST-01', '设备安装调试服务', '单台设备', '次', 3500, 600, 0, 1, 6],
    ['SV-MNT-Y', '年度维保服务', '含两次巡检', '年', 18000, 600, 0, 1, 2],
    ['SV-TRN-D', '操作培训', '现场 每人天', '人天', 1800, 600, 0, 1, 10],
    ['SV-RETRO', '设备改造服务', '按项目', '项', 25000, 600, 0, 1, 1],
    ['SV-CONS-D', '自动化技术咨询', '每人天', '人天', 2500, 600, 0, 1, 10],
    ['SV-SPARE-Y', '备件库托管服务', '年度', '年', 9600, 600, 0, 1, 1],
    ['SV-CAL-01', '计量校准服务', '每台次', '台次', 680, 600, 0, 1, 30],
    ['SV-BLD-INST', '设备安装工程', '基础及管线施工', '项', 36000, 900, 0, 1, 1],
    ['SV-BLD-ELEC', '车间配电改造工程', '按项目', '项', 58000, 900, 0, 1, 1],
  ],
  运输: [
    ['TR-FRT-STD', '物流运输费', '零担 省内', '次', 800, 900, 0, 1, 3],
    ['TR-FRT-BIG', '大件运输费', '整车 跨省', '次', 3600, 900, 0, 1, 2],
    ['TR-HOIST', '吊装搬运费', '吊车 8 小时', '次', 2800, 900, 0, 1, 2],
  ],
};

/** Weight of each category on order lines (parts and consumables are bought most often). */
export const CATEGORY_LINE_WEIGHT: Record<string, number> = { 设备: 18, 配件: 38, 耗材: 30, 软件: 3, 服务: 7, 运输: 4 };

export function seedProducts(ctx: SeedContext): SeedProduct[] {
  const insert = prepareInsert(ctx.sqlite, 'products', ['id', 'sku', 'name', 'spec', 'unit', 'category', 'unit_price_fen', 'tax_rate_bp', 'warranty_months', 'active', ...AUDIT_COLUMNS]);
  const at = ctx.stamp(ctx.startDay - 1);
  const a = ctx.actor.id;
  const out: SeedProduct[] = [];
  for (const [category, rows] of Object.entries(CATALOGUE)) {
    for (const [sku, name, spec, unit, priceYuan, taxRateBp, warrantyMonths, minQty, maxQty] of rows) {
      const p: SeedProduct = { id: ctx.id(at), sku, name, spec, description: `${name} ${spec}`, unit, category, priceFen: Math.round(priceYuan * 100), taxRateBp, warrantyMonths, minQty, maxQty };
      // Two discontinued items keep their history but are no longer sold.
      const active = sku !== 'EQ-VFD-022' && sku !== 'SW-APP-MOD';
      insert.run(p.id, sku, name, spec, unit, category, p.priceFen, taxRateBp, warrantyMonths, active ? 1 : 0, at, at, a, a, 1);
      out.push(p);
    }
  }
  return out;
}
