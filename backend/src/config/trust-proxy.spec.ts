import { loadSettings } from './settings';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8,fd00::/8', 'loopback, 10.0.0.0/8, fd00::/8'],
    ['192.168.1.5', '192.168.1.5'],
  ])('reads %s', (text, value) => {
    expect(parseTrustProxy(text)).toEqual(value);
  });

  it.each(['yes', '10.0.0.0/33', 'fd00::/129', 'loopbak', '10.0.0.0/8/1', '', '99'])('refuses %s', (text) => {
    expect(parseTrustProxy(text)).toBeUndefined();
  });

  it('defaults to loopback and stops the start on a typo', () => {
    expect(loadSettings({}).trustProxy).toBe('loopback');
    expect(() => loadSettings({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be false, true, a hop count/);
  });
});
