// SaslAuthenticate v0-2: one SASL token per request (PLAIN: one round, SCRAM: two). Failures come
// back as SASL_AUTHENTICATION_FAILED with a message naming the reason, never the password.
// Sessions do not expire (sessionLifetimeMs 0: no re-authentication required).
import {
  SaslAuthenticate,
  type SaslAuthenticateRequest,
  type SaslAuthenticateResponse,
} from '@/lib/protocol/generated/sasl-authenticate';
import { saslStep } from '../sasl/authenticator';
import { defineHandler } from './types';

export const saslAuthenticateHandler = defineHandler<SaslAuthenticateRequest, SaslAuthenticateResponse>({
  codec: SaslAuthenticate,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, req) {
    return { ...saslStep(ctx.connection, ctx.cluster.users, req.authBytes), sessionLifetimeMs: 0 };
  },
});
