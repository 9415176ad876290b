import { describe, expect, it } from 'vitest';
import { HostRestart } from '../../shared/limits';
import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  it('restarts five times in a row with growing backoff, then gives up', () => {
    const policy = new RestartPolicy();
    const delays = [1, 2, 3, 4, 5].map(() => {
      const decision = policy.onCrash(10);
      expect(decision.restart).toBe(true);
      return decision.restart ? decision.delayMs : -1;
    });
    expect(delays).toEqual([250, 500, 1000, 2000, 4000]);
    expect(policy.onCrash(10)).toEqual({ restart: false, attempt: 6 });
  });

  it('counts afresh after a host that stayed up long enough', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < HostRestart.maxConsecutive; i++) policy.onCrash(10);
    expect(policy.onCrash(HostRestart.stableAfterMs)).toMatchObject({ restart: true, attempt: 1 });
  });

  it('lets a user retry after giving up', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i <= HostRestart.maxConsecutive; i++) policy.onCrash(10);
    policy.reset();
    expect(policy.onCrash(10)).toMatchObject({ restart: true, attempt: 1 });
  });
});
