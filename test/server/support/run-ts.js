// Runs a TypeScript entry point in a real child process, compiling each .ts file on require with
// @swc/core (the compiler jest already uses), so process-level tests need no prior `npm run build`.
// Usage: node test/server/support/run-ts.js <entry.ts> [args...]
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
// Loaded as the main module, so the entry's `require.main === module` check starts it.
Module._load(entry, null, true);
