import type { Messages } from '../messages';
import type { schemaForm as zh } from '../zh-CN/schema-form';

export const schemaForm: Messages<typeof zh> = {
  chooseRegion: 'Choose the area (type to search)',
  creditCodeOk: 'The credit code checks out',
  yes: 'Yes',
  no: 'No',
  notAnswered: 'Not answered',
};
