import { printTable, writeJson } from './harness';

/**
 * npm run bench [-- suite…]: runs the named suites (all by default), prints a table and writes
 * bench/results/latest.json. Each suite module exports `run(): Promise<void>`.
 */
const suites: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  allocation: () => import('./allocation'),
  seed: () => import('./seed'),
  'accounts-ui': () => import('./accounts-ui'),
  o2c: () => import('./order-to-cash'),
  import: () => import('./import'),
  credit: () => import('./credit'),
  export: () => import('./export'),
  dashboard: () => import('./dashboard'),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(suites);
  for (const name of names) {
    const load = suites[name];
    if (!load) throw new Error(`unknown bench suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.stdout.write(`\n# ${name}\n`);
    await (await load()).run();
  }
  printTable();
  process.stdout.write(`\nresults: ${writeJson()}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
