// Debian's Chromium through playwright-core: never a downloaded browser.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that fails fast, and records script errors and dialogs so tests can assert none. */
export async function newPage(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(8000);
  const events = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    events.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => events.errors.push(e.message));
  return { page, events };
}

/** Selects `needle` inside the article text the way a mouse would leave it, and tells the page. */
export async function selectInArticle(page: Page, needle: string, nth = 0) {
  await page.evaluate(
    ({ needle, nth }) => {
      const root = document.querySelector('[data-article-text]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(needle);
        if (i >= 0 && seen++ === nth) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + needle.length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(r);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
      throw new Error(`"${needle}" is not in one text node of the article`);
    },
    { needle, nth },
  );
}

export function docsPath(name: string): string {
  const dir = join(ROOT, 'docs');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
