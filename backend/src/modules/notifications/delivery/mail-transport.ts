import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { SETTINGS, type Settings } from '../../../config/settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

/**
 * Where e-mail goes: the SMTP server in SMTP_URL (nodemailer, one pooled transport), or, without it, the log, so a
 * development machine shows what would have been sent. Notifications carry no response content, so the log holds
 * nothing sealed.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transporter: Transporter | null = null;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  get configured(): boolean {
    return this.settings.mail.smtpUrl !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.settings.mail.smtpUrl) {
      this.logger.log(`E-mail not sent (SMTP_URL is not set) to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return;
    }
    this.transporter ??= createTransport(this.settings.mail.smtpUrl);
    await this.transporter.sendMail({
      from: this.settings.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      headers: mail.headers,
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = null;
  }
}
