/**
 * The bundled example city: 滨海市 (fictional) and six of its districts. One meets every
 * requirement, some miss some (explained or not), one has data errors. The README's main command
 * runs on the workbooks written from these figures.
 */
import type { CellInput, DistrictData, IndicatorInput } from '../hosts/file/fill';

const ev = (current: CellInput, evidence: string): IndicatorInput => ({ current, evidence });

/** A district that meets every requirement of ruleset 2025.1. */
export function compliantDistrict(name = '东城区', code = '379902'): DistrictData {
  return {
    info: {
      name,
      code,
      city: '滨海市',
      year: 2025,
      unit: `滨海市${name}教育和体育局`,
      person: '王晓燕',
      phone: '0631-5212345',
      date: new Date(Date.UTC(2026, 2, 10)),
      version: '2025.1',
    },
    values: {
      JF01: { last: 52000, current: 56000 },
      JF02: { last: 60000, current: 66600 },
      JF03: { last: 12000, current: 12600 },
      JF04: { last: 14000, current: 14800 },
      JF05: { last: 19000, current: 20100 },
      JF06: { last: 23000, current: 24500 },
      JF07: { last: 21000, current: 22000 },
      JF08: { current: 700 },
      JF09: { current: 900 },
      JF10: { current: 1100 },
      JF11: { current: 600 },
      JF12: ev('是', '滨财教〔2025〕12号'),
      JF13: { current: 3200 },
      JF14: { current: 3200 },
      JF15: { current: 5000 },
      JF16: { current: 4750 },
      JS01: { current: 4800 },
      JS02: { current: 150 },
      JS03: { current: 180 },
      JS04: { current: 98000 },
      JS05: { current: 95000 },
      JS06: { current: 900 },
      JS07: { current: 780 },
      JS08: { current: 820 },
      JS09: { current: 90000 },
      JS10: { current: 72000 },
      JS11: { current: 1200 },
      JS12: { current: 150 },
      JS13: ev('是', '校长职级工资发放台账'),
      JS14: ev('否', '编制使用情况说明'),
      JS15: ev('否', '社保缴纳证明'),
      XQ01: { last: 96.5, current: 97.2 },
      XQ02: { last: 15000, current: 14800 },
      XQ03: { last: 8200, current: 8300 },
      XQ04: { last: 4300, current: 4200 },
      XQ05: { last: 83.33, current: 84.46 },
      XQ06: { last: 54.67, current: 56.08 },
      XQ07: ev('是', '小区配套园治理验收表'),
      XQ08: ev('是', '法人登记证书'),
      XQ09: ev('是', '专项治理工作方案'),
      YW01: { current: 98.5 },
      YW02: { current: 96 },
      YW03: { current: 1500 },
      YW04: { last: 3, current: 0 },
      YW05: { current: 0 },
      YW06: { current: 0 },
      YW07: { current: 100 },
      YW08: { current: 92 },
      YW09: { current: 100 },
      YW10: { current: 97.9 },
      GZ01: { current: 95.2 },
      GZ02: { last: 5000, current: 5200 },
      GZ03: { last: 3600, current: 3700 },
      GZ04: { current: 0 },
      GZ05: ev('是', '中职办学条件达标评估报告'),
      XS01: { last: 53, current: 55.2 },
      XS02: { last: 52.1, current: 50.8 },
      XS03: ev('是', '课程设置表'),
      XS04: ev('是', '心理健康教师名册'),
      AQ01: { current: 100 },
      AQ02: { current: 100 },
      AQ03: { current: 100 },
      AQ04: { current: 100 },
      AQ05: { current: 60 },
      AQ06: { current: 60 },
      AQ07: { current: 52000 },
      AQ08: { current: 95 },
      AQ09: { current: 0 },
      AQ10: ev('否', '校舍安全鉴定报告'),
      AQ11: ev('是', '校车服务合同'),
      GG01: { current: 2 },
      GG02: { current: 4 },
      GG03: ev('是', '滨政办发〔2024〕8号'),
      GG04: { current: 100 },
      GG05: ev('是', '督导问责办法'),
      GG06: { current: 3 },
      GG07: ev('否', '招生工作检查记录'),
    },
    schools: [
      school(1, `${name}实验小学`, '小学', 1850, 42),
      school(2, `${name}第一中学`, '初中', 1620, 36),
      school(3, `${name}育才学校`, '九年一贯制', 2300, 52),
      school(4, `${name}北关小学`, '小学', 540, 18, { clinic: '否', healthStaff: 0 }),
      school(5, `${name}明德学校`, '初中', 980, 22, { ownership: '民办' }),
    ],
    rectification: [
      rect(
        1,
        '市级评价',
        '普惠性民办幼儿园生均公用经费补助未落实',
        '出台补助办法并拨付到位',
        '已完成',
        null,
        '补助资金拨付凭证',
      ),
      rect(2, '省级评价', '部分学校卫生室未设置', '新设卫生室5处并配备校医', '已完成', null, '卫生室验收材料'),
    ],
  };
}

