import { describe, expect, it, vi } from 'vitest';
import { FakeHost } from '../hub/fake-host';
import { HostSupervisor } from './host-supervisor';

function supervise(host: FakeHost) {
  return new HostSupervisor({
    launcher: host.launcher,
    config: { ringMaxLines: 2000, ringMaxBytes: 4 * 1024 * 1024 },
    events: { message: () => {}, ready: () => {}, lost: () => {}, state: () => {} },
  });
}

const reapRequests = (host: FakeHost) => host.received.filter((m) => m.type === 'reap_orphans');

describe('HostSupervisor and the processes a dead host left', () => {
  it('asks the next host to end what a crashed host left, once it is done, never again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const host = new FakeHost();
      const supervisor = supervise(host);
      await supervisor.start();
      expect(reapRequests(host)).toEqual([]);
      host.crash();
      expect(supervisor.orphanedHosts).toEqual(['fake-1']);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(reapRequests(host)).toMatchObject([{ hostIds: ['fake-1'] }]);
      expect(supervisor.orphanedHosts).toEqual([]);
      host.crash();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(reapRequests(host).map((m) => m.hostIds)).toEqual([['fake-1'], ['fake-2']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again after a host that died before it answered', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const host = new FakeHost();
      const supervisor = supervise(host);
      await supervisor.start();
      host.crash();
      const answer = host.emit.bind(host);
      // The second host dies with the request unanswered.
      host.emit = (message) => (message.type === 'orphans_reaped' ? undefined : answer(message));
      await vi.advanceTimersByTimeAsync(5_000);
      host.crash();
      host.emit = answer;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(reapRequests(host).map((m) => m.hostIds)).toEqual([['fake-1'], ['fake-1', 'fake-2']]);
      expect(supervisor.orphanedHosts).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on quit with no host running (it gave up after crashes), starts one to end the leftovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const host = new FakeHost();
      const supervisor = supervise(host);
      await supervisor.start();
      for (let crash = 0; crash < 6; crash++) {
        host.crash();
        await vi.advanceTimersByTimeAsync(5_000);
      }
      expect(supervisor.state).toBe('failed');
      const launches = host.launches;
      const done = supervisor.shutdown(1_000);
      await vi.advanceTimersByTimeAsync(0);
      expect(await done).toMatchObject({ type: 'shutdown_done' });
      expect(host.launches).toBe(launches + 1);
      const last = host.received.slice(-2).map((m) => m.type);
      expect(last).toEqual(['reap_orphans', 'shutdown']);
    } finally {
      vi.useRealTimers();
    }
  });
});
