import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Picks the UI language's half of a {zh, en} text the backend sent (credit reasons are written in both). */
export function useLocalized(): (text: { zh: string; en: string }) => string {
  const { i18n } = useTranslation();
  return useCallback((text) => (i18n.language === 'en' ? text.en : text.zh), [i18n.language]);
}
