import type { Messages } from '../messages';
import type { cockpit as zh } from '../zh-CN/cockpit';

export const cockpit: Messages<typeof zh> = {
  title: 'Platform overview',
  accounts: 'Accounts',
  citizens: 'Individual accounts',
  enterprises: 'Enterprise accounts',
  staff: 'Staff',
  loginsByDay: 'Sign-ins per day',
  loginSuccess: 'Succeeded',
  loginFailure: 'Failed',
  departmentsByRegion: 'Departments per region',
  departments: 'Departments',
  auditByAction: 'Audit events by action',
  auditCount: 'Count',
  day: 'Day',
  region: 'Region',
  action: 'Action',
  showTable: 'Show as a table',
};
