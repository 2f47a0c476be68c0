import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from '../preflight/preflight';
import { DEMO_PASSWORD, unusedTotp } from './auth';

/** Debian's Chromium, headless, with no traffic leaving the machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Logs in through the real login form from the home page, answering the one-time-code step when asked. */
export async function loginThroughUi(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  if (username === 'admin' || username === 'auditor') {
    const otp = page.locator('input[name=otp]');
    await otp.waitFor();
    await otp.fill(await unusedTotp(`${baseUrl}|${username}`));
    await page.locator('button[type=submit]').click();
  }
}

/**
 * The message shown under an input: the helper text MUI ties to it with
 * aria-describedby, read once the input is marked invalid.
 */
export async function fieldError(input: Locator): Promise<string> {
  await input.and(input.page().locator('[aria-invalid=true]')).waitFor();
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  if (ids.length === 0) throw new Error('the input names no helper text (aria-describedby)');
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ').trim();
}
