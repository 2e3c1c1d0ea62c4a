// The cluster sampler (lag, offsets, log dirs) lives in lib/kafka/traffic; kept here for its callers.
export { ensureSampler, stopSampler } from '../traffic/sampler';
