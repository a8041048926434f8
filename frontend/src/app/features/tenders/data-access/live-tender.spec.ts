import type { CurrentUser, TenderContent } from '@openbrief/contracts';
import { readContent, writeContent } from '@openbrief/tender-doc';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveLink, prepareLiveLink, takePreparedLink } from './live-link';
import { LiveTender } from './live-tender';
import { tenderContent } from './testing/tender-content.fixture';

/** A socket that never connects: these tests drive the provider's events themselves. */
class SilentWebSocket extends EventTarget {
  static readonly instances: SilentWebSocket[] = [];
  readyState = 0;
  binaryType = 'arraybuffer';
  constructor(readonly url: string) {
    super();
    SilentWebSocket.instances.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
}

const priya = { id: 'user-1', name: 'Priya Shah' } as CurrentUser;
const oliver = { id: 'user-2', name: 'Oliver Reed' } as CurrentUser;
/** The provider's events, as the server's messages would raise them (emit is protected in its types). */
const raise = (link: LiveLink, event: string, payload: unknown) =>
  (link.provider as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);

describe('live link', () => {
  beforeEach(() => {
    SilentWebSocket.instances.length = 0;
    vi.stubGlobal('WebSocket', SilentWebSocket);
  });
  afterEach(() => {
    // Whatever a test prepared and did not take is closed, so tests do not leak into each other.
    takePreparedLink('t1', priya.id)?.destroy();
    takePreparedLink('t2', priya.id)?.destroy();
    vi.unstubAllGlobals();
  });

  it('hands the prepared connection to the editor of the same tender and user, once', () => {
    const prepared = prepareLiveLink('t1', priya);
    expect(SilentWebSocket.instances.map((s) => s.url)).toEqual([`ws://${location.host}/api/v1/collab`]);
    expect(takePreparedLink('t1', oliver.id)).toBeNull();
    expect(takePreparedLink('t2', priya.id)).toBeNull();
    const link = takePreparedLink('t1', priya.id);
    expect(link).toBe(prepared);
    expect(takePreparedLink('t1', priya.id)).toBeNull();
    link!.destroy();
  });

  it('opens one connection for repeated preparation, and closes it when another tender is prepared', () => {
    const first = prepareLiveLink('t1', priya);
    expect(prepareLiveLink('t1', priya)).toBe(first);
    expect(SilentWebSocket.instances).toHaveLength(1);
    prepareLiveLink('t2', priya);
    expect(SilentWebSocket.instances).toHaveLength(2);
    expect(SilentWebSocket.instances[0].readyState).toBe(3);
    expect(takePreparedLink('t1', priya.id)).toBeNull();
  });

  it('closes a prepared connection nobody takes', () => {
    vi.useFakeTimers();
    try {
      prepareLiveLink('t1', priya);
      vi.advanceTimersByTime(30_000);
      expect(SilentWebSocket.instances[0].readyState).toBe(3);
      expect(takePreparedLink('t1', priya.id)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the provider join once the document can be sent (no saved copy in this browser)', async () => {
    const link = new LiveLink('t1', priya.id, priya.name);
    expect(link.provider.isAttached).toBe(false);
    await vi.waitFor(() => expect(link.provider.isAttached).toBe(true));
    link.destroy();
  });
});

describe('LiveTender taking over a prepared connection', () => {
  beforeEach(() => vi.stubGlobal('WebSocket', SilentWebSocket));
  afterEach(() => vi.unstubAllGlobals());

  function editorOn(tenderId: string) {
    const remote: TenderContent[] = [];
    const unavailable: string[] = [];
    const live = new LiveTender(
      tenderId,
      priya,
      false,
      (c) => remote.push(c),
      (m) => unavailable.push(m),
    );
    return { live, remote, unavailable };
  }

  it('is live at once when the document synced while the tender was loading', async () => {
    // Synced with the server's document while the tender was loading.
    const link = prepareLiveLink('t1', priya)!;
    writeContent(link.doc, tenderContent());
    (link.provider as unknown as { synced: boolean }).synced = true;

    const { live, remote, unavailable } = editorOn('t1');
    expect(live.doc).toBe(link.doc);
    expect(live.ready()).toBe(false);
    await Promise.resolve();
    expect(live.ready()).toBe(true);
    expect(live.connection()).toBe('online');
    expect(remote).toEqual([tenderContent()]);
    expect(unavailable).toEqual([]);
    live.destroy();
  });

  it('tells the editor when the server refused the connection before it took over', async () => {
    const link = prepareLiveLink('t1', priya)!;
    raise(link, 'authenticationFailed', { reason: 'That tender was not found.' });

    const { live, unavailable } = editorOn('t1');
    await Promise.resolve();
    expect(unavailable).toEqual(['Live editing is not available (That tender was not found).']);
    expect(live.ready()).toBe(false);
    live.destroy();
  });

  it('opens its own connection when none was prepared, and follows the server from then on', async () => {
    const { live, remote } = editorOn('t9');
    await Promise.resolve();
    expect(live.ready()).toBe(false);
    const theirs = tenderContent({ title: 'Renamed by a colleague' });
    writeContent(live.doc, theirs);
    (live as unknown as { provider: { synced: boolean } }).provider.synced = true;
    expect(live.ready()).toBe(true);
    expect(readContent(live.doc).title).toBe('Renamed by a colleague');
    expect(remote.at(-1)?.title).toBe('Renamed by a colleague');
    live.destroy();
  });
});
