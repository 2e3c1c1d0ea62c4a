// The server half of a SASL exchange on one connection, shared by the SaslAuthenticate handler
// and by the raw-token path that SaslHandshake v0 clients use. State lives on the connection
// (mechanism chosen by the handshake, SCRAM session in saslState); passwords are never logged or
// echoed in error messages.
import { ErrorCode } from '@/lib/protocol/errors';
import type { ConnectionState } from '../handlers/types';
import type { SaslUsers } from './credentials';
import { scramCredential } from './credentials';
import { enabledMechanisms } from './mechanisms';
import { authenticatePlain } from './plain';
import { SaslAuthenticationError, ScramServerSession, type ScramMechanism } from './scram';

export interface SaslStepResult {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** SaslHandshake: picks the mechanism for the exchange that follows. */
export function saslHandshake(connection: ConnectionState, users: SaslUsers, mechanism: string): { errorCode: number; mechanisms: string[] } {
  if (users.size === 0) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] };
  const mechanisms = enabledMechanisms(users);
  if (!(mechanisms as string[]).includes(mechanism)) return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms };
  connection.saslMechanism = mechanism;
  connection.saslState = null;
  return { errorCode: ErrorCode.NONE, mechanisms };
}

/** One client token of the exchange; on success the connection is authenticated. */
export function saslStep(connection: ConnectionState, users: SaslUsers, token: Buffer): SaslStepResult {
  const mechanism = connection.saslMechanism;
  if (users.size === 0 || mechanism === null) {
    return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SaslAuthenticate request received before a successful SaslHandshake', authBytes: EMPTY };
  }
  try {
    if (mechanism === 'PLAIN') {
      const user = authenticatePlain(token, (name) => {
        const u = users.get(name);
        return u && u.mechanisms.includes('PLAIN') ? u.password : null;
      });
      return succeed(connection, user, EMPTY);
    }
    let session = connection.saslState;
    if (!(session instanceof ScramServerSession)) {
      session = new ScramServerSession(mechanism as ScramMechanism, (name) => scramCredential(users, name, mechanism as ScramMechanism));
      connection.saslState = session;
    }
    const scram = session as ScramServerSession;
    const reply = scram.evaluate(token);
    const user = scram.authenticatedUser;
    return user === null ? { errorCode: ErrorCode.NONE, errorMessage: null, authBytes: reply } : succeed(connection, user, reply);
  } catch (err) {
    // The exchange is over: a new attempt needs a new handshake (Kafka closes the connection).
    connection.saslMechanism = null;
    connection.saslState = null;
    const message = err instanceof SaslAuthenticationError ? err.message : `Authentication failed with SASL mechanism ${mechanism}`;
    return { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: message, authBytes: EMPTY };
  }
}

function succeed(connection: ConnectionState, user: string, reply: Buffer): SaslStepResult {
  connection.authenticated = true;
  connection.principal = user;
  connection.saslMechanism = null;
  connection.saslState = null;
  return { errorCode: ErrorCode.NONE, errorMessage: null, authBytes: reply };
}
