// Things the user must know that belong to no tab: notices (role alert, dismissible), the session
// host's health (with a restart button once it gave up), and the connection while it is down.
import type { ConnectionState } from '../../shared/bridge';
import type { HostInfo, Notice } from '../state/ui-state';
import { el, ICONS, icon, reconcile } from './dom';

export interface BannerActions {
  dismiss(id: number): void;
  restartHost(): void;
}

export class Banners {
  readonly element: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly notices: HTMLDivElement;
  private readonly noticeItems = new Map<string, HTMLDivElement>();
  private everOpen = false;
  private statusKey = '';

  constructor(private readonly actions: BannerActions) {
    this.status = el('div', { class: 'banner-slot' });
    this.notices = el('div', { class: 'banner-list' });
    this.element = el('div', { class: 'banners' }, this.status, this.notices);
  }

  update(notices: readonly Notice[], host: HostInfo | null, connection: ConnectionState): void {
    if (connection === 'open') this.everOpen = true;
    this.renderStatus(host, connection);
    const byKey = new Map(notices.map((n) => [String(n.id), n]));
    reconcile(this.notices, this.noticeItems, [...byKey.keys()], (key) => {
      const notice = byKey.get(key);
      return notice ? this.noticeElement(notice) : el('div');
    });
  }

  private noticeElement(notice: Notice): HTMLDivElement {
    const dismiss = el(
      'button',
      { type: 'button', class: 'icon-button banner-dismiss', 'aria-label': 'Dismiss', title: 'Dismiss' },
      icon(ICONS.close, 'icon'),
    );
    dismiss.addEventListener('click', () => this.actions.dismiss(notice.id));
    return el(
      'div',
      { class: `banner banner-${notice.level}`, role: 'alert', 'data-code': notice.code },
      el('span', { class: 'banner-text' }, notice.message),
      dismiss,
    );
  }

  private renderStatus(host: HostInfo | null, connection: ConnectionState): void {
    const key = `${connection}|${this.everOpen}|${host?.state}|${host?.restarts}|${host?.message}`;
    if (key === this.statusKey) return;
    this.statusKey = key;
    this.status.replaceChildren(...this.statusBanners(host, connection));
  }

  private statusBanners(host: HostInfo | null, connection: ConnectionState): HTMLElement[] {
    if (connection !== 'open') {
      const text = this.everOpen ? 'Connection to Tabterm lost — reconnecting…' : 'Connecting to Tabterm…';
      return [
        el(
          'div',
          { class: 'banner banner-warning', role: 'status' },
          el('span', { class: 'banner-text' }, text),
        ),
      ];
    }
    if (!host || host.state === 'running') return [];
    if (host.state === 'failed') {
      const restart = el('button', { type: 'button', class: 'button' }, 'Restart session host');
      restart.addEventListener('click', () => this.actions.restartHost());
      const detail = host.message ? ` ${host.message}` : '';
      return [
        el(
          'div',
          { class: 'banner banner-error', role: 'alert' },
          el(
            'span',
            { class: 'banner-text' },
            `The session host stopped and could not be restarted.${detail}`,
          ),
          restart,
        ),
      ];
    }
    const text =
      host.state === 'unresponsive'
        ? 'The session host is not responding…'
        : `Restarting the session host${host.restarts > 0 ? ` (attempt ${host.restarts})` : ''}…`;
    return [
      el(
        'div',
        { class: 'banner banner-warning', role: 'status' },
        el('span', { class: 'banner-text' }, text),
      ),
    ];
  }
}
