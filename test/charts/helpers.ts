/** Districts of the bundled ruleset for the chart tests, in memory as the feedback tests build them. */
import type { Report } from '../../src/core/types';
import { preschool, report } from '../feedback/helpers';

// XQ05 / XQ06: 环翠区 90 / 70, 文登区 90 / 45, 荣成市 85 / 55, 乳山市 82 / 52 (city 87.7 / 53.2)
export const hc = (): Report => report({ name: '环翠区', code: '371002', rows: preschool(10000, 7000, 2000) });
export const wd = (): Report =>
  report({
    name: '文登区',
    code: '371003',
    rows: { ...preschool(20000, 9000, 9000), XS01: { E: 55, F: 50 }, YW07: { F: 96, I: '部分学校场地不足' } },
  });
export const rc = (): Report => report({ name: '荣成市', code: '371082', rows: preschool(5000, 2750, 1500) });
export const rs = (): Report =>
  report({ name: '乳山市', code: '371083', rows: { ...preschool(10000, 5200, 3000), JF01: { E: 100000, F: 95000 } } });
