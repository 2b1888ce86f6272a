// npm test: node tests (domain, db, services, CLI), then the renderer build, then browser tests in a
// real Chromium against the loopback backend. Every step runs; the exit code says whether all passed.
// The test steps also write vitest's JSON report, so the end of the output names every failed test with
// its error: a CI log that keeps only its tail still says what broke.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'salesdesk-test-'));
const vitest = (project) => [
  'npx',
  ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `${project}.json`)}`],
];

const steps = [
  ['node tests', ...vitest('node')],
  ['renderer build', 'npx', ['electron-vite', 'build']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['browser tests', ...vitest('browser')],
];

/** "file › suite › test: first lines of the error" for each failed test (or failed file) in a report. */
function failuresIn(project) {
  const file = join(reportDir, `${project}.json`);
  if (!existsSync(file)) return [`${project}: no report written (vitest did not finish)`];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const lines = [];
  for (const suite of report.testResults ?? []) {
    const where = relative(process.cwd(), suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) {
      const error = (t.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n      ');
      lines.push(`${where} › ${[...(t.ancestorTitles ?? []), t.title].join(' › ')}\n      ${error}`);
    }
    if (suite.status === 'failed' && failedTests.length === 0) lines.push(`${where}: ${(suite.message ?? 'failed').split('\n').slice(0, 6).join('\n      ')}`);
  }
  return lines;
}

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

if (failed.length) {
  process.stdout.write(`\nFAILED: ${failed.join(', ')}\n`);
  for (const [step, project] of [['node tests', 'node'], ['browser tests', 'browser']]) {
    if (!failed.includes(step)) continue;
    process.stdout.write(`\n${step}, failed:\n`);
    for (const line of failuresIn(project)) process.stdout.write(`  ✗ ${line}\n`);
  }
} else {
  process.stdout.write('\nall test steps passed\n');
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(failed.length ? 1 : 0);
