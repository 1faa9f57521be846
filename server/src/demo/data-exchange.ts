import type { Kernel } from '../kernel/context';

/** 共享交换: share requests in every state, a demand, credentials and some call history. */
export async function seedDemoExchange(kernel: Kernel): Promise<void> {
  void kernel;
}
