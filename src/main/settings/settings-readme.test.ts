// The README's Settings section is the file format's documentation: it must name every key and command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandId, defaultSettings } from '../../shared/settings';

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Settings\n'),
  readme.indexOf('\n## ', readme.indexOf('## Settings\n') + 1),
);

describe('README, Settings', () => {
  it('documents every key with its default', () => {
    for (const [key, value] of Object.entries(defaultSettings())) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
      expect(row, key).toBeDefined();
      if (typeof value !== 'string') expect(row, key).toContain(`\`${JSON.stringify(value)}\``);
    }
  });

  it('lists every command a key can be bound to', () => {
    const listed = section.replace(
      /`tab\.goto1`…`tab\.goto9`/,
      Array.from({ length: 9 }, (_, i) => `tab.goto${i + 1}`).join(' '),
    );
    for (const command of CommandId.options) expect(listed, command).toContain(command);
  });
});
