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
  reset() {
    frozen = null;
    offsetMs = 0;
  },
};
