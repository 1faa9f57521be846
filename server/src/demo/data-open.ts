import type { Kernel } from '../kernel/context';

/** 数据开放: open datasets and an application for a restricted one. */
export async function seedDemoOpenData(kernel: Kernel): Promise<void> {
  void kernel;
}
