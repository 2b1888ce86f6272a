/**
 * Hosts the app may hand to the system browser with shell.openExternal. Everything else a page tries
 * to open (window.open, target=_blank, a link to any other site) is simply refused: a business
 * database app has no reason to send people anywhere else.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  // 国家企业信用信息公示系统: checking a customer's registration and unified social credit code.
  'www.gsxt.gov.cn',
  // 信用中国: public credit records (dishonest-debtor lists) for credit decisions.
  'www.creditchina.gov.cn',
];

/** The URL to open in the system browser, or null when it is not an https URL on the allow-list. */
export function allowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  if (!hosts.includes(parsed.hostname)) return null;
  return parsed.href;
}
