#!/usr/bin/env node
// Installs the pinned npm tools (package-lock.json) into <repo>/node_modules,
// but only when node_modules is missing or was installed from another lockfile.
// Called by the root pom in the validate phase; safe to run by hand.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..');
const lockfile = path.join(repoRoot, 'package-lock.json');
const nodeModules = path.join(repoRoot, 'node_modules');
const stampFile = path.join(nodeModules, '.pingpp-lockfile.sha256');
// Several builds may share one checkout; npm ci wipes node_modules, so only one may run it.
const installLock = path.join(repoRoot, 'target', 'ensure-node-modules.lock');
const lockWaitMillis = 10 * 60 * 1000;

class SetupError extends Error {}

function fail(message) {
  throw new SetupError(message);
}

function log(message) {
  console.log(`[ensure-node-modules] ${message}`);
}

function requireSupportedNode() {
  const wanted = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node;
  const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(wanted);
  if (!minimum) fail(`package.json engines.node must have the form ">=X.Y.Z", found "${wanted}"`);
  const [major, minor, patch] = process.versions.node.split('.').map(Number);
  const [wantMajor, wantMinor, wantPatch] = minimum.slice(1).map(Number);
  const tooOld = major !== wantMajor ? major < wantMajor
    : minor !== wantMinor ? minor < wantMinor
    : patch < wantPatch;
  if (tooOld) fail(`Node.js ${wanted} is required, this is ${process.version} (${process.execPath})`);
}

function lockfileDigest() {
  if (!fs.existsSync(lockfile)) fail(`${lockfile} is missing`);
  return crypto.createHash('sha256').update(fs.readFileSync(lockfile)).digest('hex');
}

function isUpToDate(digest) {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === digest;
}

function sleep(millis) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, millis);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function acquireInstallLock() {
  fs.mkdirSync(path.dirname(installLock), { recursive: true });
  const giveUpAt = Date.now() + lockWaitMillis;
  for (;;) {
    try {
      fs.mkdirSync(installLock);
      fs.writeFileSync(path.join(installLock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readIfExists(path.join(installLock, 'pid')), 10);
    if (Number.isInteger(owner) && !isAlive(owner)) {
      log(`removing stale lock of dead process ${owner}`);
      fs.rmSync(installLock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > giveUpAt) fail(`gave up waiting for ${installLock} (held by process ${owner})`);
    sleep(500);
  }
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function releaseInstallLock() {
  fs.rmSync(installLock, { recursive: true, force: true });
}

function npmCi() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --ignore-scripts: none of the tools needs an install script; the only one present is telemetry.
  const args = ['ci', '--no-audit', '--no-fund', '--ignore-scripts'];
  log(`running npm ${args.join(' ')} in ${repoRoot}`);
  const result = spawnSync(npm, args, { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error && result.error.code === 'ENOENT') {
    fail('npm was not found on PATH. Install Node.js (which ships npm) and run the build again.');
  }
  if (result.error) fail(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm ci failed with exit code ${result.status ?? result.signal}`);
}

function main() {
  requireSupportedNode();
  const digest = lockfileDigest();
  if (isUpToDate(digest)) {
    log('node_modules matches package-lock.json, nothing to do');
    return;
  }
  acquireInstallLock();
  try {
    if (isUpToDate(digest)) {
      log('node_modules was installed by a concurrent build');
      return;
    }
    npmCi();
    fs.writeFileSync(stampFile, `${digest}\n`);
    log('node_modules installed');
  } finally {
    releaseInstallLock();
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`[ensure-node-modules] ERROR: ${error.message}`);
  process.exitCode = 1;
}
