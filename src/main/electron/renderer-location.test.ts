import { describe, expect, it } from 'vitest';
import { rendererLocation } from './renderer-location';
import { isTrustedSender } from './sender-check';

describe('rendererLocation', () => {
  it('serves the packaged page from app://tabterm and trusts only that origin', () => {
    const location = rendererLocation({ packaged: true, devServerUrl: 'http://localhost:5173' });
    expect(location.trusted).toBe('app://tabterm');
    expect(location.pageUrl(null)).toBe('app://tabterm/index.html');
    expect(location.pageUrl('w-1')).toBe('app://tabterm/index.html?workspace=w-1');
    expect(isTrustedSender(location.pageUrl('w-1'), location.trusted, true)).toBe(true);
  });

  it('uses the dev server only in unpackaged builds and only on this machine', () => {
    const dev = rendererLocation({ packaged: false, devServerUrl: 'http://localhost:5173/' });
    expect(dev.trusted).toBe('http://localhost:5173');
    expect(dev.pageUrl('w')).toBe('http://localhost:5173/?workspace=w');
    expect(isTrustedSender(dev.pageUrl('w'), dev.trusted, true)).toBe(true);
    expect(rendererLocation({ packaged: false, devServerUrl: 'https://evil.example/' }).trusted).toBe(
      'app://tabterm',
    );
    expect(rendererLocation({ packaged: false, devServerUrl: 'not a url' }).trusted).toBe('app://tabterm');
    expect(rendererLocation({ packaged: false, devServerUrl: undefined }).trusted).toBe('app://tabterm');
  });
});
