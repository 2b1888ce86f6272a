import type { Command } from 'commander';
import { DEFAULT_DEMO_ACCOUNTS, DEFAULT_DEMO_SEED, seedDemo } from '../../backend/services/demo/seed-demo';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('生成演示数据 / generate demo data')
    .requiredOption('--demo', '演示公司（中文）/ the zh-CN demo company')
    .option('--accounts <n>', '客户数 / number of accounts', intOption('--accounts', 1), DEFAULT_DEMO_ACCOUNTS)
    .option('--reps <n>', '业务员数（默认随客户数增长）/ number of reps (default grows with accounts)', intOption('--reps', 1))
    .option('--order-lines <n>', '订单行总数（默认每个客户 10 行）/ total order lines (default 10 per account)', intOption('--order-lines', 0))
    .option('--seed <s>', '随机种子（相同种子生成相同数据）/ random seed', intOption('--seed', 0), DEFAULT_DEMO_SEED)
    .option('--json', 'JSON output')
    .action(async (opts: { accounts: number; reps?: number; orderLines?: number; seed: number; json?: boolean }, cmd: Command) => {
      await withBackend(globals(cmd), ({ backend }) => {
        const { core, runtime } = backend;
        const count = core.sqlite.prepare('select count(*) as n from accounts').get() as { n: number };
        if (count.n > 0) throw new CliExit(EXIT.failed, `数据库里已有 ${count.n} 个客户，演示数据只能写入空数据库 / the database already holds data`);
        const result = seedDemo(core, { actor: runtime.session.actor(), accounts: opts.accounts, reps: opts.reps, orderLines: opts.orderLines, seed: opts.seed });
        if (opts.json) return printJson(result);
        process.stdout.write(`已生成演示数据 / demo data: ${JSON.stringify(result)}\n`);
      });
    });
}
