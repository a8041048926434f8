import { isCurrencyCode } from '@openbrief/contracts';

/**
 * Values as a buyer reads them in the history: instants in UK time (Europe/London, so GMT or BST as the
 * date requires) in the same GOV.UK style as the rest of the app ("5:30pm on 15 February 2027", "midday
 * on 15 February 2027"), and money with its currency and thousands separators ("£1,234,567").
 */
const UK_TIME_ZONE = 'Europe/London';
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, dateStyle: 'long' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

export function formatUkDateTime(iso: string): string {
  const date = new Date(iso);
  // A value the API would refuse is shown as it is rather than as "Invalid Date".
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const hour = parts['hour'] ?? '';
  const minute = parts['minute'] ?? '00';
  const period = (parts['dayPeriod'] ?? '').toLowerCase();
  const time =
    hour === '12' && minute === '00' ? (period === 'am' ? 'midnight' : 'midday') : `${hour}${minute === '00' ? '' : `:${minute}`}${period}`;
  return `${time} on ${dateFormat.format(date)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: number, currency: string): string {
  const decimals = Number.isInteger(value) ? 0 : 2;
  if (!isCurrencyCode(currency))
    return `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals }).format(value)} ${currency}`.trim();
  const key = `${currency}:${decimals}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    moneyFormats.set(key, format);
  }
  return format.format(value);
}
