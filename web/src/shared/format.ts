import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// Government screens show Beijing time as people read it on paper (2026-03-01 14:05), whatever the browser's own
// time zone: case numbers, deadlines and letters are all in Beijing time (UTC+8, no daylight saving).
const BEIJING_OFFSET_MINUTES = 8 * 60;

const beijing = (iso: string) => dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES);

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? beijing(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? beijing(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? beijing(iso).format('YYYY-MM-DD') : '';
}
