import type { Browser, Page, Response } from 'playwright-core';
import type { Session } from '../support/auth';
import { foreignWords, type Lang, type LanguageRules } from './language';

/**
 * One walker visits, in one browser page, every screen a role's menu offers in one
 * language at one width, opens the first row of each list, and notes every way the
 * screens fail a user. See test/browser/walk.browser-spec.ts.
 */

export interface Finding {
  role: string;
  lang: Lang;
  width: number;
  /** The menu's path, then `→ <path of the record page>` for the first row's page. */
  screen: string;
  what: string;
}

export interface WalkJob {
  role: string;
  session: Session;
  lang: Lang;
  width: number;
  /** The menu's paths, dashboard first. */
  paths: string[];
}

const NAME_KEYS = ['surname', 'givenName', 'patronymic'];
/** Keys of 2xx API responses whose strings are people's data: words a screen shows as typed, in any language. */
const DATA_KEYS = new Set([
  ...NAME_KEYS,
  ...NAME_KEYS.map((key) => `${key}Latin`),
  ...['fullName', 'assignedToName', 'username', 'applicantName', 'comment', 'fileName'],
  ...['legalAct', 'reason', 'occupation', 'source'],
  ...['providerName', 'personName', 'note', 'providerNotes'],
]);
/**
 * Keys that are typed data only in some answers: a provider's `name` and address, a
 * referral's contact `name` (a job's `name` is a code).
 */
const DATA_KEYS_OF_PATH: Record<string, readonly string[]> = {
  '/api/service-providers': ['name', 'address'],
  '/api/referrals': ['name'],
  // Where a message went: the family's own e-mail address or phone.
  '/api/applicant-messages': ['recipient'],
};

/** react-admin's and the admin's translation keys, shown raw when a message is missing. */
const RAW_KEY = /\b(?:ra|app|resources)\.[a-z][\w-]*(?:\.[\w-]+)+/g;

/** The loading bar of react-admin's app bar and the spinners and skeletons of screens that load. */
const LOADING =
  '.RaLoadingIndicator-loader:visible, .RaLayout-content [role=progressbar]:visible, .MuiSkeleton-root:visible';

/** The first row of a list: a DataTable's on a wide screen, a SimpleList's on a phone. */
const FIRST_ROW =
  '.RaLayout-content table tbody tr:first-child, .RaLayout-content ul.MuiList-root > li.MuiListItem-root:first-child';
/** Where to click the first row when it opens a record: a cell holding no link, button or box of its own. */
const FIRST_ROW_TARGET =
  '.RaLayout-content table tbody tr.RaDataTable-clickableRow:first-child td:not(:has(a, button, input)), .RaLayout-content ul.MuiList-root > li.MuiListItem-root:first-child .MuiListItemButton-root';
/** Clicks on the first row before the walk counts it as unopenable: a busy machine may swallow one. */
const ROW_CLICKS = 3;

const wordsOfData = (value: unknown, into: Set<string>, keys: ReadonlySet<string>, key?: string): void => {
  if (typeof value === 'string') {
    if (key !== undefined && keys.has(key))
      for (const word of value.match(/\p{L}+/gu) ?? []) into.add(word.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) wordsOfData(item, into, keys, key);
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, item] of Object.entries(value)) wordsOfData(item, into, keys, name);
  }
};

const dataKeysOf = (path: string): ReadonlySet<string> => {
  const extra = Object.entries(DATA_KEYS_OF_PATH).find(([prefix]) => path.startsWith(prefix))?.[1];
  return extra ? new Set([...DATA_KEYS, ...extra]) : DATA_KEYS;
};

export interface WalkResult {
  findings: Finding[];
  /** Screens inspected: menu screens and record pages. */
  screens: number;
}

