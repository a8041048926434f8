import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The server's clock. Deadlines (questions, sealed responses, opening) are decided by this and nothing else:
 * never the client's time. Tests replace `now` (`jest.spyOn(app.get(Clock), 'now')`) to stand either side of
 * a deadline without waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
