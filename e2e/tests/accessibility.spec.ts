import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import { demoBuyer, demoTenders } from '../support/demo-data';
import { SignInPage } from '../support/pages';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// @axe-core/playwright's peer playwright-core resolves to a newer copy than
// @playwright/test's, so the two Page types differ only nominally.
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

/** Lets transitions (e.g. an error message fading in) finish, so axe sees the settled colours. */
async function waitForAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

async function expectNoViolations(page: Page): Promise<void> {
  await waitForAnimations(page);
  const results = await new AxeBuilder({ page: page as unknown as AxePage }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
  if (report) console.log(`Accessibility violations on ${page.url()}:\n${report}`);
  expect(results.violations, report).toEqual([]);
}

test.describe('accessibility (WCAG 2.2 AA, axe-core)', () => {
  test('public home page has no violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: demoTenders.published })).toBeVisible();
    await expectNoViolations(page);
  });

  test('public tender page has no violations', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: demoTenders.published }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'How bids will be scored' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('sign-in page has no violations, also when showing errors', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter your e-mail address');
    await expectNoViolations(page);
  });

  test('supplier sign-up page has no violations', async ({ page }) => {
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { level: 1, name: 'Create a supplier account' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('buyer tender list and invite form have no violations', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoBuyer.email, demoBuyer.password);
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invite to team' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invite someone to your team' })).toBeVisible();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await expect(page.getByRole('alert')).toContainText('Select what they will do');
    await expectNoViolations(page);
  });
});
