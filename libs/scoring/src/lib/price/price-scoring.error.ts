/** Invalid input to a price method (a price of 0 or less, no ceiling for the linear method…): the backend maps it to a 4xx. */
export class PriceScoringError extends Error {
  override readonly name = 'PriceScoringError';
}
