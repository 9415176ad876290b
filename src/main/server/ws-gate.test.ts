import { describe, expect, it } from 'vitest';
import { allowedHostsFor, checkUpgrade, type GateConfig, singleHost } from './ws-gate';

const config: GateConfig = { token: 'secret-token', allowedHosts: allowedHostsFor('127.0.0.1', 8123) };
const good = { url: '/ws?token=secret-token', host: '127.0.0.1:8123', origin: 'http://127.0.0.1:8123' };

describe('checkUpgrade', () => {
  it('admits our own page with the launch token', () => {
    expect(checkUpgrade(config, good)).toEqual({ ok: true });
    expect(
      checkUpgrade(config, { ...good, host: 'localhost:8123', origin: 'http://localhost:8123' }),
    ).toEqual({
      ok: true,
    });
  });

  it.each([
    ['no token', { url: '/ws' }, 401],
    ['a wrong token', { url: '/ws?token=secret-tokeN' }, 401],
    ['a token prefix', { url: '/ws?token=secret' }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['the null Origin', { origin: 'null' }, 403],
    ['no Origin', { origin: undefined }, 403],
    ['a foreign port in the Origin', { origin: 'http://127.0.0.1:9999' }, 403],
    ['a file: Origin', { origin: 'file://' }, 403],
    ['a rebinding Host header', { host: 'evil.example:8123' }, 403],
    ['no Host header', { host: undefined }, 403],
    ['another path', { url: '/other?token=secret-token' }, 404],
  ])('refuses %s', (_name, change, status) => {
    const result = checkUpgrade(config, { ...good, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.status).toBe(status);
  });
});

describe('allowedHostsFor', () => {
  it('accepts every loopback spelling when bound to loopback', () => {
    expect(allowedHostsFor('127.0.0.1', 1)).toEqual(['127.0.0.1:1', 'localhost:1', '[::1]:1']);
  });

  it('accepts only the bound address otherwise', () => {
    expect(allowedHostsFor('192.0.2.7', 80)).toEqual(['192.0.2.7:80']);
    expect(allowedHostsFor('fe80::1', 80)).toEqual(['[fe80::1]:80']);
  });
});

describe('singleHost', () => {
  it('gives the one Host header, and nothing when there are none or two', () => {
    expect(singleHost(['Host', '127.0.0.1:1', 'Origin', 'x'])).toBe('127.0.0.1:1');
    expect(singleHost(['Origin', 'x'])).toBeUndefined();
    expect(singleHost(['Host', '127.0.0.1:1', 'host', 'evil.example:1'])).toBeUndefined();
  });
});
