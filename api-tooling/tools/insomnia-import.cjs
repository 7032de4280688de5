#!/usr/bin/env node
// Imports the spec the way Insomnia does (npm insomnia-importers, the OpenAPI 3 importer Insomnia ships)
// and writes what it made of it: an Insomnia v4 export (workspace, folders, requests, environment).
//
//   node insomnia-import.cjs <spec.yaml> <output.json>
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line import/no-dynamic-require
const { convert } = require(path.join(repoRoot, 'node_modules', 'insomnia-importers'));

async function main() {
  const [spec, output] = process.argv.slice(2);
  if (!spec || !output) {
    console.error('usage: insomnia-import.cjs <spec.yaml> <output.json>');
    process.exit(2);
  }
  const result = await convert(fs.readFileSync(spec, 'utf8'));
  if (!result || result.type.id !== 'openapi3') {
    console.error(`[insomnia-import] ERROR: the spec was not imported as OpenAPI 3 (${result && result.type.id})`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const exported = { _type: 'export', __export_format: 4, __export_source: 'insomnia-importers', resources: result.data.resources };
  fs.writeFileSync(output, `${JSON.stringify(exported, null, 2)}\n`);
}

main().catch(error => {
  console.error(`[insomnia-import] ERROR: ${error.stack || error}`);
  process.exit(1);
});
