'use strict';
// Starts dynalite (local DynamoDB) for the Java LocalAwsStack.
// Usage: node dynalite-launcher.js [--check-node] [--path <dir>]
//   --check-node  only verify the Node version and exit (used by the Maven validate phase)
//   --path <dir>  keep tables on disk (LevelDB) instead of in memory
// Prints the bound port as one line on stdout, then runs until its stdin closes, so the
// process never outlives the JVM that started it.

const MIN_NODE_MAJOR = 20;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= MIN_NODE_MAJOR)) {
  process.stderr.write(
    'Node ' + process.versions.node + ' is too old: infra/local-aws needs Node >= ' + MIN_NODE_MAJOR +
    ' (dynalite 4). Install Node.js ' + MIN_NODE_MAJOR + ' LTS or newer (https://nodejs.org) and put it on PATH.\n');
  process.exit(3);
}

const args = process.argv.slice(2);
if (args.includes('--check-node')) {
  process.stdout.write('node ' + process.versions.node + ' ok\n');
  process.exit(0);
}

const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
const pathIndex = args.indexOf('--path');
if (pathIndex >= 0) {
  if (!args[pathIndex + 1]) {
    process.stderr.write('--path needs a directory\n');
    process.exit(2);
  }
  options.path = args[pathIndex + 1];
}

let dynalite;
try {
  dynalite = require('dynalite');
} catch (e) {
  process.stderr.write('dynalite is not installed: run `npm ci --no-audit --no-fund` in infra/local-aws (' + e.message + ')\n');
  process.exit(4);
}

const server = dynalite(options);
server.on('error', (err) => {
  process.stderr.write('dynalite failed: ' + err.message + '\n');
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(server.address().port + '\n');
});

function shutdown() {
  server.close(() => process.exit(0));
  // Open keep-alive connections can hold close() open; do not linger.
  setTimeout(() => process.exit(0), 500).unref();
}
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
