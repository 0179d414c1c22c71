// Headless Chromium (Debian's /usr/bin/chromium through playwright-core), as the package's
// own browser test launches it; page errors, console errors and failed requests are
// collected so that a broken build fails with its own message rather than a timeout.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'naplint-examples-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    context,
    async page() {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
      });
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      return { page, problems };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for `document.body.dataset.ready`; fails with the page's own error. */
export async function waitReady(page, problems) {
  const ready = await page
    .waitForFunction(() => document.body.dataset.ready, null, { timeout: 30_000 })
    .then((h) => h.jsonValue())
    .catch((e) => `timeout: ${e.message}`);
  if (ready !== 'true') throw new Error(`the page did not become ready: ${ready}\n${problems.join('\n')}`);
}
