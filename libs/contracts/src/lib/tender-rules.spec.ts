import { responseRuleProblems, timetableProblems, weightProblems } from './tender-rules';
import { DEFAULT_RESPONSE_RULES } from './tenders';

const c = (id: string, parentId: string | null, weight: number, name = id) => ({ id, parentId, weight, name });

describe('weightProblems', () => {
  it('accepts a tree whose every level adds up to 100', () => {
    expect(weightProblems([c('q', null, 60), c('p', null, 30), c('s', null, 10), c('q1', 'q', 50), c('q2', 'q', 50)])).toEqual([]);
  });

  it('accepts decimal weights that add up to 100 once rounded to hundredths', () => {
    expect(weightProblems([c('a', null, 33.33), c('b', null, 33.33), c('c', null, 33.34)])).toEqual([]);
  });

  it('names each level that does not add up, with its total', () => {
    const problems = weightProblems([c('q', null, 60, 'Quality'), c('p', null, 30), c('q1', 'q', 50), c('q2', 'q', 40)]);
    expect(problems.map((p) => p.message)).toEqual([
      'The top-level criteria add up to 90%, not 100%.',
      'The criteria under "Quality" add up to 90%, not 100%.',
    ]);
  });

  it('has nothing to say about an empty model', () => {
    expect(weightProblems([])).toEqual([]);
  });
});

describe('timetableProblems', () => {
  const blank = {
    clarificationDeadline: null,
    submissionDeadline: null,
    evaluationStart: null,
    evaluationEnd: null,
    expectedAward: null,
    contractStart: null,
    answersPublishedBy: null,
  };

  it('accepts dates in order and ignores the ones not set', () => {
    expect(timetableProblems({ ...blank, clarificationDeadline: '2027-01-01T12:00:00Z', expectedAward: '2027-03-01T12:00:00Z' })).toEqual(
      [],
    );
  });

  it('refuses a bid deadline at or before the clarification deadline', () => {
    const p = timetableProblems({ ...blank, clarificationDeadline: '2027-01-10T12:00:00Z', submissionDeadline: '2027-01-10T12:00:00Z' });
    expect(p).toEqual([
      { field: 'submissionDeadline', message: 'Deadline for bids must come after deadline for clarification questions.' },
    ]);
  });

  it('compares with the latest earlier date that is set', () => {
    const p = timetableProblems({ ...blank, submissionDeadline: '2027-02-01T12:00:00Z', contractStart: '2027-01-01T00:00:00Z' });
    expect(p.map((x) => x.field)).toEqual(['contractStart']);
  });

  it('wants answers published after questions close and before bids are due, strictly', () => {
    const dates = { ...blank, clarificationDeadline: '2027-01-10T12:00:00Z', submissionDeadline: '2027-01-20T12:00:00Z' };
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-12T12:00:00Z' })).toEqual([]);
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-10T12:00:00Z' })).toEqual([
      { field: 'answersPublishedBy', message: 'Answers to questions must be published after the deadline for clarification questions.' },
    ]);
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-20T12:00:00Z' })).toEqual([
      {
        field: 'answersPublishedBy',
        message: 'Answers to questions must be published before the deadline for bids, so suppliers can use them.',
      },
    ]);
    // Without the dates around it there is nothing to compare with.
    expect(timetableProblems({ ...blank, answersPublishedBy: '2027-01-12T12:00:00Z' })).toEqual([]);
  });
});

describe('responseRuleProblems', () => {
  it('accepts the defaults and the limits themselves', () => {
    expect(responseRuleProblems(DEFAULT_RESPONSE_RULES)).toEqual([]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 1, maxAttachmentMb: 50 })).toEqual([]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 20, maxAttachmentMb: 1 })).toEqual([]);
  });

  it('names each number outside its range, or not whole', () => {
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 0, maxAttachmentMb: 2.5 })).toEqual([
      { field: 'maxAttachments', message: 'The most attachments per response must be a whole number from 1 to 20.' },
      { field: 'maxAttachmentMb', message: 'The largest attachment size, in MB, must be a whole number from 1 to 50.' },
    ]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 21, maxAttachmentMb: 51 }).map((p) => p.field)).toEqual([
      'maxAttachments',
      'maxAttachmentMb',
    ]);
  });
});
