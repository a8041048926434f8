import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AskQuestionRequest,
  type DraftAnswerRequest,
  type PublishAnswerRequest,
  QUESTION_LIMITS,
  questionWordCount,
} from '@openbrief/contracts';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { OptionalText, RequiredText, Text } from '../../../common/validation/fields';

/** At most `max` words, counted as the response word counter counts them (runs between whitespace). */
function MaxWords(max: number) {
  return ValidateBy({
    name: 'maxWords',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || questionWordCount(value) <= max,
      defaultMessage: (args) =>
        `Your question has ${questionWordCount(String(args?.value ?? ''))} words. A question can be at most ${max} words: shorten it, or split it into two questions.`,
    },
  });
}

export class AskQuestionDto implements AskQuestionRequest {
  @RequiredText(
    QUESTION_LIMITS.chars,
    `The question, plain text, at most ${QUESTION_LIMITS.words} words`,
    'Can the service be delivered in Welsh?',
  )
  @MaxWords(QUESTION_LIMITS.words)
  text!: string;
}

export class DraftAnswerDto implements DraftAnswerRequest {
  @Text(QUESTION_LIMITS.answerChars, 'The answer so far (may be empty); not shown to suppliers until published') draftAnswer!: string;
}

export class PublishAnswerDto implements PublishAnswerRequest {
  @RequiredText(QUESTION_LIMITS.answerChars, 'The answer, plain text') answer!: string;

  @ApiPropertyOptional({
    enum: ['public', 'private'],
    default: 'public',
    description: 'public: everyone sees it, the asker anonymised; private: only the asking organisation, with a reason',
  })
  @IsOptional()
  @IsIn(['public', 'private'], { message: 'visibility must be "public" or "private".' })
  visibility: 'public' | 'private' = 'public';

  @OptionalText(
    QUESTION_LIMITS.privateReasonChars,
    'Why the question is commercially sensitive: required for a private answer, recorded in the audit log',
  )
  privateReason?: string;
}
