// npm test: node tests (domain, db, services, CLI), then the renderer build, then browser tests in a
// real Chromium against the loopback backend. Every step runs; the exit code says whether all passed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['node tests', 'npx', ['vitest', 'run', '--project', 'node']],
  ['renderer build', 'npx', ['electron-vite', 'build']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['browser tests', 'npx', ['vitest', 'run', '--project', 'browser']],
];

const failed = [];
for (const [name, cmd, args] of steps) {
  if (name === 'browser tests' && failed.some((f) => f === 'renderer build' || f === 'chromium')) {
    failed.push(name);
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) failed.push(name);
}
process.stdout.write(failed.length ? `\nFAILED: ${failed.join(', ')}\n` : '\nall test steps passed\n');
process.exit(failed.length ? 1 : 0);
