export { saslHandshake, saslStep, type SaslStepResult } from './authenticator';
export { enabledMechanisms, SASL_MECHANISMS, type SaslMechanism } from './mechanisms';
export { scramCredential, type SaslUsers } from './credentials';
export { ScramServerSession, SaslAuthenticationError, deriveCredential, SCRAM_ITERATIONS, type ScramCredential, type ScramMechanism } from './scram';
export { authenticatePlain } from './plain';
