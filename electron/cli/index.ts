import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../backend/version';
import { registerAccounts } from './commands/accounts';
import { registerAr } from './commands/ar';
import { registerCases } from './commands/cases';
import { registerCredit } from './commands/credit';
import { registerOrders } from './commands/orders';
import { registerPayments } from './commands/payments';
import { registerAllocate } from './commands/allocate';
import { registerFollowups } from './commands/followups';
import { registerPool } from './commands/pool';
import { registerReps } from './commands/reps';
import { registerUndo } from './commands/undo';
import { registerBackup } from './commands/backup';
import { registerDb } from './commands/db';
import { registerImports } from './commands/imports';
import { registerExport } from './commands/export';
import { registerSeed } from './commands/seed';
import { registerTargets } from './commands/targets';
import { registerDashboard } from './commands/dashboard';
import { reportError } from './output';

/** salesdesk: the app's own services from the command line, for automation and tests. */
export function buildProgram(): Command {
  const program = new Command('salesdesk')
    .description('SalesDesk 销售内勤台 命令行 / command line')
    .version(APP_VERSION)
    .option('--db <file>', 'SQLite 数据库文件（默认：用户数据目录）/ database file (default: the user-data folder)')
    .option('--user <username>', '以此用户身份操作（写入审计日志）/ act as this user (for the audit log)')
    .showHelpAfterError()
    .exitOverride();
  registerDb(program);
  registerSeed(program);
  registerBackup(program);
  registerAccounts(program);
  registerOrders(program);
  registerPayments(program);
  registerAr(program);
  registerCases(program);
  registerCredit(program);
  registerAllocate(program);
  registerPool(program);
  registerUndo(program);
  registerReps(program);
  registerFollowups(program);
  registerImports(program);
  registerExport(program);
  registerTargets(program);
  registerDashboard(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    return reportError(error);
  }
}

const invokedDirectly = process.argv[1] && /electron[\\/]cli[\\/]index\.ts$/.test(process.argv[1]);
if (invokedDirectly || process.env.SALESDESK_CLI_BIN === '1') {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
