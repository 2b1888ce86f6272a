import { parse } from 'csv-parse/sync';

/** One electronegativity finding, as in its CSV report. */
export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  sample: string;
  description: string;
  url: string;
}

/** The shape @doyensec/electronegativity's run() returns for each issue (only what we read). */
export interface EngIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string | null;
  description: string;
}

/** Findings of these severities fail the check (CI and `npm run security`). */
export const BLOCKING_SEVERITIES: readonly string[] = ['HIGH', 'CRITICAL'];

const COLUMNS: readonly (keyof Finding)[] = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

export function findingFromIssue(issue: EngIssue): Finding {
  return {
    issue: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    filename: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? 'N/A',
    description: issue.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
  };
}

const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;

/**
 * The report in electronegativity's own CSV columns. We write it ourselves: the tool's CSV writer
 * starts the header write and the rows append concurrently, and the header regularly lands on top of
 * the first row (seen with 1.10.3), which would make the severities unreadable.
 */
export function findingsToCsv(findings: readonly Finding[]): string {
  const lines = [COLUMNS.join(', ')];
  for (const f of findings) lines.push(COLUMNS.map((c) => quote(f[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function findingsFromCsv(text: string): Finding[] {
  const records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const missing = COLUMNS.filter((c) => typeof r[c] !== 'string');
    if (missing.length > 0) throw new Error(`electronegativity CSV row without ${missing.join(', ')}`);
    return Object.fromEntries(COLUMNS.map((c) => [c, r[c]!])) as unknown as Finding;
  });
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => BLOCKING_SEVERITIES.includes(f.severity.trim().toUpperCase()));
}

/** One readable line per finding, worst first. */
export function formatFindings(findings: readonly Finding[]): string {
  const rank = (s: string): number => ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].indexOf(s.toUpperCase());
  return [...findings]
    .sort((a, b) => rank(a.severity) - rank(b.severity))
    .map((f) => `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue}  ${f.filename}:${f.location}\n      ${f.description}\n      ${f.url}`)
    .join('\n');
}
