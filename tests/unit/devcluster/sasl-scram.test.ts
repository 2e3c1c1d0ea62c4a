import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import {
  ScramServerSession,
  SaslAuthenticationError,
  authenticatePlain,
  deriveCredential,
  enabledMechanisms,
  saslHandshake,
  saslStep,
  scramCredential,
  type ScramMechanism,
} from '@/lib/devcluster/sasl';
import { ErrorCode } from '@/lib/protocol/errors';
import type { ConnectionState } from '@/lib/devcluster/handlers/types';

// RFC 7677 section 3 example exchange (user "user", password "pencil").
const RFC7677 = {
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

test('SCRAM-SHA-256 server reproduces the RFC 7677 exchange', () => {
  const credential = deriveCredential('SCRAM-SHA-256', 'pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'), 4096);
  const session = new ScramServerSession('SCRAM-SHA-256', (u) => (u === 'user' ? credential : null), () => RFC7677.serverNonce);
  assert.equal(session.evaluate(Buffer.from(RFC7677.clientFirst)).toString(), RFC7677.serverFirst);
  assert.equal(session.authenticatedUser, null);
  assert.equal(session.evaluate(Buffer.from(RFC7677.clientFinal)).toString(), RFC7677.serverFinal);
  assert.equal(session.authenticatedUser, 'user');
});

