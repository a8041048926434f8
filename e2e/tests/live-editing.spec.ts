import { type APIRequestContext, type Page, type WebSocketRoute, expect, test } from '@playwright/test';
import type { TenderDetail } from '@openbrief/contracts';
import { ApiClient } from '../support/api-client';
import { expectNoAxeViolations } from '../support/axe';
import { demoBuyer } from '../support/demo-data';
import { SiteHeader } from '../support/pages';
import { browserFor, createTender, inviteColleague, signIn } from '../support/team';
import { TenderWorkspace, toContent } from '../support/tender-editor';
import { GOING_LIVE_MS, SERVER_WORK_MS } from '../support/waits';

const COLLAB = /\/api\/v1\/collab/;

/** Puts the caret at the start or end of a field and leaves the focus there. */
async function caretAt(page: Page, label: string, where: 'start' | 'end', nth = 0): Promise<void> {
  const field = page.getByLabel(label, { exact: true }).nth(nth);
  await field.click();
  await field.evaluate((el: HTMLTextAreaElement, at) => {
    const position = at === 'start' ? 0 : el.value.length;
    el.setSelectionRange(position, position);
    el.dispatchEvent(new Event('select'));
  }, where);
}

/** A WebSocket the test can cut and restore, as a train going through a tunnel would. */
async function unreliableNetwork(page: Page): Promise<{ drop(): void; restore(): void }> {
  let online = true;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(COLLAB, (socket) => {
    if (!online) {
      void socket.close();
      return;
    }
    open.push({ page: socket, server: socket.connectToServer() });
  });
  return {
    drop() {
      online = false;
      for (const { page: client, server } of open.splice(0)) {
        void client.close();
        void server.close();
      }
    },
    restore() {
      online = true;
    },
  };
}

async function projected(request: APIRequestContext, id: string): Promise<TenderDetail> {
  return (await (await request.get(`/api/v1/tenders/${id}`)).json()) as TenderDetail;
}

