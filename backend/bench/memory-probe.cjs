// Preloaded (node --expose-gc -r) into every server the bench starts. Answers 'memory' over IPC with
// figures taken after a full collection, and stops the server if the bench goes away without stopping it.
'use strict';
process.on('message', (message) => {
  if (message !== 'memory') return;
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  process.send({ rss: m.rss, heapUsed: m.heapUsed, external: m.external });
});
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
// The channel must not keep a server alive that is shutting down by itself.
process.channel?.unref();
