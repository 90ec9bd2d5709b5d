import { describe, expect, it } from 'vitest';
import { edgeAddress, isLoopbackHost } from '../../../local/edge/edge-address.ts';

describe('the edge address', () => {
  it('answers only the loopback names with its port when bound to loopback', () => {
    const { url, allowedHosts } = edgeAddress('127.0.0.1', 4566);
    expect(url).toBe('http://127.0.0.1:4566');
    expect(allowedHosts).toEqual(new Set(['127.0.0.1:4566', 'localhost:4566', '[::1]:4566']));
  });

  it('is reached on [::1] when bound there', () => {
    expect(edgeAddress('::1', 4566).url).toBe('http://[::1]:4566');
  });

  it('adds the bound name when --edge-host names one address, and takes any Host only for a wildcard bind', () => {
    expect(edgeAddress('192.0.2.2', 4566).allowedHosts).toEqual(new Set(['127.0.0.1:4566', 'localhost:4566', '[::1]:4566', '192.0.2.2:4566']));
    expect(edgeAddress('0.0.0.0', 4566)).toEqual({ url: 'http://127.0.0.1:4566', allowedHosts: 'any' });
  });

  it('calls only loopback addresses loopback', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.0.2.2', 'example.com'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
