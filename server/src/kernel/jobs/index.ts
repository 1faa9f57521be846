export { scheduleJob, JobRunner, type JobHandler, type ScheduleOptions } from './jobs';
