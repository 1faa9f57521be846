import type { Kernel } from '../kernel/context';

/** 数据资源目录: the demo city's catalogue entries and the records of its table resources. */
export async function seedDemoDataCatalogue(kernel: Kernel): Promise<void> {
  void kernel;
}
