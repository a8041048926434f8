import { type QueuedQuestion, QuestionStatus } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { QUESTION_FILTERS, newQuestionsLabel, questionsIn, toQuestionStatus } from './question-filters';

function question(id: string, status: QuestionStatus, askedAt: string): QueuedQuestion {
  return {
    id,
    text: `Question ${id}`,
    askedAt,
    askerOrganisation: 'Brightpath Digital Ltd',
    status,
    draftAnswer: '',
    answer: null,
    answeredAt: null,
    privateReason: null,
    publishedNumber: null,
    revision: 1,
  };
}

describe('question filters', () => {
  it('has one tab per status, in the order a question moves through them', () => {
    expect(QUESTION_FILTERS.map((f) => f.status)).toEqual([
      QuestionStatus.New,
      QuestionStatus.Drafted,
      QuestionStatus.Published,
      QuestionStatus.AnsweredPrivately,
    ]);
  });

  it('reads the tab from the query string, falling back to the new questions', () => {
    expect(toQuestionStatus('published')).toBe(QuestionStatus.Published);
    expect(toQuestionStatus('answered_privately')).toBe(QuestionStatus.AnsweredPrivately);
    expect(toQuestionStatus('everything')).toBe(QuestionStatus.New);
    expect(toQuestionStatus(undefined)).toBe(QuestionStatus.New);
  });

  it('lists a tab’s questions oldest first', () => {
    const all = [
      question('b', QuestionStatus.New, '2026-12-02T09:00:00.000Z'),
      question('p', QuestionStatus.Published, '2026-12-01T09:00:00.000Z'),
      question('a', QuestionStatus.New, '2026-12-01T10:00:00.000Z'),
    ];
    expect(questionsIn(all, QuestionStatus.New).map((q) => q.id)).toEqual(['a', 'b']);
    expect(questionsIn(all, QuestionStatus.Drafted)).toEqual([]);
  });

  it('labels the link with the new questions only when there are some', () => {
    expect(newQuestionsLabel(0)).toBe('');
    expect(newQuestionsLabel(2)).toBe('2 new');
  });
});
