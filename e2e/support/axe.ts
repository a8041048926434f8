import AxeBuilder from '@axe-core/playwright';
import { Page, expect } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// @axe-core/playwright's peer playwright-core resolves to a newer copy than
// @playwright/test's, so the two Page types differ only nominally.
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

/** Lets transitions finish, so axe sees the settled colours. */
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

/** Runs axe-core (WCAG 2.2 A and AA rules) on the page as it is now and expects no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
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
