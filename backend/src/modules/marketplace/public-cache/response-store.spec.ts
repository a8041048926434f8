import { type CachedResponse, ResponseStore } from './response-store';

const entry = (key: string, bytes: number, tenderId: string | null = null, expiresAt = 1_000): CachedResponse => ({
  key,
  kind: tenderId ? 'latest' : 'list',
  body: Buffer.alloc(bytes),
  etag: `"${key}"`,
  headers: { 'content-type': 'application/json' },
  tenderId,
  expiresAt,
});

describe('ResponseStore', () => {
  it('evicts the least recently used entry past the entry bound', () => {
    const store = new ResponseStore(2, 1_000);
    store.set(entry('a', 10));
    store.set(entry('b', 10));
    expect(store.get('a', 0)?.key).toBe('a'); // a is now the most recent
    store.set(entry('c', 10));
    expect([store.get('a', 0)?.key, store.get('b', 0), store.get('c', 0)?.key]).toEqual(['a', undefined, 'c']);
    expect(store.size).toBe(2);
  });

  it('evicts past the byte bound, keeps count of the bytes, and keeps no body over a quarter of it', () => {
    const store = new ResponseStore(100, 1_000);
    for (const key of ['a', 'b', 'c', 'd']) store.set(entry(key, 240));
    expect(store.bytes).toBe(960);
    store.set(entry('e', 240));
    expect([store.get('a', 0), store.size, store.bytes]).toEqual([undefined, 4, 960]);
    store.set(entry('big', 251));
    expect([store.get('big', 0), store.size]).toEqual([undefined, 4]);
    store.set(entry('e', 100)); // replacing an entry counts its new size only
    expect(store.bytes).toBe(820);
  });

  it('serves nothing at or after its expiry, and forgets it', () => {
    const store = new ResponseStore(10, 1_000);
    store.set(entry('a', 10, null, 500));
    expect(store.get('a', 499)?.key).toBe('a');
    expect(store.get('a', 500)).toBeUndefined();
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });

  it("drops every list and one tender's entries, leaving other tenders' alone", () => {
    const store = new ResponseStore(10, 1_000);
    store.set(entry('list', 10));
    store.set(entry('list?q=x', 10));
    store.set(entry('t1', 10, 't1'));
    store.set(entry('t1/v1', 10, 't1'));
    store.set(entry('t2', 10, 't2'));
    store.dropTender('t1');
    expect(['list', 'list?q=x', 't1', 't1/v1', 't2'].map((k) => store.get(k, 0)?.key ?? null)).toEqual([null, null, null, null, 't2']);
    expect([store.size, store.bytes]).toEqual([1, 10]);
    store.clear();
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });
});
