import { convertToParamMap } from '@angular/router';
import { ProcurementCategory } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/http/app-error';
import {
  countLabel,
  effectiveSort,
  filterCount,
  isNarrowed,
  sameSearch,
  searchFrom,
  searchParams,
  searchProblem,
  withoutFilters,
} from './tender-search';

const fromUrl = (query: string) => searchFrom(convertToParamMap(Object.fromEntries(new URLSearchParams(query))));

describe('tender search: URL, form and API query', () => {
  it('reads every choice from the URL under the API’s own names', () => {
    expect(
      fromUrl(
        'q=library%20app&buyer=Leeds%20City%20Council&category=services&region=TLE&value=25k-100k&closingFrom=2027-01-01&closingTo=2027-03-31&state=open&sme=true&sort=closing',
      ),
    ).toEqual({
      q: 'library app',
      buyer: 'Leeds City Council',
      category: ProcurementCategory.Services,
      region: 'TLE',
      value: '25k-100k',
      closingFrom: '2027-01-01',
      closingTo: '2027-03-31',
      state: 'open',
      sme: true,
      sort: 'closing',
    });
  });

  it('writes the query string in one fixed order, leaving out what is not chosen', () => {
    const params = searchParams({ sme: true, q: 'repairs', sort: 'closing', region: 'TLI' });
    expect(Object.keys(params)).toEqual(['q', 'region', 'sme', 'sort']);
    expect(params).toEqual({ q: 'repairs', region: 'TLI', sme: 'true', sort: 'closing' });
    expect(searchParams({})).toEqual({});
  });

  it('round-trips: the URL written from a search reads back as the same search', () => {
    const search = fromUrl('q=care&category=works&value=over-2m&closingTo=2027-06-30&state=closed&sme=true');
    expect(fromUrl(new URLSearchParams(searchParams(search)).toString())).toEqual(search);
  });

  it('trims and squeezes spaces in words, and leaves an empty box out', () => {
    expect(fromUrl('q=%20%20road%20%20%20repairs%20&buyer=%20')).toEqual({ q: 'road repairs' });
  });

  it('passes long or odd words to the server unchanged, so it is the one that judges them', () => {
    const long = 'word '.repeat(100).trim();
    expect(fromUrl(`q=${encodeURIComponent(long)}`).q).toBe(long);
    expect(fromUrl(`q=${encodeURIComponent('"care" OR NEAR(')}`).q).toBe('"care" OR NEAR(');
  });

  it('drops values no control can show: unknown codes, impossible dates, sme other than true', () => {
    expect(
      fromUrl('category=food&region=TLZ&value=huge&closingFrom=2027-02-31&closingTo=31/12/2027&state=draft&sme=false&sort=random'),
    ).toEqual({});
  });

  it('keeps the order only when it is not the default: best match with words, newest without', () => {
    expect(fromUrl('q=care&sort=relevance')).toEqual({ q: 'care' });
    expect(fromUrl('sort=newest')).toEqual({});
    expect(fromUrl('sort=relevance')).toEqual({});
    expect(fromUrl('q=care&sort=newest')).toEqual({ q: 'care', sort: 'newest' });
    expect(effectiveSort({ q: 'care' })).toBe('relevance');
    expect(effectiveSort({})).toBe('newest');
  });

  it('reads a submitted form the same way (FormData)', () => {
    const form = new FormData();
    form.set('q', ' parks ');
    form.set('sme', 'true');
    form.set('region', '');
    expect(searchFrom(form)).toEqual({ q: 'parks', sme: true });
  });

  it('counts filters, clears them keeping the words and the order, and compares searches', () => {
    const search = fromUrl('q=care&region=TLI&sme=true&sort=closing');
    expect(filterCount(search)).toBe(2);
    expect(isNarrowed(search)).toBe(true);
    expect(isNarrowed({ sort: 'closing' })).toBe(false);
    expect(withoutFilters(search)).toEqual({ q: 'care', sort: 'closing' });
    expect(sameSearch(search, fromUrl('sort=closing&sme=true&region=TLI&q=care'))).toBe(true);
    expect(sameSearch(search, withoutFilters(search))).toBe(false);
  });

  it('says how many in words', () => {
    expect(countLabel(0)).toBe('No opportunities');
    expect(countLabel(1)).toBe('1 opportunity');
    expect(countLabel(12)).toBe('12 opportunities');
    expect(countLabel(50000)).toBe('50,000 opportunities');
  });

  it("puts the server's reasons for refusing a search in the form's words", () => {
    const refused = (details: { field?: string; message: string }[], message = 'Please check these fields.') =>
      searchProblem(new AppError(400, message, details));
    expect(refused([{ field: 'q', message: 'q must have at most 12 words: leave out the less important ones.' }])).toBe(
      'Your search must have at most 12 words: leave out the less important ones.',
    );
    expect(
      refused([
        { field: 'buyer', message: 'buyer must be at most 200 characters.' },
        { field: 'closingTo', message: 'closingTo must be on or after closingFrom.' },
      ]),
    ).toBe("The buyer's name must be at most 200 characters. The last closing date must be on or after closingFrom.");
    // A reason about something else, or none, is shown as the server gave it.
    expect(refused([{ field: 'cursor', message: 'cursor is not one this list gave out.' }])).toBe('cursor is not one this list gave out.');
    expect(refused([], 'Search words are not allowed.')).toBe('Search words are not allowed.');
  });
});
