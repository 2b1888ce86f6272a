export interface Size {
  width: number;
  height: number;
}

/** Roomy enough for a 10-column grid beside the navigation, yet never larger than the screen. */
export const PREFERRED_WINDOW: Size = { width: 1440, height: 900 };
export const MIN_WINDOW: Size = { width: 1024, height: 640 };

export function initialWindowSize(workArea: Size): Size & { minWidth: number; minHeight: number } {
  const width = Math.max(Math.min(PREFERRED_WINDOW.width, Math.floor(workArea.width * 0.92)), Math.min(MIN_WINDOW.width, workArea.width));
  const height = Math.max(Math.min(PREFERRED_WINDOW.height, Math.floor(workArea.height * 0.92)), Math.min(MIN_WINDOW.height, workArea.height));
  return { width, height, minWidth: Math.min(MIN_WINDOW.width, workArea.width), minHeight: Math.min(MIN_WINDOW.height, workArea.height) };
}