/** An independent SCRAM client computation (RFC 5802 section 3), as a driver would do it. */
function scramClient(mechanism: ScramMechanism, username: string, password: string, nonceStyle: 'rfc' | 'librdkafka' = 'rfc') {
  const alg = mechanism === 'SCRAM-SHA-256' ? 'sha256' : 'sha512';
  const size = mechanism === 'SCRAM-SHA-256' ? 32 : 64;
  const clientNonce = randomBytes(12).toString('base64');
  const bare = `n=${username.replace(/=/g, '=3D').replace(/,/g, '=2C')},r=${clientNonce}`;
  let expectedServerSignature = '';
  return {
    first: Buffer.from(`n,,${bare}`),
    final(serverFirst: string) {
      const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
      assert.ok(attrs.r.startsWith(clientNonce));
      const salted = pbkdf2Sync(password, Buffer.from(attrs.s, 'base64'), Number(attrs.i), size, alg);
      const clientKey = createHmac(alg, salted).update('Client Key').digest();
      const storedKey = createHash(alg).update(clientKey).digest();
      // librdkafka repeats its own nonce in front of the combined one; Kafka accepts that.
      const withoutProof = `c=biws,r=${nonceStyle === 'rfc' ? attrs.r : clientNonce + attrs.r}`;
      const authMessage = `${bare},${serverFirst},${withoutProof}`;
      const signature = createHmac(alg, storedKey).update(authMessage).digest();
      const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
      const serverKey = createHmac(alg, salted).update('Server Key').digest();
      expectedServerSignature = `v=${createHmac(alg, serverKey).update(authMessage).digest('base64')}`;
      return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`);
    },
    get expectedServerFinal() {
      return expectedServerSignature;
    },
  };
}

for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
  test(`${mechanism}: right password verifies both ways, wrong password is refused`, () => {
    const credential = deriveCredential(mechanism, 's3cr=t,pw');
    const lookup = (u: string) => (u === 'al,ice' ? credential : null);
    const ok = new ScramServerSession(mechanism, lookup);
    const client = scramClient(mechanism, 'al,ice', 's3cr=t,pw');
    const serverFirst = ok.evaluate(client.first).toString();
    const serverFinal = ok.evaluate(client.final(serverFirst)).toString();
    assert.equal(serverFinal, client.expectedServerFinal, 'the client can verify the server');
    assert.equal(ok.authenticatedUser, 'al,ice');

    const bad = new ScramServerSession(mechanism, lookup);
    const wrong = scramClient(mechanism, 'al,ice', 'guess');
    const first = bad.evaluate(wrong.first).toString();
    assert.throws(() => bad.evaluate(wrong.final(first)), (e: Error) => e instanceof SaslAuthenticationError && /invalid credentials/.test(e.message) && !e.message.includes('guess'));

    const unknown = new ScramServerSession(mechanism, lookup);
    assert.throws(() => unknown.evaluate(scramClient(mechanism, 'bob', 'x').first), SaslAuthenticationError);
  });
}

test('SCRAM accepts the client-final nonce as librdkafka sends it', () => {
  const credential = deriveCredential('SCRAM-SHA-512', 'pw');
  const session = new ScramServerSession('SCRAM-SHA-512', () => credential);
  const client = scramClient('SCRAM-SHA-512', 'u', 'pw', 'librdkafka');
  const serverFinal = session.evaluate(client.final(session.evaluate(client.first).toString())).toString();
  assert.equal(serverFinal, client.expectedServerFinal);
  assert.equal(session.authenticatedUser, 'u');
});

test('SCRAM rejects a tampered nonce and channel-binding requests', () => {
  const credential = deriveCredential('SCRAM-SHA-256', 'pw');
  const session = new ScramServerSession('SCRAM-SHA-256', () => credential);
  const client = scramClient('SCRAM-SHA-256', 'u', 'pw');
  const serverFirst = session.evaluate(client.first).toString();
  const final = client.final(serverFirst).toString().replace(/r=[^,]+/, 'r=forged');
  assert.throws(() => session.evaluate(Buffer.from(final)), /nonce/);
  const cb = new ScramServerSession('SCRAM-SHA-256', () => credential);
  assert.throws(() => cb.evaluate(Buffer.from('p=tls-unique,,n=u,r=abc')), /channel binding/);
});

test('PLAIN checks user and password and authzid', () => {
  const passwordOf = (u: string) => (u === 'alice' ? 'wonderland' : null);
  assert.equal(authenticatePlain(Buffer.from('\u0000alice\u0000wonderland'), passwordOf), 'alice');
  assert.equal(authenticatePlain(Buffer.from('alice\u0000alice\u0000wonderland'), passwordOf), 'alice');
  assert.throws(() => authenticatePlain(Buffer.from('\u0000alice\u0000nope'), passwordOf), /Invalid username or password/);
  assert.throws(() => authenticatePlain(Buffer.from('\u0000bob\u0000wonderland'), passwordOf), /Invalid username or password/);
  assert.throws(() => authenticatePlain(Buffer.from('mallory\u0000alice\u0000wonderland'), passwordOf), /authorization id/);
  assert.throws(() => authenticatePlain(Buffer.from('garbage'), passwordOf), /Invalid SASL\/PLAIN/);
});

function connection(): ConnectionState {
  return { id: 1, remoteAddress: '127.0.0.1', clientId: 'test', saslMechanism: null, principal: null, authenticated: false, saslState: null };
}

test('handshake + authenticate steps drive the connection state', () => {
  const users = new Map([
    ['alice', { password: 'wonderland', mechanisms: ['PLAIN', 'SCRAM-SHA-512'] }],
    ['bob', { password: 'builder', mechanisms: ['SCRAM-SHA-256'] }],
  ]);
  assert.deepEqual(enabledMechanisms(users), ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);

  const c = connection();
  assert.equal(saslStep(c, users, Buffer.from('\u0000alice\u0000wonderland')).errorCode, ErrorCode.ILLEGAL_SASL_STATE);
  const unsupported = saslHandshake(c, users, 'GSSAPI');
  assert.equal(unsupported.errorCode, ErrorCode.UNSUPPORTED_SASL_MECHANISM);
  assert.deepEqual(unsupported.mechanisms, ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);

  assert.equal(saslHandshake(c, users, 'PLAIN').errorCode, ErrorCode.NONE);
  const failed = saslStep(c, users, Buffer.from('\u0000alice\u0000wrong'));
  assert.equal(failed.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
  assert.match(failed.errorMessage!, /Invalid username or password/);
  assert.equal(c.authenticated, false);
  assert.equal(c.saslMechanism, null, 'a failed exchange needs a new handshake');

  saslHandshake(c, users, 'SCRAM-SHA-256');
  const client = scramClient('SCRAM-SHA-256', 'bob', 'builder');
  const first = saslStep(c, users, client.first);
  assert.equal(first.errorCode, ErrorCode.NONE);
  assert.equal(c.authenticated, false);
  const final = saslStep(c, users, client.final(first.authBytes.toString()));
  assert.equal(final.errorCode, ErrorCode.NONE);
  assert.equal(final.authBytes.toString(), client.expectedServerFinal);
  assert.equal(c.authenticated, true);
  assert.equal(c.principal, 'bob');

  // bob may not use SCRAM-SHA-512; alice may not use SCRAM-SHA-256.
  const d = connection();
  saslHandshake(d, users, 'SCRAM-SHA-512');
  assert.equal(saslStep(d, users, scramClient('SCRAM-SHA-512', 'bob', 'builder').first).errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
  assert.equal(saslHandshake(connection(), new Map(), 'PLAIN').errorCode, ErrorCode.ILLEGAL_SASL_STATE);
});

test('SCRAM credentials are derived once per user and mechanism, again only when the password changes', () => {
  const users = new Map([['carol', { password: 'one', mechanisms: ['SCRAM-SHA-256'] }]]);
  const a = scramCredential(users, 'carol', 'SCRAM-SHA-256');
  assert.equal(scramCredential(users, 'carol', 'SCRAM-SHA-256'), a);
  assert.equal(a!.iterations, 4096);
  users.set('carol', { password: 'two', mechanisms: ['SCRAM-SHA-256'] });
  assert.notEqual(scramCredential(users, 'carol', 'SCRAM-SHA-256'), a);
  assert.equal(scramCredential(users, 'carol', 'SCRAM-SHA-512'), null);
});
