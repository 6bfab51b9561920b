import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestBridge, type TestBridge, type TestBridgeOptions } from '../bridge/server';
import { RENDERER_DIR, SHIM_DIR } from './global-setup';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Debian's Chromium, headless, with a fresh profile. The background-networking flags matter:
 * without them Chromium phones home at start and this machine's closed network refuses it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Session {
  bridge: TestBridge;
  page: Page;
  errors: string[];
  /** Every URL the page requested, in order: the app must never reach outside the bridge. */
  requests: string[];
  close(): Promise<void>;
}

export type BridgeOverrides = Pick<TestBridgeOptions, 'pickModelFile' | 'pickFolder' | 'services'> & {
  /** Open as a first start does, on the welcome guide. Defaults to `false`: the guide is done. */
  firstRun?: boolean;
};

/** Real services in `dataDir`, the built renderer, and a page open at `screen`. */
export async function openApp(
  browser: Browser,
  dataDir: string,
  screen = '/chat',
  overrides: BridgeOverrides = {},
): Promise<Session> {
  const { firstRun, ...bridgeOverrides } = overrides;
  const bridge = await startTestBridge({
    dataDir,
    rendererDir: RENDERER_DIR,
    shimFile: join(SHIM_DIR, 'shim.js'),
    ...bridgeOverrides,
  });
  if (!firstRun) bridge.services.settings.set({ onboardingDone: true });
  // An English system, whatever this machine's: the language setting decides the rest.
  const context = await browser.newContext({ viewport: { width: 1100, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  // A limit catches a hang, not a busy machine: CI may share its cores with other work.
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${bridge.url}#${screen}`);
  try {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  } catch (error) {
    await context.close();
    await bridge.close();
    throw new Error(`The app did not render: ${errors.join(' | ') || String(error)}`, { cause: error });
  }
  let closed = false;
  return {
    bridge,
    page,
    errors,
    requests,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await bridge.close();
    },
  };
}

/** Saves the whole screen, including what the scrolling <main> hides below the fold. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1100, height: 720 };
  const contentHeight = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, contentHeight) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

/**
 * One browser per test file, and every session a test opens closed after it (even on failure).
 * `open` starts real services over `dataDir` and shows `screen`.
 */
export function useApp(): { open(dataDir: string, screen?: string, overrides?: BridgeOverrides): Promise<Session> } {
  let browser: Browser | undefined;
  const open: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const sessions = open.splice(0);
    const leaked = sessions.flatMap((session) => session.bridge.leakedPaths());
    for (const session of sessions) await session.close();
    // Over every error path the test drove: the page never saw a path the user did not give.
    expect(leaked, 'absolute paths in error messages sent to the page').toEqual([]);
  });
  return {
    async open(dataDir, screen, overrides) {
      const session = await openApp(browser!, dataDir, screen, overrides);
      open.push(session);
      return session;
    },
  };
}
