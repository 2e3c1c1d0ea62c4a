import { getState } from './support/state';

export default async function globalTeardown() {
  const { app, cluster, control } = getState();
  app?.kill('SIGTERM');
  await control?.close();
  await cluster?.close();
}
