import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CriterionAnswer } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnswerField } from './answer-field.component';

const approach: CriterionAnswer = {
  criterionId: 'crit-1',
  criterionName: 'Approach',
  text: '',
  wordLimit: 3,
  wordCount: 0,
  wordsOverLimit: 0,
};

describe('AnswerField', () => {
  let fixture: ComponentFixture<AnswerField>;
  let emitted: string[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(AnswerField);
    emitted = [];
    fixture.componentRef.setInput('answer', approach);
    fixture.componentRef.setInput('text', 'one two');
    fixture.componentInstance.textChange.subscribe((t) => emitted.push(t));
    await fixture.whenStable();
  });

  const el = () => fixture.nativeElement as HTMLElement;

  it('labels the box with the question, and describes it with the limit and the live count', () => {
    const box = el().querySelector('textarea')!;
    expect(el().querySelector(`label[for="${box.id}"]`)?.textContent?.trim()).toBe('Approach');
    expect(box.getAttribute('aria-describedby')).toBe('answer-crit-1-hint answer-crit-1-count');
    expect(el().querySelector('#answer-crit-1-count')?.textContent?.trim()).toBe('2 words of 3: 1 word left');
    expect(el().querySelector('.answer__overflow')).toBeNull();
  });

  it('shows the words past the limit as not considered', async () => {
    fixture.componentRef.setInput('text', 'one two three four five');
    await fixture.whenStable();
    expect(el().querySelector('#answer-crit-1-count')?.textContent).toContain('2 words over the limit of 3');
    expect(el().querySelector('.answer__overflow-text')?.textContent).toBe('four five');
    expect(el().querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('passes typing up, and says what is missing after a refused submit', async () => {
    const box = el().querySelector('textarea')!;
    box.value = 'typed';
    box.dispatchEvent(new Event('input'));
    expect(emitted).toEqual(['typed']);
    fixture.componentRef.setInput('missing', true);
    await fixture.whenStable();
    expect(el().querySelector('#answer-crit-1-error')?.textContent).toContain('Answer this question');
    expect(box.getAttribute('aria-describedby')).toContain('answer-crit-1-error');
  });

  it('offers earlier answers, same question first, and copies one in', async () => {
    fixture.componentRef.setInput('library', [
      {
        responseId: 'r0',
        tenderTitle: 'Older',
        criterionName: 'Social value',
        text: 'Other',
        wordCount: 1,
        updatedAt: '2027-01-02T00:00:00Z',
      },
      {
        responseId: 'r1',
        tenderTitle: 'Buses',
        criterionName: 'Approach',
        text: 'Earlier plan',
        wordCount: 2,
        updatedAt: '2027-01-01T00:00:00Z',
      },
    ]);
    await fixture.whenStable();
    const buttons = [...el().querySelectorAll<HTMLButtonElement>('.answer__library-item button')];
    expect(buttons[0]?.textContent).toContain('from Buses, Approach');
    buttons[0]!.click();
    expect(emitted).toEqual(['Earlier plan']);
  });
});
