import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), which may differ from the To header. */
  envelopeTo: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a free port, keeping what it receives (parsed by mailparser). `refuseRecipients(n)` answers the
 * next n RCPT TO commands with a temporary 451, as a busy or greylisting server does.
 */
export class TestMailServer {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO the server was asked, accepted or not. */
  recipientAttempts = 0;
  private refusals = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      this.recipientAttempts++;
      if (this.refusals > 0) {
        this.refusals--;
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  refuseRecipients(n: number): void {
    this.refusals = n;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
