import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configValueError } from '@/lib/topics/config-catalog';
import { applyPreset, emptyForm, formToRequest } from '@/lib/topics/create-form';
import { findPreset, presetConfigs, topicPresets } from '@/lib/topics/presets';

describe('presets', () => {
  it('have unique ids and only valid config values', () => {
    assert.equal(new Set(topicPresets.map((p) => p.id)).size, topicPresets.length);
    for (const p of topicPresets) {
      for (const [name, value] of Object.entries(presetConfigs(p, 3))) {
        assert.equal(configValueError(name, value), null, `${p.id}: ${name}=${value}`);
      }
    }
  });

  it('ask for 2 in-sync replicas only when 3 or more replicas allow a failure', () => {
    const events = findPreset('events')!;
    assert.equal(presetConfigs(events, 3)['min.insync.replicas'], '2');
    assert.equal(presetConfigs(events, 2)['min.insync.replicas'], undefined);
    assert.equal(presetConfigs(findPreset('short-lived')!, 3)['min.insync.replicas'], undefined, 'not a durable preset');
  });

  it('fill the form: common settings with units, other configs as extra rows, partitions', () => {
    const form = applyPreset(emptyForm(3), findPreset('short-lived')!);
    assert.equal(form.preset, 'short-lived');
    assert.equal(form.partitions, '1');
    assert.deepEqual(form.settings['retention.ms'], { mode: 'value', amount: '1', unit: 'h' });
    assert.deepEqual(form.settings['segment.bytes'], { mode: 'value', amount: '64', unit: 'MiB' });
    assert.deepEqual(form.extra.map((e) => [e.key, e.value]), [['segment.ms', '3600000']]);
    const { request, errors } = formToRequest({ ...form, name: 'x' });
    assert.deepEqual(errors, {});
    assert.equal(request.configs['retention.ms'], '3600000');
    assert.equal(request.configs['segment.bytes'], String(64 * 1024 * 1024));
  });

  it('switching presets resets the previous preset’s common settings to the default', () => {
    let form = applyPreset(emptyForm(3), findPreset('long-term')!);
    assert.equal(form.settings['compression.type'].mode, 'value');
    form = applyPreset(form, findPreset('compacted')!);
    assert.equal(form.settings['compression.type'].mode, 'default');
    assert.deepEqual(form.settings['cleanup.policy'], { mode: 'value', amount: 'compact', unit: '' });
    assert.deepEqual(formToRequest({ ...form, name: 'x' }).request.configs['min.insync.replicas'], '2');
  });

  it('the defaults preset overrides nothing', () => {
    const form = applyPreset(applyPreset(emptyForm(3), findPreset('events')!), findPreset('defaults')!);
    assert.deepEqual(formToRequest({ ...form, name: 'x' }).request.configs, {});
  });
});
