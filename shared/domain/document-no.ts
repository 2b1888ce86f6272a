/**
 * How a typed document number may be stored: as typed first (imported orders and payments keep the
 * number the rep's sheet gave them, e.g. wz-po-88), then in upper case, as the app writes its own
 * (so-2026-000123 typed for SO-2026-000123).
 */
export function documentNoCandidates(typed: string): string[] {
  const exact = typed.trim();
  const upper = exact.toUpperCase();
  return upper === exact ? [exact] : [exact, upper];
}
