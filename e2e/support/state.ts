import type { ChildProcess } from 'node:child_process';
import type { DevCluster } from '@/lib/devcluster';
import type { ControlServer } from './control-server';

// Global setup and teardown run in the same runner process; this carries what one started to the other.
interface E2EState {
  app?: ChildProcess;
  cluster?: DevCluster;
  control?: ControlServer;
}

let state: E2EState = {};
export const setState = (s: E2EState) => {
  state = s;
};
export const getState = () => state;
