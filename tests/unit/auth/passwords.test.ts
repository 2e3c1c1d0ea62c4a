import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';

describe('password hashes', () => {
  it('hash-password makes argon2id hashes that verify', async () => {
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'correct horse'), true);
    assert.equal(await verifyPassword(hash, 'correct horsE'), false);
  });

  it('accepts bcrypt hashes made by other tools', async () => {
    const hash = await bcrypt.hash('battery staple', 4);
    assert.equal(await verifyPassword(hash, 'battery staple'), true);
    assert.equal(await verifyPassword(hash, 'battery'), false);
  });

  it('a malformed hash is a wrong password, not an exception', async () => {
    assert.equal(await verifyPassword('$argon2id$garbage', 'x'), false);
    assert.equal(await verifyPassword('plain', 'plain'), false);
  });
});
