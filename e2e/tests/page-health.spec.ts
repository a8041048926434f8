import { Page, expect, test } from '@playwright/test';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records Content-Security-Policy violations (e.g. a blocked inline handler) from the first script on. */
async function watchForCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
}

test.describe('page health', () => {
  for (const path of ['/', '/opportunities', '/sign-in', '/sign-up']) {
    test(`${path} loads all styles with no CSP violations, script errors or failed requests`, async ({ page }) => {
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      // A failed request (the 401 an anonymous "who am I?" used to get) shows in the console as an error.
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const failedRequests: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failedRequests.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      await watchForCspViolations(page);

      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');

      // Every stylesheet must end up applying to the screen, not stuck on media="print".
      const stylesheetMedia = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).map((l) => l.media),
      );
      expect(stylesheetMedia.filter((media) => media && media !== 'all')).toEqual([]);
      expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
      expect(scriptErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }
});
