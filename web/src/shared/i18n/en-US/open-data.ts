import type { Messages } from '../messages';
import type { openData as source } from '../zh-CN/open-data';

export const openData: Messages<typeof source> = {
  tile: { portalNav: 'Open data', title: 'Open data', text: 'Open datasets and applications' },
};
