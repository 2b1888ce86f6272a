import { describe, expect, it } from 'vitest';
import { documentNoCandidates } from './document-no';

describe('document numbers as typed', () => {
  it('tries the number as typed, then as the app writes its own', () => {
    expect(documentNoCandidates(' SO-2026-000123 ')).toEqual(['SO-2026-000123']);
    expect(documentNoCandidates('so-2026-000123')).toEqual(['so-2026-000123', 'SO-2026-000123']);
    expect(documentNoCandidates('wz-po-88')).toEqual(['wz-po-88', 'WZ-PO-88']);
    expect(documentNoCandidates('订单-7')).toEqual(['订单-7']);
  });
});
