// Holds the UI state and tells subscribers when it changed. Events dispatched while subscribers run
// are queued, so every subscriber sees every state in order.
export class Store<S, E> {
  private readonly listeners = new Set<(state: S) => void>();
  private readonly queue: E[] = [];
  private notifying = false;

  constructor(
    private state: S,
    private readonly reducer: (state: S, event: E) => S,
  ) {}

  get(): S {
    return this.state;
  }

  dispatch(event: E): void {
    this.queue.push(event);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const state = this.reducer(this.state, next);
        if (state === this.state) continue;
        this.state = state;
        for (const listener of [...this.listeners]) listener(state);
      }
    } finally {
      this.notifying = false;
      this.queue.length = 0;
    }
  }

  subscribe(listener: (state: S) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
