import type { Messages } from '../messages';
import type { dataRegistries as source } from '../zh-CN/data-registries';

export const dataRegistries: Messages<typeof source> = {
  tile: { title: 'Base registries', text: 'Registry data, cross-checks and disputes' },
};
