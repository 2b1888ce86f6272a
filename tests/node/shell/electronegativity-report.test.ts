import { describe, expect, it } from 'vitest';
import {
  type EngIssue,
  blockingFindings,
  findingFromIssue,
  findingsFromCsv,
  findingsToCsv,
  formatFindings,
} from '../../../scripts/lib/electronegativity-report';

const issue = (id: string, severity: string, sample: string | null = null): EngIssue => ({
  id,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  file: 'electron/main/window.ts',
  location: { line: 12, column: 4 },
  sample,
  description: `Review ${id}`,
});

describe('electronegativity report', () => {
  it('round-trips through CSV, samples with quotes, commas and line breaks included', () => {
    const findings = [
      issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'new BrowserWindow({ webPreferences: { contextIsolation: false, "x": 1 } })'),
      issue('CSP_GLOBAL_CHECK', 'LOW', "default-src 'self';\r\nstyle-src 'self' 'unsafe-inline'"),
      issue('PRELOAD_JS_CHECK', 'MEDIUM'),
    ].map(findingFromIssue);
    const csv = findingsToCsv(findings);
    expect(csv.split('\n')[0]).toBe('issue, severity, confidence, filename, location, sample, description, url');
    expect(findingsFromCsv(csv)).toEqual(findings);
    expect(findings[2]).toMatchObject({ sample: 'N/A', location: '12:4', url: 'https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK' });
  });

  it('fails on HIGH and CRITICAL only', () => {
    const findings = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s, i) => findingFromIssue(issue(`CHECK_${i}`, s)));
    expect(blockingFindings(findings).map((f) => f.severity)).toEqual(['CRITICAL', 'HIGH']);
    expect(blockingFindings(findingsFromCsv(findingsToCsv(findings)))).toHaveLength(2);
    expect(blockingFindings(findings.slice(2))).toEqual([]);
  });

  it('reads the tool’s own CSV layout (padded header, N/A samples) and refuses a broken one', () => {
    const own =
      'issue, severity, confidence, filename, location, sample, description, url\n' +
      'LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits",https://github.com/doyensec/electronegativity/wiki/LIMIT_NAVIGATION_GLOBAL_CHECK\n';
    const parsed = findingsFromCsv(own);
    expect(parsed).toHaveLength(1);
    expect(blockingFindings(parsed)[0]?.issue).toBe('LIMIT_NAVIGATION_GLOBAL_CHECK');
    // What the tool's racing writer produces: the header written over the first row.
    expect(() => findingsFromCsv("issue, severity, confidence, filename, location, sample, description, url\nlf'; script-src 'self'\",\"x\",https://x\n")).toThrow();
  });

  it('lists the worst first', () => {
    const text = formatFindings(['LOW', 'HIGH', 'MEDIUM'].map((s, i) => findingFromIssue(issue(`C${i}`, s))));
    expect(text.indexOf('HIGH')).toBeLessThan(text.indexOf('MEDIUM'));
    expect(text.indexOf('MEDIUM')).toBeLessThan(text.indexOf('LOW'));
  });
});
