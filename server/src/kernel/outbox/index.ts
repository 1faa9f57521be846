export { emit, Outbox, type EventHandler } from './outbox';
