export { OFFLINE_MODEL_NAME } from './completion.ts';
export {
  FAULT_KINDS,
  FaultConfigError,
  FaultInjector,
  type FaultKind,
  type FaultRule,
  type FaultUpdate,
  type ModelBehaviour,
} from './faults.ts';
export {
  createOfflineModelServer,
  type OfflineModelOptions,
  type OfflineModelServer,
  type RecordedRequest,
} from './server.ts';
