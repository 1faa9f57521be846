export { emit, Outbox, OUTBOX_MAX_ATTEMPTS, outboxBackoffSeconds, type EventHandler } from './outbox';
