export { audit, inTransaction, type AuditEntry } from './write';
export { verifyAuditChain, type ChainVerdict } from './verify';
export { canonicalJson } from './canonical';
export { dailyOutcomes, countsByAction } from './stats';
export { writeCheckpoint, verifyCheckpoints, CHECKPOINT_FILE, type Checkpoint, type CheckpointVerdict } from './checkpoint';
