export { BrokerConnection, DEFAULT_CLIENT_ID } from './connection';
export type { ConnectionOptions, SaslMechanism, SaslOptions, SendOptions, TlsOptions, VersionRange } from './connection';
export { ClusterClient, parseHostPort } from './cluster';
export type { BrokerAddress, ClusterClientOptions } from './cluster';
export * from './errors';
export { ScramClient, ScramError } from './scram';
