import type { Kernel } from '../kernel/context';

/** 可用不可见: the consumers' privacy budgets and a few past aggregate queries. */
export async function seedDemoAggregate(kernel: Kernel): Promise<void> {
  void kernel;
}
