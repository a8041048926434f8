import { ConflictError, DomainError } from '../../../common/errors/domain.error';

/** The draft moved on since the buyer read it: publishing would snapshot outcomes they have not seen. */
export class StaleDraftError extends ConflictError {
  constructor(current: number) {
    super(`The draft has changed since you opened it (it is now at revision ${current}). Check the outcomes, then publish again.`, {
      revision: current,
    });
  }
}

export class AlreadyPublishedError extends ConflictError {
  constructor() {
    super('Market engagement has already been published for this tender. A tender has one engagement notice.');
  }
}

export class NoOutcomesError extends DomainError {
  constructor() {
    super('unprocessable', 'Add at least one outcome to the draft before publishing it for market engagement.', [
      { field: 'lots', message: 'The draft has no outcomes yet.' },
    ]);
  }
}

export class TooMuchFeedbackError extends DomainError {
  constructor(limit: number) {
    super(
      'unprocessable',
      `Your organisation has already given ${limit} pieces of feedback on this engagement, the most one organisation can give. Contact the buyer if you have more to say.`,
    );
  }
}

export class EventFullError extends ConflictError {
  constructor(left: number) {
    super(
      left > 0
        ? `The event has only ${left} ${left === 1 ? 'place' : 'places'} left. Register fewer people, or contact the buyer.`
        : 'The event is full. Contact the buyer to ask about other ways to take part.',
      { placesLeft: left },
    );
  }
}
