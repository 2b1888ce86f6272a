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

/** A rule's match prepared once (normalised sets) for matching 100,000 accounts. */
export interface CompiledMatch {
  territoryIds: readonly string[] | null;
  tiers: ReadonlySet<Tier> | null;
  industries: ReadonlySet<string> | null;
  sources: ReadonlySet<string> | null;
  tags: ReadonlySet<string> | null;
}

const setOf = (values: readonly string[] | undefined): Set<string> | null => (values && values.length > 0 ? new Set(values.map(norm)) : null);

export function compileMatch(match: RuleMatch): CompiledMatch {
  return {
    territoryIds: match.territoryIds && match.territoryIds.length > 0 ? match.territoryIds : null,
    tiers: match.tiers && match.tiers.length > 0 ? new Set(match.tiers) : null,
    industries: setOf(match.industries),
    sources: setOf(match.sources),
    tags: setOf(match.tags),
  };
}

/** An account with its free-text fields normalised once. */
export interface PreparedAccount {
  territoryId: string | null;
  tier: Tier;
  industry: string | null;
  source: string | null;
  tags: readonly string[];
}

export function prepareAccount(a: MatchableAccount): PreparedAccount {
  return { territoryId: a.territoryId, tier: a.tier, industry: a.industry === null ? null : norm(a.industry), source: a.source === null ? null : norm(a.source), tags: a.tags.map(norm) };
}

export function compiledMatches(m: CompiledMatch, a: PreparedAccount, territories: AncestorIndex): boolean {
  if (m.tiers && !m.tiers.has(a.tier)) return false;
  if (m.industries && (a.industry === null || !m.industries.has(a.industry))) return false;
  if (m.sources && (a.source === null || !m.sources.has(a.source))) return false;
  if (m.tags && !a.tags.some((t) => m.tags!.has(t))) return false;
  if (m.territoryIds && !m.territoryIds.some((t) => isWithin(territories, a.territoryId, t))) return false;
  return true;
}

export function ruleMatches(match: RuleMatch, account: MatchableAccount, territories: AncestorIndex): boolean {
  return compiledMatches(compileMatch(match), prepareAccount(account), territories);
}

/** Rules are tried in the order given; the first enabled one that matches wins. */
export function firstMatchingRule<R extends OrderedRule>(rules: readonly R[], account: MatchableAccount, territories: AncestorIndex): R | null {
  const a = prepareAccount(account);
  for (const r of rules) {
    if (r.enabled && compiledMatches(compileMatch(r.match), a, territories)) return r;
  }
  return null;
}
