import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const APP = 'app://tabterm';
const DEV = 'http://localhost:5173';
const FILE = 'file:///opt/Tabterm/resources/app.asar/out/renderer/index.html';

describe('isTrustedSender accepts our own page in its top frame', () => {
  it.each([
    ['app://tabterm/index.html', APP],
    ['app://tabterm/index.html?workspace=w1#x', APP],
    ['app://TABTERM/index.html', APP],
    ['http://localhost:5173/', DEV],
    ['http://localhost:5173/index.html?workspace=w2', DEV],
    [FILE, FILE],
    [`${FILE}?workspace=w1#top`, FILE],
  ])('%s (expected %s)', (frameUrl, expected) => {
    expect(isTrustedSender(frameUrl, expected, true)).toBe(true);
  });
});

describe('isTrustedSender refuses everything else', () => {
  it.each([
    ['a sub-frame of our own page', 'app://tabterm/index.html', APP, false],
    ['another custom-scheme host', 'app://evil/index.html', APP, true],
    ['another scheme with the same host', 'https://tabterm/index.html', APP, true],
    ['a web page', 'https://example.com/', APP, true],
    ['a look-alike host with our host as prefix', 'http://localhost:5173.evil.com/', DEV, true],
    ['another port', 'http://localhost:51730/', DEV, true],
    ['https instead of http', 'https://localhost:5173/', DEV, true],
    ['credentials smuggling another host', 'http://localhost:5173@evil.com/', DEV, true],
    ['credentials on our own host', 'http://user:pw@localhost:5173/', DEV, true],
    ['another local file', 'file:///home/u/Downloads/evil.html', FILE, true],
    [
      'our file on a UNC host',
      'file://server/opt/Tabterm/resources/app.asar/out/renderer/index.html',
      FILE,
      true,
    ],
    ['a file when we expect an origin', FILE, APP, true],
    ['about:blank', 'about:blank', APP, true],
    ['a data: URL', 'data:text/html,<script>1</script>', APP, true],
    ['an empty URL', '', APP, true],
    ['no URL (frame destroyed)', undefined, APP, true],
    ['garbage', 'not a url', APP, true],
    ['garbage as the expectation', 'app://tabterm/index.html', 'not a url', true],
  ])('%s', (_label, frameUrl, expected, isMainFrame) => {
    expect(isTrustedSender(frameUrl, expected, isMainFrame)).toBe(false);
  });
});
