import assert from 'node:assert/strict';
import { test } from 'node:test';
import { largestLag, lagTone } from '@/lib/lag/severity';

// Lag is coloured by how bad it is: never on zero, never for a healthy group, and a small number
// next to a large one stays quiet.

test('zero and healthy groups are never coloured', () => {
  assert.equal(lagTone('STALL', 0, 1608), 'plain');
  assert.equal(lagTone('WARN', null, 1608), 'plain');
  assert.equal(lagTone('OK', 1608, 1608), 'plain');
});

test('a number is coloured by its share of the largest shown, in the verdict tone', () => {
  assert.equal(lagTone('WARN', 1, 1608), 'plain');
  assert.equal(lagTone('WARN', 400, 1608), 'mild');
  assert.equal(lagTone('WARN', 1608, 1608), 'warn');
  assert.equal(lagTone('STALL', 1608, 1608), 'danger');
  assert.equal(lagTone('STOP', 5, 0), 'danger');
  assert.equal(largestLag([3, null, 1608, undefined]), 1608);
});