export async function walk(
  browser: Browser,
  baseUrl: string,
  job: WalkJob,
  russianOnly: ReadonlySet<string>,
): Promise<WalkResult> {
  const findings: Finding[] = [];
  let screens = 0;
  let screen = '(start)';
  const note = (what: string) => findings.push({ role: job.role, lang: job.lang, width: job.width, screen, what });
  const context = await browser.newContext({ viewport: { width: job.width, height: 900 } });
  context.setDefaultTimeout(15_000);
  // The session the admin keeps in sessionStorage and the language react-admin keeps in its store.
  await context.addInitScript(
    ({ session, lang }) => {
      const storage = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
        localStorage: { setItem(k: string, v: string): void };
      };
      storage.sessionStorage.setItem('qonys.session', session);
      storage.localStorage.setItem('RaStore.locale', JSON.stringify(lang));
    },
    { session: JSON.stringify(job.session), lang: job.lang },
  );
  const page = await context.newPage();
  const dataWords = new Set<string>();
  // The signed-in user's name and username, in the app bar and on the account page.
  wordsOfData(job.session, dataWords, DATA_KEYS);
  let inFlight = 0;
  let lastActivity = Date.now();
  const pending: Promise<void>[] = [];

  page.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('pageerror', (error) => note(`uncaught exception: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // A failed request is reported by its response, with method and path.
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) note(`console error: ${text}`);
    if (/Missing translation/i.test(text)) note(`console: ${text}`);
  });
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const status = response.status();
    if (status >= 400) note(`HTTP ${status} ${response.request().method()} ${url.pathname}${url.search}`);
    else if ((response.headers()['content-type'] ?? '').includes('json')) {
      // Chromium may drop a body before it is read on a busy machine: then ask the API again.
      const again = async (): Promise<unknown> => {
        if (response.request().method() !== 'GET') return undefined;
        const copy = await fetch(response.url(), {
          headers: { Authorization: `Bearer ${job.session.accessToken}`, 'Accept-Language': job.lang },
        });
        if (!copy.ok) throw new Error(`HTTP ${copy.status}`);
        return copy.json();
      };
      pending.push(
        response
          .json()
          .catch(again)
          .then(
            (body: unknown) => wordsOfData(body, dataWords, dataKeysOf(url.pathname)),
            // Said, so a name then flagged as a foreign word is not mistaken for a defect of the screen.
            (error: unknown) => {
              note(
                `could not read GET ${url.pathname}${url.search}: ${error instanceof Error ? error.message : String(error)}`,
              );
            },
          ),
      );
    }
  });

  /** Waits until no request has been in flight for 400 ms and nothing shows it is loading. */
  const settle = async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 400)) await page.waitForTimeout(50);
    await page
      .locator(LOADING)
      .first()
      .waitFor({ state: 'hidden', timeout: Math.max(1000, deadline - Date.now()) })
      .catch(() => note('still loading after 20 s'));
    await Promise.all(pending.splice(0));
  };

  /** Everything a user reads on the screen, checked for raw keys, foreign words and sideways overflow. */
  const inspect = async () => {
    screens++;
    const { text, codes, overflow } = await page.evaluate(() => {
      type Text = { innerText: string };
      const view = globalThis as unknown as {
        innerWidth: number;
        document: {
          body: Text;
          documentElement: { scrollWidth: number };
          querySelectorAll(selector: string): Iterable<Text>;
        };
      };
      return {
        text: view.document.body.innerText,
        codes: [...view.document.querySelectorAll('code')].map((code) => code.innerText),
        overflow: view.document.documentElement.scrollWidth - view.innerWidth,
      };
    });
    // A response may land between settling and reading the screen: its data words must be in before judging.
    await Promise.all(pending.splice(0));
    const keys = [...new Set(text.match(RAW_KEY) ?? [])];
    if (keys.length > 0) note(`raw translation key: ${keys.join(', ')}`);
    const rules: LanguageRules = { dataWords, russianOnly };
    // Machine codes the screen marks up as <code> (apps/admin/src/common/CodeField.tsx) are in no language;
    // the longest first, so review_limit is not cut to _limit by review.
    const prose = [...codes]
      .sort((a, b) => b.length - a.length)
      .reduce((rest, code) => (code.trim() ? rest.split(code).join(' ') : rest), text);
    const foreign = foreignWords(prose, job.lang, rules);
    if (foreign.length > 0) note(`not ${job.lang}: ${foreign.join(', ')}`);
    if (overflow > 0) note(`sideways overflow of ${overflow} px`);
  };

  /** In-app navigation, as a menu click does it: the app keeps running, as it does for a user. */
  const navigate = async (path: string) => {
    lastActivity = Date.now();
    await page.evaluate((target) => {
      const view = globalThis as unknown as {
        history: { pushState(state: unknown, title: string, url: string): void };
        dispatchEvent(event: unknown): void;
        PopStateEvent: new (type: string) => unknown;
      };
      view.history.pushState({}, '', target);
      view.dispatchEvent(new view.PopStateEvent('popstate'));
    }, path);
  };

  try {
    await page.goto(`${baseUrl}/`);
    await page.locator('.RaLayout-content').waitFor();
    for (const path of job.paths) {
      screen = path;
      if (path !== '/') await navigate(path);
      await settle();
      await inspect();
      // A menu screen that is a react-admin list (not the dashboard, account or placement pages).
      if (!(await page.locator('.RaList-main, .RaEmpty-message').count())) continue;
      if (
        !(await page
          .locator(FIRST_ROW)
          .first()
          .waitFor({ timeout: 5000 })
          .then(
            () => true,
            () => false,
          ))
      ) {
        note('the list is empty: the walk data leaves nothing to open');
        continue;
      }
      const row = page.locator(FIRST_ROW_TARGET).first();
      if (!(await row.count())) continue; // a list whose rows open nothing (e.g. settlements)
      const before = new URL(page.url()).pathname;
      let after = before;
      for (let click = 0; click < ROW_CLICKS && after === before; click++) {
        await row.click();
        await page.waitForURL((url) => url.pathname !== before, { timeout: 5000 }).catch(() => undefined);
        after = new URL(page.url()).pathname;
      }
      if (after === before) {
        note(`the first row did not open its record after ${ROW_CLICKS} clicks`);
        continue;
      }
      screen = `${path} → ${after}`;
      await settle();
      await inspect();
    }
  } catch (error) {
    note(`walk stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await context.close();
  }
  return { findings, screens };
}

/** The paths of a role's menu (dashboard first), read from the menu of a wide screen. */
export async function menuPaths(browser: Browser, baseUrl: string, session: Session): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript((value) => {
      (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
        'qonys.session',
        value,
      );
    }, JSON.stringify(session));
    const page: Page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const links = page.locator('a.RaMenuItemLink-root[href]');
    // The groups appear once the role's permissions are read; the account comes last.
    await page.locator('a.RaMenuItemLink-root[href="/account"]').waitFor();
    await page.waitForLoadState('networkidle');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    return [...new Set(hrefs.map((href) => new URL(href, baseUrl).pathname))];
  } finally {
    await context.close();
  }
}
