#!/usr/bin/env node
// Runs one of the pinned npm tools from <repo>/node_modules for the api-tooling build and checks that it
// produced its output file. Some of these tools fail quietly (openapi2postmanv2 exits 0 without writing
// anything when the output folder is missing), so the build trusts the file, not only the exit code.
//
//   node run-node-tool.cjs --output <file> -- <script under node_modules> [tool arguments...]
//
// Creates the output's folder, removes a stale output first, runs `node <script> args` with telemetry
// and update checks off, and exits with the tool's exit code, or 1 when the tool exited 0 without
// writing a non-empty output.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');

function fail(message) {
  console.error(`[run-node-tool] ERROR: ${message}`);
  process.exit(1);
}

function parseArguments(argv) {
  const separator = argv.indexOf('--');
  if (separator < 0 || argv[0] !== '--output' || separator !== 2 || argv.length < 4) {
    fail('usage: run-node-tool.cjs --output <file> -- <script under node_modules> [arguments...]');
  }
  return { output: path.resolve(argv[1]), script: argv[3], toolArguments: argv.slice(4) };
}

const { output, script, toolArguments } = parseArguments(process.argv.slice(2));
const scriptPath = path.join(repoRoot, 'node_modules', script);
if (!fs.existsSync(scriptPath)) {
  fail(`${scriptPath} is missing: the root build installs the pinned tools (tools/ensure-node-modules.cjs); `
    + 'build from the repository root, e.g. ./mvnw -B -pl api-tooling -am verify');
}

fs.mkdirSync(path.dirname(output), { recursive: true });
fs.rmSync(output, { force: true });

const env = {
  ...process.env,
  // Redocly CLI: no usage data leaves the machine, no update check against the registry.
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};
const result = spawnSync(process.execPath, [scriptPath, ...toolArguments], { cwd: repoRoot, env, stdio: 'inherit' });
if (result.error) fail(`could not run ${script}: ${result.error.message}`);
if (result.status !== 0) {
  console.error(`[run-node-tool] ${script} exited with ${result.status ?? result.signal}`);
  process.exit(result.status ?? 1);
}
if (!fs.existsSync(output) || fs.statSync(output).size === 0) {
  fail(`${script} exited 0 but did not write ${output}`);
}
console.log(`[run-node-tool] wrote ${path.relative(repoRoot, output)} (${fs.statSync(output).size} bytes)`);
