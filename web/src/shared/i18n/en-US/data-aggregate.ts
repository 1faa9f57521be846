import type { Messages } from '../messages';
import type { dataAggregate as source } from '../zh-CN/data-aggregate';

export const dataAggregate: Messages<typeof source> = {
  tile: { title: 'Aggregate queries', text: 'Privacy-preserving aggregate-only queries' },
};
