const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

/**
 * How long to wait before the next try after `attempts` failed ones: doubling from 30 seconds, at most 6 hours, with
 * the upper half jittered so instances that failed together (a mail server restart) do not retry in step.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
