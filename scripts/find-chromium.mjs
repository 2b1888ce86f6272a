// Where a Chromium for browser tests lives: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or the one
// Playwright downloaded (on machines where that is possible).
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const pwDir = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(pwDir)) {
    for (const d of readdirSync(pwDir).filter((n) => n.startsWith('chromium')).sort().reverse()) {
      candidates.push(join(pwDir, d, 'chrome-linux', 'chrome'), join(pwDir, d, 'chrome-linux64', 'chrome'));
    }
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

export const HOW_TO_GET_CHROMIUM =
  '没有找到 Chromium，浏览器测试无法运行。/ No Chromium found for the browser tests.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
  '  Other systems: npx playwright install chromium (needs internet), or set CHROMIUM_PATH to a Chrome/Chromium binary.';
