/**
 * How long is left before a deadline, in words: "3 days 4 hours left". Whole units only, rounded down,
 * so the text never promises more time than there is.
 */
export function countdownText(deadline: string | null, now: Date): string {
  if (!deadline) return 'No deadline set';
  const ms = Date.parse(deadline) - now.getTime();
  if (Number.isNaN(ms)) return 'No deadline set';
  if (ms <= 0) return 'Deadline passed';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (days > 0) return `${[unit(days, 'day'), hours ? unit(hours, 'hour') : ''].filter(Boolean).join(' ')} left`;
  if (hours > 0) return `${[unit(hours, 'hour'), mins ? unit(mins, 'minute') : ''].filter(Boolean).join(' ')} left`;
  if (mins > 0) return `${unit(mins, 'minute')} left`;
  return 'Less than a minute left';
}

/** True from the deadline's instant on: the server refuses at the deadline, not a second later. */
export function deadlinePassed(deadline: string | null, now: Date): boolean {
  if (!deadline) return false;
  const at = Date.parse(deadline);
  return !Number.isNaN(at) && now.getTime() >= at;
}
