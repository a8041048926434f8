import { rawRequest } from './raw-http';
import type { RunningServer } from './spawn-server';

/** The one deliberate time bound (issue 10): /api/health must answer within a second while the server is attacked. */
export const HEALTH_DEADLINE_MS = 1_000;
const GAP_MS = 100;

export interface HealthWatch {
  /** Stops probing and returns what went wrong: probes that failed or were late, and an exit of the process. */
  stop(): Promise<{ probes: number; failures: string[] }>;
}

/**
 * Probes /api/health one request after another (a short gap between) for as long as the test runs, and keeps
 * every probe that did not answer 200 within the deadline, with what the test was doing at the time.
 */
export function watchHealth(server: RunningServer, activity: () => string): HealthWatch {
  let running = true;
  let probes = 0;
  const failures: string[] = [];
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));

  const loop = (async () => {
    while (running && exitCode === undefined && server.process.exitCode === null && server.process.signalCode === null) {
      probes++;
      const doing = activity();
      try {
        const res = await rawRequest(server.url, { method: 'GET', path: '/api/health' }, HEALTH_DEADLINE_MS);
        if (res.status !== 200) failures.push(`health answered ${res.status} during ${doing}`);
      } catch (error) {
        failures.push(`health: ${(error as Error).message} during ${doing}`);
      }
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      if (exitCode !== undefined || server.process.exitCode !== null || server.process.signalCode !== null) {
        failures.push(
          `the server process exited (code ${server.process.exitCode}, signal ${server.process.signalCode}) during ${activity()}`,
        );
      }
      // The same failure over and over (a stalled loop fails every probe) is one line, with its count.
      const tally = new Map<string, number>();
      for (const f of failures) tally.set(f, (tally.get(f) ?? 0) + 1);
      return { probes, failures: [...tally].map(([f, n]) => (n > 1 ? `${n} probes: ${f}` : f)) };
    },
  };
}
