import { type Configuration, Redis } from '@hocuspocus/extension-redis';

type Publish = (channel: string, message: Buffer) => Promise<number>;

/**
 * Hocuspocus's Redis extension (documents shared between instances), made safe to lose Redis. The
 * extension publishes from hooks that Hocuspocus does not await, so a publish that fails once ioredis
 * stops retrying would be an unhandled rejection, which ends the process. Here a failed publish is
 * reported and dropped: the database, not Redis, holds every update, and every message is a state
 * vector exchange, so instances catch up with each other at the next change once Redis is back.
 */
export class SharedDocuments extends Redis {
  constructor(url: string, onError: (error: Error) => void) {
    super(redisConfiguration(url));
    const pub = this.pub as unknown as { publish: Publish };
    const publish: Publish = pub.publish.bind(pub);
    pub.publish = (channel, message) =>
      publish(channel, message).catch((error: Error) => {
        onError(error);
        return 0;
      });
  }
}

/** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS, as ioredis options. */
function redisConfiguration(url: string): Partial<Configuration> {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(u.port || 6379),
    options: {
      username: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      db: Number(u.pathname.slice(1)) || 0,
      tls: u.protocol === 'rediss:' ? {} : undefined,
      // Fail a command after a few reconnection attempts rather than twenty: opening a document then
      // fails within a second or so (the client retries) instead of hanging while Redis is away.
      maxRetriesPerRequest: 3,
    },
    prefix: 'openbrief:collab',
  };
}
