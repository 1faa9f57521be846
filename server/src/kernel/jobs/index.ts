export { scheduleJob, JobRunner, type JobHandler, type JobMeta, type ScheduleOptions } from './jobs';
