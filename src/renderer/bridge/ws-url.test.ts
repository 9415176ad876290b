import { describe, expect, it } from 'vitest';
import { socketUrl, tokenFrom } from './ws-url';

describe('socketUrl', () => {
  it('uses ws on http and wss on https, with the page token', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4100', search: '?token=abc-_1' })).toBe(
      'ws://127.0.0.1:4100/ws?token=abc-_1',
    );
    expect(socketUrl({ protocol: 'https:', host: 'box:443', search: '?x=1&token=t' })).toBe(
      'wss://box:443/ws?token=t',
    );
  });

  it('escapes the token and sends an empty one when the page has none', () => {
    expect(socketUrl({ protocol: 'http:', host: 'h', search: '?token=a%26b' })).toBe('ws://h/ws?token=a%26b');
    expect(socketUrl({ protocol: 'http:', host: 'h', search: '' })).toBe('ws://h/ws?token=');
    expect(tokenFrom({ protocol: 'http:', host: 'h', search: '' })).toBeNull();
  });
});
