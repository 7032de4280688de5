// Runs the Prism CLI as a child and stops it when this process's stdin reaches EOF.
// The JVM keeps our stdin open for the server's lifetime; if the JVM dies, even by
// SIGKILL, the pipe closes and Prism goes with it instead of lingering as an orphan.
// Usage: node prism-launcher.cjs <path to @stoplight/prism-cli/dist/index.js> <prism args...>
'use strict';

const { spawn } = require('node:child_process');
const { constants } = require('node:os');

const [cli, ...prismArgs] = process.argv.slice(2);
const child = spawn(process.execPath, [cli, ...prismArgs], { stdio: ['ignore', 'inherit', 'inherit'] });
const killGraceMillis = 5000;

function stop() {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), killGraceMillis).unref();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
child.on('error', (error) => {
  console.error(`prism-launcher: cannot start ${cli}: ${error.message}`);
  process.exit(1);
});
// Exit like a shell would report the child: its code, or 128 + signal number (143 after SIGTERM).
child.on('exit', (code, signal) => process.exit(code ?? 128 + constants.signals[signal]));
