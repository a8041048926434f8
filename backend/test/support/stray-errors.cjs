// Preloaded into a spawned server (NODE_OPTIONS=--require) by upgrade-crash.spec.ts: on SIGUSR2 it throws
// from a timer and rejects a promise nobody awaits, as a bug in the app might, so the test can check that
// the real entry point logs both and keeps serving. Never loaded by the app itself.
process.on('SIGUSR2', () => {
  setTimeout(() => {
    throw new Error('stray error thrown from a timer (test)');
  }, 0);
  void Promise.reject(new Error('stray promise rejection (test)'));
});
