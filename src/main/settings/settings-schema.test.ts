import { describe, expect, it } from 'vitest';
import { CommandId, defaultSettings } from '../../shared/settings';
import { settingsJsonSchema } from './settings-schema';

describe('settingsJsonSchema', () => {
  const schema = settingsJsonSchema() as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: unknown;
  };

  it('has every setting with its default and description, and allows $schema', () => {
    const keys = Object.keys(defaultSettings());
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', ...keys].sort());
    for (const key of keys) {
      expect(schema.properties[key]?.default, key).toEqual(
        defaultSettings()[key as keyof ReturnType<typeof defaultSettings>],
      );
      expect(schema.properties[key]?.description, key).toEqual(expect.any(String));
    }
    // Every key may be left out; keys the app does not know are flagged by the editor.
    expect(schema.required ?? []).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('carries the limits and choices the app checks', () => {
    expect(schema.properties.fontSize).toMatchObject({ type: 'number', minimum: 6, maximum: 72 });
    expect(schema.properties.theme).toMatchObject({
      type: 'string',
      description: expect.stringContaining('Solarized Dark'),
    });
    expect(schema.properties.cursorStyle).toMatchObject({ enum: ['block', 'underline', 'bar'] });
    expect(JSON.stringify(schema.properties.keybindings)).toContain(CommandId.options[0]);
  });
});
