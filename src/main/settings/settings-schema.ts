// The JSON Schema of settings.json, generated from the zod schema the app validates with, so editors
// check exactly what Tabterm accepts. Written beside settings.json (SCHEMA_FILE) at every start.
import { z } from 'zod';
import { Settings } from '../../shared/settings';

export function settingsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Settings, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  const properties = (generated.properties ?? {}) as Record<string, unknown>;
  return {
    ...generated,
    title: 'Tabterm settings',
    description: 'settings.json in the Tabterm data folder. Every key is optional.',
    properties: {
      $schema: { type: 'string', description: 'The schema editors check this file against.' },
      ...properties,
    },
  };
}

export function settingsJsonSchemaText(): string {
  return `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`;
}
