import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposition } from '@/lib/lag/prometheus';

describe('exposition', () => {
  it('writes HELP, TYPE and escaped labels', () => {
    const text = exposition([
      { name: 'kafka_consumergroup_lag', help: 'Lag.', type: 'gauge', samples: [{ labels: { cluster: 'a', consumergroup: 'we"ird\\g\nx', partition: 3 }, value: 42 }] },
      { name: 'empty', help: 'No samples.', type: 'gauge', samples: [] },
      { name: 'special', help: 'x', type: 'gauge', samples: [{ labels: {}, value: Number.NaN }] },
    ]);
    assert.equal(
      text,
      [
        '# HELP kafka_consumergroup_lag Lag.',
        '# TYPE kafka_consumergroup_lag gauge',
        'kafka_consumergroup_lag{cluster="a",consumergroup="we\\"ird\\\\g\\nx",partition="3"} 42',
        '# HELP empty No samples.',
        '# TYPE empty gauge',
        '# HELP special x',
        '# TYPE special gauge',
        'special NaN',
        '',
      ].join('\n'),
    );
  });
});
