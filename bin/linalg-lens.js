#!/usr/bin/env node
// The `linalg-lens` command. The engine is bundled to dist/cli.js by `npm run build`
// (run automatically by `npm install` / `npm ci` through the `prepare` script).
'use strict';
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('linalg-lens: not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(3);
}
require(bundle).main();
