import os from 'node:os';
import { Worker } from 'node:worker_threads';

// Signing threads for bulk signing (e.g. importing 300,000 historical licences): SM2 costs ~0.5 ms per signature,
// so a big batch is split over one thread per core. The threads hold the private key only for the pool's life
// (withSealSigner's scope) and are terminated when it ends.

type Pending = { resolve: (signatures: string[]) => void; reject: (error: Error) => void };

/** At most four threads: beyond that the database, not signing, is what an import waits for. */
export function signingThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export class SignPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(privateKeyHex: string, publicKeyHex: string, size = signingThreads()) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./sign-worker.mjs', import.meta.url), { workerData: { privateKeyHex, publicKeyHex } });
      worker.on('message', (reply: { id: number; signatures?: string[]; error?: string }) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (!waiting) return;
        if (reply.signatures) waiting.resolve(reply.signatures);
        else waiting.reject(new Error(reply.error ?? 'signing thread failed'));
      });
      worker.on('error', (error) => this.fail(error));
      return worker;
    });
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private ask(worker: Worker, messages: Uint8Array[]): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, messages });
    });
  }

  /** DER signatures (hex) of the messages, in order, the work split evenly over the threads. */
  async sign(messages: Uint8Array[]): Promise<string[]> {
    const share = Math.ceil(messages.length / this.workers.length);
    const parts = this.workers.map((worker, i) => {
      const slice = messages.slice(i * share, (i + 1) * share);
      return slice.length === 0 ? Promise.resolve([]) : this.ask(worker, slice);
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