test.describe('live co-editing', () => {
  // Two browsers typing at human speed, going live twice and a reconnection: well over a minute on a busy machine.
  test.setTimeout(240_000);

  test('two buyers type in the same requirement at once: both see the merged text and each other', async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const priyaRequest = await playwright.request.newContext({ baseURL });
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const oliver = await inviteColleague(priya, () => playwright.request.newContext({ baseURL }), 'Oliver Reed');
    const tender = await createTender(priya, 'Co-edited tender');
    const original = tender.lots[0].requirements[0].outcome;

    await signIn(page);
    await page.goto(`/tenders/${tender.id}`);
    const oliverBrowser = await browserFor(browser, oliver.email, oliver.password);
    const other = oliverBrowser.page;
    await other.goto(`/tenders/${tender.id}`);
    const mine = new TenderWorkspace(page);
    const theirs = new TenderWorkspace(other);
    await mine.expectLive();
    await theirs.expectLive();

    // Each sees the other arrive, in words, before anyone types.
    await expect(mine.presence()).toContainText('Oliver Reed');
    await expect(theirs.presence()).toContainText('Priya Shah');

    await caretAt(page, 'What must be true?', 'end');
    await caretAt(other, 'What must be true?', 'start');
    await expect(mine.presence()).toContainText(/Oliver Reed\s*in requirement 1: the outcome/);
    await expect(theirs.presence()).toContainText(/Priya Shah\s*in requirement 1: the outcome/);
    // And as a name tag in their colour on the field itself.
    await expect(page.locator('.live-names__person', { hasText: 'Oliver Reed' })).toBeVisible();

    // Both type at the same time, keystroke by keystroke.
    await Promise.all([page.keyboard.type(' Within a week.', { delay: 40 }), other.keyboard.type('Everyone: ', { delay: 40 })]);

    const merged = `Everyone: ${original} Within a week.`;
    await expect(page.getByLabel('What must be true?', { exact: true }).first()).toHaveValue(merged);
    await expect(other.getByLabel('What must be true?', { exact: true }).first()).toHaveValue(merged);
    await mine.expectSaved();
    await theirs.expectSaved();

    // The tables (REST, checks, PDFs) say the same once the document is projected.
    await expect
      .poll(async () => (await projected(priyaRequest, tender.id)).lots[0].requirements[0].outcome, { timeout: SERVER_WORK_MS })
      .toBe(merged);
    await expectNoAxeViolations(page);

    // Priya comments on words she selected; when Oliver rewrites them live, her thread says so.
    await page
      .getByLabel('What must be true?', { exact: true })
      .first()
      .evaluate((el: HTMLTextAreaElement) => {
        const at = el.value.indexOf('Within a week.');
        el.focus();
        el.setSelectionRange(at, at + 'Within a week.'.length);
        el.dispatchEvent(new Event('select'));
      });
    await page
      .getByRole('navigation', { name: 'This tender' })
      .getByRole('link', { name: /^Comments/ })
      .click();
    await page.getByRole('button', { name: 'Start a new thread' }).click();
    await page.getByRole('button', { name: 'Comment on the words you selected' }).click();
    await page.getByLabel('Comment', { exact: true }).fill('Is a week realistic for rural clinics?');
    await page.getByRole('button', { name: 'Start thread' }).click();
    const onWords = page.getByRole('article', { name: 'Requirement 1.1: what must be true', exact: true });
    await expect(onWords.getByRole('blockquote')).toHaveText(/Within a week\.$/);
    await other
      .getByLabel('What must be true?', { exact: true })
      .first()
      .evaluate((el: HTMLTextAreaElement) => {
        el.focus();
        el.setSelectionRange(el.value.indexOf('Within a week.'), el.value.length);
      });
    await other.keyboard.type('Within ten days.', { delay: 20 });
    await expect(onWords).toContainText('Those words now read: “Within ten days.”');

    await oliverBrowser.context.close();
    await oliver.request.dispose();
    await priyaRequest.dispose();
  });

  test('edits made offline are kept in the browser, even across a reload, and merged on reconnect', async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const priyaRequest = await playwright.request.newContext({ baseURL });
    const priya = new ApiClient(priyaRequest);
    await priya.signIn(demoBuyer.email, demoBuyer.password);
    const oliver = await inviteColleague(priya, () => playwright.request.newContext({ baseURL }), 'Olivia Grant');
    const created = await createTender(priya, 'Offline tender');
    // Text to type around: into an empty field, two people's first words could merge in either order.
    const saved = await priya.put(`/api/v1/tenders/${created.id}`, {
      revision: created.revision,
      content: { ...toContent(created), summary: 'Clinics book rooms.' },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const tender = (await saved.json()) as TenderDetail;

    await signIn(page);
    const network = await unreliableNetwork(page);
    await page.goto(`/tenders/${tender.id}`);
    const mine = new TenderWorkspace(page);
    await mine.expectLive();
    const oliviaBrowser = await browserFor(browser, oliver.email, oliver.password);
    const other = oliviaBrowser.page;
    await other.goto(`/tenders/${tender.id}`);
    await new TenderWorkspace(other).expectLive();

    // The connection drops: Priya is told, and keeps typing.
    network.drop();
    await expect(page.getByText(/^Offline: your changes are kept on this device/)).toBeVisible();
    await caretAt(page, 'Summary', 'end');
    await page.keyboard.type(' Typed on the train.', { delay: 20 });
    // Meanwhile Olivia, still online, changes the same field.
    await caretAt(other, 'Summary', 'start');
    await other.keyboard.type('Olivia: ', { delay: 20 });

    // Priya's browser is closed and opened again while still offline: her words are still there.
    await page.reload();
    await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(/Typed on the train\.$/);
    await expect(page.getByText(/^Offline: your changes are kept on this device/)).toBeVisible();
    await expect(other.getByLabel('Summary', { exact: true })).not.toHaveValue(/Typed on the train/);

    // Back online: everything merges, both ways, and nothing is lost.
    network.restore();
    await expect(page.getByText('Back online: all changes merged')).toBeVisible({ timeout: GOING_LIVE_MS });
    const merged = `Olivia: ${tender.summary} Typed on the train.`;
    await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(merged);
    await expect(other.getByLabel('Summary', { exact: true })).toHaveValue(merged);
    await expect.poll(async () => (await projected(priyaRequest, tender.id)).summary, { timeout: SERVER_WORK_MS }).toBe(merged);

    // Signing out removes the offline copy, so the next person at this computer cannot find it.
    const copies = () => page.evaluate(async () => (await indexedDB.databases()).filter((d) => d.name?.startsWith('openbrief:')).length);
    expect(await copies()).toBe(1);
    await new SiteHeader(page).signOut();
    await expect.poll(copies).toBe(0);

    await oliviaBrowser.context.close();
    await oliver.request.dispose();
    await priyaRequest.dispose();
  });
});
