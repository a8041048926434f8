import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ResponseOutcome } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutcomeNotice } from './outcome-notice.component';

describe('OutcomeNotice', () => {
  let fixture: ComponentFixture<OutcomeNotice>;
  const el = () => fixture.nativeElement as HTMLElement;
  const text = () => el().textContent?.replace(/\s+/g, ' ').trim();

  async function show(outcome: ResponseOutcome): Promise<void> {
    fixture = TestBed.createComponent(OutcomeNotice);
    fixture.componentRef.setInput('outcome', outcome);
    fixture.componentRef.setInput('responseId', 'resp-1');
    await fixture.whenStable();
  }

  beforeEach(() => TestBed.resetTestingModule());

  it('tells an unsuccessful supplier the outcome and the day the summary was issued, with the summary to download', async () => {
    await show({
      successful: false,
      summaryIssuedAt: '2027-06-01T23:30:00.000Z',
      summaryPdfPath: '/api/v1/responses/resp-1/assessment-summary.pdf',
    });
    expect(el().querySelector('h2')?.textContent?.trim()).toBe('Outcome: not successful');
    // 23:30 UTC on 1 June is 00:30 on 2 June in the UK (BST): the UK day is the one shown.
    expect(text()).toContain('Your assessment summary was issued on 2 June 2027.');
    expect(text()).toContain('and why it was not successful');
    expect(el().querySelector('time')?.getAttribute('datetime')).toBe('2027-06-01T23:30:00.000Z');
    const link = el().querySelector<HTMLAnchorElement>('a')!;
    expect(link.textContent?.trim()).toBe('Download your assessment summary (PDF)');
    expect(link.getAttribute('href')).toBe('/api/v1/responses/resp-1/assessment-summary.pdf');
    expect(link.hasAttribute('download')).toBe(true);
    expect(el().querySelector('ob-notice')?.className).toContain('notice--info');
  });

  it('tells a successful supplier so, and falls back to the summary’s route when no path is given', async () => {
    await show({ successful: true, summaryIssuedAt: '2027-03-25T09:00:00.000Z', summaryPdfPath: '' });
    expect(el().querySelector('h2')?.textContent?.trim()).toBe('Outcome: successful');
    expect(text()).toContain('issued on 25 March 2027');
    expect(text()).not.toContain('why it was not successful');
    expect(el().querySelector('a')?.getAttribute('href')).toBe('/api/v1/responses/resp-1/assessment-summary.pdf');
    expect(el().querySelector('ob-notice')?.className).toContain('notice--success');
  });
});
