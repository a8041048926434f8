import { Pipe, PipeTransform } from '@angular/core';

/** "£250,000" in en-GB; whole pounds, since estimates are never exact to the penny. */
@Pipe({ name: 'tenderValue' })
export class TenderValuePipe implements PipeTransform {
  transform(value: number | null | undefined, currency = 'GBP'): string {
    if (value === null || value === undefined) return 'Not stated';
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: currency || 'GBP',
      maximumFractionDigits: 0,
    }).format(value);
  }
}
