/**
 * Group commit for the public intake: submissions that arrive while the database is busy wait and go
 * together in one statement, so a thousand citizens a second cost a few dozen statements, not
 * thousands. Each caller still gets its own answer (or its own error), and only after the statement
 * that holds its row has returned, i.e. committed.
 */
export interface BatchOptions {
  /** Items in one statement at most. */
  maxBatch: number;
  /** Statements of this batcher running at once; more items wait and join the next one. */
  maxInFlight: number;
}

type Waiting<I, O> = { item: I; resolve: (out: O) => void; reject: (err: unknown) => void };

export class Batcher<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  /** `run` answers each item in order: its result, or an Error that is that item's alone. */
  constructor(
    private readonly run: (items: I[]) => Promise<(O | Error)[]>,
    private readonly options: BatchOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Starts on the next turn of the event loop, so requests that arrive together share the first statement too. */
  private schedule() {
    if (this.scheduled || this.running >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.options.maxInFlight && this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running++;
      void this.settle(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async settle(batch: Waiting<I, O>[]) {
    let outs: (O | Error)[];
    try {
      outs = await this.run(batch.map((w) => w.item));
    } catch (err) {
      // One bad item must not fail the others: on a failed batch each item is tried on its own.
      if (batch.length === 1) return batch[0]!.reject(err);
      outs = await Promise.all(
        batch.map((w) =>
          this.run([w.item]).then(
            (o) => o[0]!,
            (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
          ),
        ),
      );
    }
    batch.forEach((w, i) => {
      const out = outs[i]!;
      if (out instanceof Error) w.reject(out);
      else w.resolve(out);
    });
  }
}
