export function findChromium(): string | null;
export const HOW_TO_GET_CHROMIUM: string;
