import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyForm, formFromTopic, formToRequest, settingFromValue, settingToConfig } from '@/lib/topics/create-form';

describe('create form', () => {
  it('turns settings into config values, leaving defaults out', () => {
    const form = emptyForm(3);
    form.name = ' orders ';
    form.settings['retention.ms'] = { mode: 'value', amount: '3', unit: 'd' };
    form.settings['retention.bytes'] = { mode: 'unlimited' };
    form.settings['compression.type'] = { mode: 'value', amount: 'zstd', unit: '' };
    const { request, errors } = formToRequest(form);
    assert.deepEqual(errors, {});
    assert.deepEqual(request, {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      configs: { 'retention.ms': '259200000', 'retention.bytes': '-1', 'compression.type': 'zstd' },
    });
  });

  it('names the field of a unit problem, an empty custom value, a duplicate or misplaced extra', () => {
    const form = emptyForm(1);
    form.settings['retention.ms'] = { mode: 'value', amount: '1.5', unit: 'ms' };
    form.settings['segment.bytes'] = { mode: 'value', amount: '', unit: 'MiB' };
    form.settings['max.message.bytes'] = { mode: 'value', amount: '3', unit: 'GiB' };
    form.extra = [
      { id: 1, key: 'segment.ms', value: '1' },
      { id: 2, key: 'segment.ms', value: '2' },
      { id: 3, key: 'retention.ms', value: '5' },
      { id: 4, key: '', value: 'orphan' },
      { id: 5, key: '', value: '' },
    ];
    const { errors } = formToRequest(form);
    assert.match(errors['configs.retention.ms'], /whole number of milliseconds/);
    assert.match(errors['configs.segment.bytes'], /Enter a value/);
    assert.match(errors['configs.max.message.bytes'], /Too large/, 'max.message.bytes is an int');
    assert.match(errors['extra.2'], /listed twice/);
    assert.match(errors['extra.3'], /common settings/);
    assert.match(errors['extra.4'], /config name/);
    assert.equal(errors['extra.5'], undefined, 'an empty row is ignored');
  });

  it('partition and replica text that is not a whole number becomes NaN (and then a field error)', () => {
    const form = emptyForm(3);
    form.partitions = '2.5';
    form.replicationFactor = 'x';
    const { request } = formToRequest(form);
    assert.ok(Number.isNaN(request.partitions));
    assert.ok(Number.isNaN(request.replicationFactor));
  });

  it('shows stored values in readable units and round-trips them', () => {
    assert.deepEqual(settingFromValue('retention.ms', '-1'), { mode: 'unlimited' });
    const v = settingFromValue('retention.ms', '172800000');
    assert.deepEqual(v, { mode: 'value', amount: '2', unit: 'd' });
    assert.deepEqual(settingToConfig('retention.ms', v), { value: '172800000' });
    assert.deepEqual(settingToConfig('retention.ms', { mode: 'default' }), {});
  });

  it('clones a topic: layout and overrides, a new name', () => {
    const form = formFromTopic(
      { name: 'orders', partitions: 12, replicationFactor: 3, overrides: { 'retention.ms': '86400000', 'segment.ms': '3600000' } },
      3,
    );
    assert.equal(form.name, 'orders-copy');
    assert.equal(form.partitions, '12');
    assert.equal(form.replicationFactor, '3');
    assert.deepEqual(form.settings['retention.ms'], { mode: 'value', amount: '1', unit: 'd' });
    assert.deepEqual(form.extra.map((e) => [e.key, e.value]), [['segment.ms', '3600000']]);
    assert.deepEqual(formToRequest(form).request.configs, { 'retention.ms': '86400000', 'segment.ms': '3600000' });
  });
});
