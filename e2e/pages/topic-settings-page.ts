import type { Locator, Page } from '@playwright/test';

// The topic Settings tab: /clusters/:cluster/topics/:topic/settings.
export class TopicSettingsPage {
  constructor(readonly page: Page, readonly cluster: string, readonly topic: string) {}

  goto() {
    return this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/topics/${encodeURIComponent(this.topic)}/settings`);
  }
  row(config: string): Locator {
    return this.page.getByTestId(`config-row-${config}`);
  }
  value(config: string): Locator {
    return this.page.getByTestId(`config-value-${config}`);
  }
  editButton(config: string): Locator {
    return this.page.getByTestId(`config-edit-${config}`);
  }
  resetButton(config: string): Locator {
    return this.page.getByTestId(`config-reset-${config}`);
  }
  async stage(config: string, value: string) {
    await this.editButton(config).click();
    await this.page.getByTestId(`config-input-${config}`).fill(value);
    await this.page.getByTestId(`config-stage-${config}`).click();
  }
  pendingChange(config: string): Locator {
    return this.page.getByTestId(`pending-change-${config}`);
  }
  get validateConfigs(): Locator {
    return this.page.getByTestId('configs-validate-button');
  }
  get applyConfigs(): Locator {
    return this.page.getByTestId('configs-apply-button');
  }
  get configsResult(): Locator {
    return this.page.getByTestId('configs-result');
  }
  fieldError(field: string): Locator {
    return this.page.getByTestId(`field-error-${field}`);
  }
  get partitionsTotal(): Locator {
    return this.page.getByTestId('partitions-total-input');
  }
  get partitionsAck(): Locator {
    return this.page.getByTestId('partitions-ack');
  }
  get addPartitions(): Locator {
    return this.page.getByTestId('partitions-add-button');
  }
  get partitionsResult(): Locator {
    return this.page.getByTestId('partitions-result');
  }
  get cloneLink(): Locator {
    return this.page.getByTestId('clone-link');
  }
  get purgeScopePartitions(): Locator {
    return this.page.getByTestId('purge-scope-partitions');
  }
  get purgeScopeAll(): Locator {
    return this.page.getByTestId('purge-scope-all');
  }
  get purgePartition(): Locator {
    return this.page.getByTestId('purge-partition');
  }
  get purgeOffset(): Locator {
    return this.page.getByTestId('purge-offset');
  }
  get purgeConfirm(): Locator {
    return this.page.getByTestId('purge-confirm-input');
  }
  get purgeButton(): Locator {
    return this.page.getByTestId('purge-button');
  }
  get purgeResult(): Locator {
    return this.page.getByTestId('purge-result');
  }
  get deleteConfirm(): Locator {
    return this.page.getByTestId('delete-confirm-input');
  }
  get deleteButton(): Locator {
    return this.page.getByTestId('delete-button');
  }
  get dangerZone(): Locator {
    return this.page.getByTestId('danger-zone');
  }
}
