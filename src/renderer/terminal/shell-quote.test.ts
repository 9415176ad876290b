import { describe, expect, it } from 'vitest';
import { dropText, quoteForShell, shellKindOf } from './shell-quote';

describe('shellKindOf', () => {
  it('reads the kind from the shell name, whatever the folder style', () => {
    expect(shellKindOf('/bin/bash')).toBe('posix');
    expect(shellKindOf('/usr/local/bin/fish')).toBe('posix');
    expect(shellKindOf('zsh')).toBe('posix');
    expect(shellKindOf('C:\\Program Files\\Git\\bin\\bash.exe')).toBe('posix');
    expect(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe')).toBe('powershell');
    expect(shellKindOf('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')).toBe('powershell');
    expect(shellKindOf('/usr/bin/pwsh')).toBe('powershell');
    expect(shellKindOf('C:\\Windows\\system32\\cmd.exe')).toBe('cmd');
    expect(shellKindOf('CMD.EXE')).toBe('cmd');
  });
});

describe('quoteForShell', () => {
  it("POSIX: single quotes, a quote inside becomes '\\''", () => {
    expect(quoteForShell('/home/me/My File.txt', 'posix')).toBe(`'/home/me/My File.txt'`);
    expect(quoteForShell("/tmp/it's here", 'posix')).toBe(`'/tmp/it'\\''s here'`);
    expect(quoteForShell('/tmp/$(rm -rf ~)`x`;"', 'posix')).toBe(`'/tmp/$(rm -rf ~)\`x\`;"'`);
  });

  it('PowerShell: single quotes, a quote inside doubled (curly ones too)', () => {
    expect(quoteForShell('C:\\Users\\me\\My File.txt', 'powershell')).toBe(`'C:\\Users\\me\\My File.txt'`);
    expect(quoteForShell("C:\\it's $env:x", 'powershell')).toBe(`'C:\\it''s $env:x'`);
    expect(quoteForShell('C:\\a\u2019b', 'powershell')).toBe(`'C:\\a\u2019\u2019b'`);
  });

  it('cmd: double quotes, never a double quote inside', () => {
    expect(quoteForShell('C:\\Program Files\\a & b.txt', 'cmd')).toBe('"C:\\Program Files\\a & b.txt"');
    expect(quoteForShell('C:\\x" & calc', 'cmd')).toBe('"C:\\x & calc"');
  });
});

describe('dropText', () => {
  it('quotes each file and separates them with spaces, leaving a space to go on typing', () => {
    expect(dropText(['/a b', "/c'd"], 'posix')).toBe(`'/a b' '/c'\\''d' `);
    expect(dropText(['C:\\x y'], 'cmd')).toBe('"C:\\x y" ');
  });

  it('types nothing for nothing', () => {
    expect(dropText([], 'posix')).toBe('');
    expect(dropText([''], 'powershell')).toBe('');
  });
});
