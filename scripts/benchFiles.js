/**
 * Realistic returned workbooks for the benchmarks (scripts/bench.js, scripts/bench-page.js): the
 * template filled with the example city's figures, each district with its own name and
 * 行政区划代码, protected as districts receive it. Needs the compiled sources (npm run build:cli).
 */
'use strict';
const path = require('node:path');

const build = path.join(__dirname, '..', 'build');

/** `n` workbooks written into `dir`; their paths. */
async function makeWorkbooks(dir, n) {
  const { exampleCity } = require(path.join(build, 'examples', 'city.js'));
  const { buildTemplate, protectTemplate } = require(path.join(build, 'hosts', 'file', 'template.js'));
  const { fillWorkbook } = require(path.join(build, 'hosts', 'file', 'fill.js'));
  const city = Object.values(exampleCity());
  const files = [];
  for (let i = 0; i < n; i++) {
    const base = city[i % city.length];
    const data = { ...base, info: { ...base.info, name: `${base.info.name}${i + 1}`, code: String(370000 + i) } };
    const wb = buildTemplate();
    fillWorkbook(wb, data);
    await protectTemplate(wb);
    const file = path.join(dir, `district-${String(i + 1).padStart(4, '0')}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

module.exports = { makeWorkbooks };
