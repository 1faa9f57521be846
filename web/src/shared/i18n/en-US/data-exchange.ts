import type { Messages } from '../messages';
import type { dataExchange as source } from '../zh-CN/data-exchange';

export const dataExchange: Messages<typeof source> = {
  tile: { title: 'Data sharing', text: 'Request resources, approve, credentials and call logs' },
};
