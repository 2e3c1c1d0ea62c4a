import type { ApiCodec } from '@/lib/protocol/api-codec';
import type { DevCluster } from '../cluster';
export interface ConnectionState {
  id: number; remoteAddress: string; clientId: string | null;
  saslMechanism: string | null;      // set by SaslHandshake
  principal: string | null;          // set when authenticated
  authenticated: boolean;            // true immediately when the cluster has no users
  saslState: unknown;                // scratch space for multi-step SCRAM
}
export interface BrokerInfo { nodeId: number; host: string; port: number; rack: string | null }
export interface HandlerContext { cluster: DevCluster; broker: BrokerInfo; connection: ConnectionState }
export interface Handler<Req, Res> {
  codec: ApiCodec<Req, Res>;
  minVersion: number; maxVersion: number;   // what this handler serves; ApiVersions advertises exactly this
  handle(ctx: HandlerContext, request: Req, version: number): Res | Promise<Res>;
}
export function defineHandler<Req, Res>(h: Handler<Req, Res>): Handler<Req, Res> { return h; }
