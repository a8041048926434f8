import { htmlMessage } from './message-html';

/** The small page an unsubscribe link opens: plain, readable on a phone, and says what happened. */
export function unsubscribePage(done: boolean): string {
  return done
    ? htmlMessage(
        'You will no longer get these e-mails',
        '<p>We will not e-mail you notifications of this kind again. You will still see them in Openbrief.</p>\n' +
          '<p>To turn them back on, sign in and open your notification settings.</p>\n<p><a href="/">Go to Openbrief</a></p>',
      )
    : htmlMessage(
        'This link is not valid',
        '<p>Nothing was changed. The link may be incomplete: copy the whole link from the e-mail, or sign in and change your notification settings.</p>\n' +
          '<p><a href="/">Go to Openbrief</a></p>',
      );
}
