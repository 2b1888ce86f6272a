import { type AncestorIndex, isWithin } from './territory-tree';

export type Tier = 'A' | 'B' | 'C';

/**
 * What an auto-allocation rule looks at. Every criterion given must hold (AND); within one criterion
 * any listed value will do (OR). An empty or missing criterion does not restrict.
 */
export interface RuleMatch {
  /** A territory matches its whole subtree (华东 covers 上海 and 浦东). */
  territoryIds?: readonly string[];
  industries?: readonly string[];
  tiers?: readonly Tier[];
  sources?: readonly string[];
  /** The account carries at least one of these tags (by name). */
  tags?: readonly string[];
}

export interface MatchableAccount {
  territoryId: string | null;
  industry: string | null;
  tier: Tier;
  source: string | null;
  tags: readonly string[];
}

export interface OrderedRule {
  id: string;
  enabled: boolean;
  match: RuleMatch;
}

/** Industry and source values come from people's spreadsheets: compare them trimmed and case-blind. */
function norm(value: string): string {
  return value.trim().toLowerCase();
}

function anyOf(wanted: readonly string[] | undefined, actual: readonly string[]): boolean {
  if (!wanted || wanted.length === 0) return true;
  const have = new Set(actual.map(norm));
  return wanted.some((w) => have.has(norm(w)));
}

export function ruleMatches(match: RuleMatch, account: MatchableAccount, territories: AncestorIndex): boolean {
  if (match.territoryIds && match.territoryIds.length > 0) {
    if (!match.territoryIds.some((t) => isWithin(territories, account.territoryId, t))) return false;
  }
  if (match.tiers && match.tiers.length > 0 && !match.tiers.includes(account.tier)) return false;
  if (!anyOf(match.industries, account.industry === null ? [] : [account.industry])) return false;
  if (!anyOf(match.sources, account.source === null ? [] : [account.source])) return false;
  if (!anyOf(match.tags, account.tags)) return false;
  return true;
}

/** Rules are tried in the order given; the first enabled one that matches wins. */
export function firstMatchingRule<R extends OrderedRule>(rules: readonly R[], account: MatchableAccount, territories: AncestorIndex): R | null {
  for (const r of rules) {
    if (r.enabled && ruleMatches(r.match, account, territories)) return r;
  }
  return null;
}
