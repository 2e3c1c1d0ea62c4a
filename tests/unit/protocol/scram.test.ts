import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScramClient, ScramError, escapeSaslName, parseScramAttributes } from '@/lib/protocol/client/scram';

describe('SCRAM client', () => {
  it('reproduces the RFC 7677 SCRAM-SHA-256 example exchange', () => {
    const client = new ScramClient('SCRAM-SHA-256', 'user', 'pencil', 'rOprNGfwEbeRWgbNEkqO');
    assert.equal(client.firstMessage().toString(), 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO');
    const serverFirst = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
    assert.equal(
      client.finalMessage(Buffer.from(serverFirst)).toString(),
      'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
    );
    assert.doesNotThrow(() => client.verifyServerFinal(Buffer.from('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')));
    assert.throws(() => client.verifyServerFinal(Buffer.from('v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')), ScramError);
  });

  it('rejects a server nonce that does not extend ours and weak iteration counts', () => {
    const client = new ScramClient('SCRAM-SHA-512', 'user', 'pw', 'abc');
    assert.throws(() => client.finalMessage(Buffer.from('r=xyz123,s=c2FsdA==,i=4096')), /nonce/);
    assert.throws(() => client.finalMessage(Buffer.from('r=abcdef,s=c2FsdA==,i=10')), /iteration/);
    assert.throws(() => client.finalMessage(Buffer.from('e=invalid-proof')), /server error/);
  });

  it('escapes user names and parses attributes with "=" in values', () => {
    assert.equal(escapeSaslName('a=b,c'), 'a=3Db=2Cc');
    assert.deepEqual([...parseScramAttributes('r=abc,s=c2FsdA==,i=4096')], [['r', 'abc'], ['s', 'c2FsdA=='], ['i', '4096']]);
    assert.throws(() => parseScramAttributes('garbage'), ScramError);
  });
});
