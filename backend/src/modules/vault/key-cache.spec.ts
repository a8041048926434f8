import { KeyCache } from './key-cache';

describe('KeyCache', () => {
  it('keeps at most its capacity, drops the least recently used first', () => {
    const cache = new KeyCache(2);
    const a = Buffer.alloc(4, 1);
    cache.set('a', a);
    cache.set('b', Buffer.alloc(4, 2));
    cache.get('a');
    cache.set('c', Buffer.alloc(4, 3));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    cache.set('d', Buffer.alloc(4, 4));
    cache.set('e', Buffer.alloc(4, 5));
    expect(cache.get('a')).toBeUndefined();
  });
});
