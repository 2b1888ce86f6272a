/**
 * A problem found in one row: which column (sheet letter and header), the value as the user typed
 * it, a stable code and the message in both languages. Errors block the row; warnings do not.
 */
export interface RowIssue {
  level: 'error' | 'warning';
  code: string;
  /** 0-based sheet column, null for row-level issues (duplicates, missing required group). */
  col: number | null;
  field: string | null;
  value: string;
  zh: string;
  en: string;
  suggestions?: string[];
}

export function issue(level: RowIssue['level'], code: string, col: number | null, field: string | null, value: string, zh: string, en: string, suggestions?: string[]): RowIssue {
  const i: RowIssue = { level, code, col, field, value, zh, en };
  if (suggestions && suggestions.length) i.suggestions = suggestions;
  return i;
}
