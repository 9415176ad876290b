import { describe, expect, it } from 'vitest';
import { RefusalLog } from './refusal-log';

describe('RefusalLog', () => {
  it('logs a few refusals per window, then how many more there were', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new RefusalLog((line) => lines.push(line), { perWindow: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 500; i++) log.refused(`refused ${i}`);
    expect(lines).toEqual(['refused 0', 'refused 1', 'refused 2']);
    now = 1000;
    log.refused('refused later');
    expect(lines.slice(3)).toEqual([
      '… and 497 more refused WebSocket upgrades not logged one by one',
      'refused later',
    ]);
  });
});
