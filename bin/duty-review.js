#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'build', 'cli', 'main.js');
if (!fs.existsSync(built)) {
  process.stderr.write('duty-review 尚未构建：请先在项目目录运行 npm install（或 npm run build:cli）。\n');
  process.exit(2);
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