export function school(
  no: number,
  name: string,
  type: string,
  students: number,
  classes: number,
  extra: Record<string, CellInput> = {},
): Record<string, CellInput> {
  const staff = Math.ceil(students / 600);
  return {
    no,
    name,
    type,
    ownership: '公办',
    students,
    classes,
    large: 0,
    huge: 0,
    clinic: '是',
    healthStaff: staff,
    ...extra,
  };
}

export function rect(
  no: number,
  source: string,
  problem: string,
  measures: string,
  status: string,
  due: Date | null,
  evidence: string | null,
): Record<string, CellInput> {
  return { no, source, problem, measures, status, due, evidence };
}

function district(name: string, code: string, change: (d: DistrictData) => void): DistrictData {
  const d = compliantDistrict(name, code);
  change(d);
  return d;
}

const explain = (v: IndicatorInput, explanation: string): IndicatorInput => ({ ...v, explanation });

/** Six districts of 滨海市, by file name. */
export function exampleCity(): Record<string, DistrictData> {
  return {
    东城区: compliantDistrict(),
    西城区: district('西城区', '379903', (d) => {
      d.values.JF01 = { last: 48000, current: 50400 };
      d.values.JF02 = explain({ last: 60000, current: 63720 }, '受土地出让收入下降影响，政府性基金预算安排减少');
      d.values.XS01 = { last: 52.4, current: 54.1 };
      d.values.JS07 = explain({ current: 686 }, '新招聘教师学历提升计划正在实施，预计2026年达标');
      d.values.XQ03 = { last: 8200, current: 7100 };
      d.values.XQ05 = { last: 83.33, current: 76.35 };
      d.values.XQ06 = explain({ last: 54.67, current: 47.97 }, '两所公办园改扩建期间暂停招生');
      d.values.AQ06 = explain({ current: 55 }, '5所新建学校卫生室正在建设');
    }),
    北海区: district('北海区', '379904', (d) => {
      d.values.JF01 = { last: 45000, current: 49500 };
      d.values.JF16 = { current: 4100 };
      d.values.XS01 = { last: 52.2, current: 53.6 };
      d.values.YW07 = { current: 100 };
      d.values.YW04 = { last: 10, current: 12 };
      d.values.YW05 = { current: 1 };
      d.values.YW06 = { current: 1 };
      d.values.GG06 = explain({ current: 0 }, '本年度未发现需行政处罚的违法违规行为');
      d.schools[0] = school(1, '北海区实验小学', '小学', 2380, 50, { large: 8, huge: 0 });
      d.schools[1] = school(2, '北海区第一中学', '初中', 1620, 36, { large: 3, huge: 1 });
      d.rectification.push(
        rect(
          3,
          '市级评价',
          '大班额尚未全部消除',
          '新建北海区第二实验小学',
          '推进中',
          new Date(Date.UTC(2026, 7, 31)),
          null,
        ),
      );
    }),
    南山县: district('南山县', '379921', (d) => {
      d.info.phone = '5212345';
      d.info.date = new Date(Date.UTC(2024, 11, 20));
      d.values.JF01 = { last: 41000, current: '约43000' };
      d.values.JF04 = { last: 13500, current: '13,980' };
      d.values.JS12 = { current: { formula: 'B1/0', result: { error: '#DIV/0!' } } };
      d.values.XQ05 = { last: 81.2, current: 88.5 };
      d.values.XS01 = { last: 50.2, current: '49.6%' };
      d.values.JS13 = { current: '否' };
      d.values.AQ10 = explain({ current: '是' }, '县二中一栋D级危房已停用待拆除');
      d.schools.push(school(6, '南山县实验小学', '小学', 720, 0));
    }),
    青石市: district('青石市', '379981', (d) => {
      d.values.JF01 = explain({ last: 61000, current: 59800 }, '上年含一次性校舍建设支出');
      d.values.JF05 = { last: 19000, current: 18650 };
      d.values.JF12 = { current: '否' };
      d.values.JS03 = { current: 120 };
      d.values.JS10 = { current: 61200 };
      d.values.XS02 = { last: 52.1, current: 51.7 };
      d.values.AQ08 = { current: 72 };
      d.values.GG02 = { current: 1 };
    }),
    滨海经济开发区: district('滨海经济开发区', '379971', (d) => {
      d.values.JF01 = { last: 20000, current: 23000 };
      d.values.XS01 = { last: 55.8, current: 56.3 };
      d.values.XQ02 = { last: 6000, current: 6400 };
      d.values.XQ03 = { last: 2700, current: 2900 };
      d.values.XQ04 = { last: 2300, current: 2350 };
      d.values.XQ05 = { last: 83.33, current: 82.03 };
      d.values.XQ06 = { last: 45, current: 45.31 };
      d.values.YW09 = { current: 85 };
      d.values.GZ02 = { last: 3000, current: 3200 };
      d.values.GZ03 = { last: 1500, current: 1400 };
      d.values.JF15 = { current: 500 };
      d.values.JF16 = { current: 480 };
      d.values.GG01 = { current: 1 };
      d.values.JF07 = { last: 21000, current: 2100 };
    }),
  };
}
