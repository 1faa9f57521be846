import type { Messages } from '../messages';
import type { dataCatalogue as source } from '../zh-CN/data-catalogue';

export const dataCatalogue: Messages<typeof source> = {
  tile: { title: 'Data catalogue', text: 'Catalogue, review and search the city’s data resources' },
};
