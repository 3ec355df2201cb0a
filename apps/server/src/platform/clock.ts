/** The only source of "now" for rules; tests move it with `clock.set` / `clock.advance`. */
let offsetMs = 0;
let frozen: Date | null = null;

export const clock = {
  now(): Date {
    return frozen ? new Date(frozen) : new Date(Date.now() + offsetMs);
  },
  set(at: Date | null) {
    frozen = at ? new Date(at) : null;
  },
  advance(ms: number) {
    if (frozen) frozen = new Date(frozen.getTime() + ms);
    else offsetMs += ms;
  },
  /** The frozen instant, or null when the clock runs: lets a seed date its history and then put the clock back. */
  frozenAt(): Date | null {
    return frozen ? new Date(frozen) : null;
  },
  reset() {
    frozen = null;
    offsetMs = 0;
  },
};
