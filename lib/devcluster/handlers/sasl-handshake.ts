// SaslHandshake v0-1: chooses PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 for this connection and lists
// the enabled mechanisms. v1 clients then send SaslAuthenticate requests; after a v0 handshake the
// tokens travel as raw frames, which the server feeds to the same SASL step function.
import { SaslHandshake, type SaslHandshakeRequest, type SaslHandshakeResponse } from '@/lib/protocol/generated/sasl-handshake';
import { saslHandshake } from '../sasl/authenticator';
import { defineHandler } from './types';

export const saslHandshakeHandler = defineHandler<SaslHandshakeRequest, SaslHandshakeResponse>({
  codec: SaslHandshake,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, req) {
    return saslHandshake(ctx.connection, ctx.cluster.users, req.mechanism);
  },
});
