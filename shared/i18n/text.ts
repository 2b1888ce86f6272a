/** A message in both UI languages; the backend picks one for the caller. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

export function msg(zh: string, en: string): LocalizedText {
  return { zh, en };
}
