import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browseQuerySchema, searchQuerySchema, tailQuerySchema } from '@/lib/api/messages';

// Browse, search and live tail read the `partitions` parameter the same way.

const schemas = { browse: browseQuerySchema, search: searchQuerySchema, tail: tailQuerySchema };

describe('the partitions query parameter', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: a comma-separated list, spaces allowed, sorted without repeats`, () => {
      assert.deepEqual(schema.parse({ partitions: '0, 1' }).partitions, [0, 1]);
      assert.deepEqual(schema.parse({ partitions: '2,0, 2 ,1' }).partitions, [0, 1, 2]);
    });

    it(`${name}: missing or "all" reads every partition`, () => {
      assert.equal(schema.parse({}).partitions, 'all');
      assert.equal(schema.parse({ partitions: 'all' }).partitions, 'all');
    });

    it(`${name}: refuses anything but numbers`, () => {
      for (const partitions of ['one', '0,,1', '-1', '1.5']) {
        const result = schema.safeParse({ partitions });
        assert.equal(result.success, false, partitions);
        assert.match(result.error!.issues[0].message, /comma-separated list of numbers/);
      }
    });
  }
});
