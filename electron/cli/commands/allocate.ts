import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { type RulesDocument, rulesDocumentSchema } from '../../../shared/contract/allocation';
import { withBackend } from '../backend';
import { CliExit, EXIT, printJson } from '../output';
import { globals, intOption } from '../program';
import { printPanel, resolveAccountArgs } from './cli-refs';

/** Reads and checks a rules file, naming the file and the place of the first problem. */
export function readRulesFile(path: string): RulesDocument {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliExit(EXIT.failed, `无法读取规则文件 / cannot read the rules file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliExit(EXIT.failed, `规则文件不是有效的 JSON / the rules file is not valid JSON: ${file}: ${(error as Error).message}`);
  }
  const parsed = rulesDocumentSchema.safeParse(json, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  - ${i.path.map(String).join('.') || '(根)'}: ${i.message}`);
    throw new CliExit(
      EXIT.failed,
      `规则文件格式不对 / the rules file is malformed: ${file}\n${issues.join('\n')}\n应为 / expected: {"rules": [{"name"?, "match"?: {"territories"?, "industries"?, "tiers"?, "sources"?, "tags"?}, "targets": [业务员…], "strategy"?: "single|round_robin|least_accounts|least_receivables|capacity"}], "fallback"?: "pool" | 业务员}`,
    );
  }
  return parsed.data;
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description('按规则自动分配客户（默认：全部未分配客户）/ auto-allocate accounts by rules (default: all unassigned)')
    .requiredOption('--rules <file|saved>', '规则 JSON 文件，或 saved 使用数据库中保存的规则 / a rules JSON file, or "saved"')
    .option('--dry-run', '只预览，不修改 / preview only')
    .option('--json', 'JSON output')
    .option('--accounts <refs...>', '只分配这些客户（编号或 id）/ only these accounts (codes or ids)')
    .option('--reason <text>', '原因 / reason', '自动分配')
    .option('--rows <n>', '预览中列出的客户数 / accounts listed in the preview', intOption('--rows', 0), 20)
    .action(async (opts: { rules: string; dryRun?: boolean; json?: boolean; accounts?: string[]; reason: string; rows: number }, cmd: Command) => {
      const rules = opts.rules === 'saved' ? ({ source: 'saved' } as const) : ({ source: 'inline', document: readRulesFile(opts.rules) } as const);
      await withBackend(globals(cmd), async ({ client }) => {
        const scope = opts.accounts ? ({ kind: 'accounts', ids: await resolveAccountArgs(client, opts.accounts) } as const) : ({ kind: 'unassigned' } as const);
        const preview = await client.call('allocation.preview', { scope, rules, rowLimit: opts.json ? 500 : opts.rows });
        if (opts.dryRun) {
          if (opts.json) return printJson(preview);
          process.stdout.write(`预览（未修改）/ preview (nothing changed): ${preview.accountCount} 个客户，${preview.changeCount} 个将变更，${preview.unmatchedCount} 个无匹配规则\n`);
          for (const r of preview.byRule) process.stdout.write(`  ${r.name}: ${r.count}\n`);
          printPanel(preview.panel, opts.rows);
          return;
        }
        const result = await client.call('allocation.apply', { scope, rules, reason: opts.reason, expectFingerprint: preview.fingerprint });
        if (opts.json) return printJson({ ...result, accountCount: preview.accountCount, unmatchedCount: preview.unmatchedCount, byRule: preview.byRule, reps: preview.panel.reps });
        process.stdout.write(`已分配 / allocated ${result.changed} 个客户（${result.toPool} 个进入公海）\n`);
        for (const r of preview.byRule) process.stdout.write(`  ${r.name}: ${r.count}\n`);
        if (result.journalId) process.stdout.write(`撤销 / undo: salesdesk undo ${result.journalId}\n`);
      });
    });
}
