import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HOW_TO_GET_CHROMIUM, findChromium } from '../../scripts/find-chromium.mjs';
import { startHttpServer, type HttpServer } from '../../electron/backend/http/server';
import type { Backend } from '../../electron/backend/createBackend';

export const SCREENSHOT_DIR = resolve('.screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** The built renderer served with a backend on 127.0.0.1, and a page open on it. */
export async function openApp(backend: Backend, browser: Browser, viewport = { width: 1440, height: 900 }): Promise<{ server: HttpServer; page: Page; errors: string[] }> {
  const server = await startHttpServer({ backend, staticDir: resolve('out/renderer') });
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return { server, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A browser test's app: Chromium, the built renderer over `backend` on 127.0.0.1, a page, and how to end it all. */
export interface StartedApp {
  page: Page;
  errors: string[];
  url: string;
  close(): Promise<void>;
}

/** Launches Chromium and opens the app on `t.backend`; close() stops the server, the browser and the backend. */
export async function startApp(t: { backend: Backend; close(): void }, viewport?: { width: number; height: number }): Promise<StartedApp> {
  const browser = await launchChromium();
  const app = await openApp(t.backend, browser, viewport);
  return {
    page: app.page,
    errors: app.errors,
    url: app.server.url,
    close: async () => {
      await app.server.close();
      await browser.close();
      t.close();
    },
  };
}
