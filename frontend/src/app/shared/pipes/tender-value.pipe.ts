import { Pipe, PipeTransform } from '@angular/core';
import { isCurrencyCode } from '@openbrief/contracts';

/** "£250,000" in en-GB; whole pounds, since estimates are never exact to the penny. */
@Pipe({ name: 'tenderValue' })
export class TenderValuePipe implements PipeTransform {
  transform(value: number | null | undefined, currency = 'GBP'): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'Not stated';
    // The API refuses unknown currency codes; one stored before that must not break the page (Intl throws on it).
    const code = currency || 'GBP';
    const known = isCurrencyCode(code);
    return new Intl.NumberFormat('en-GB', {
      ...(known ? { style: 'currency', currency: code } : {}),
      maximumFractionDigits: 0,
    }).format(value);
  }
}
