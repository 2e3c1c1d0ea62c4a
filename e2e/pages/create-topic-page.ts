import type { Locator, Page } from '@playwright/test';

// The create-topic form: /clusters/:cluster/topics/new (optionally ?from=<topic>).
export class CreateTopicPage {
  constructor(readonly page: Page, readonly cluster: string) {}

  goto(from?: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/topics/new${from ? `?from=${encodeURIComponent(from)}` : ''}`);
  }
  get name(): Locator {
    return this.page.getByTestId('topic-name-input');
  }
  get partitions(): Locator {
    return this.page.getByTestId('partitions-input');
  }
  get replicationFactor(): Locator {
    return this.page.getByTestId('replication-factor-input');
  }
  get validateButton(): Locator {
    return this.page.getByTestId('validate-button');
  }
  get createButton(): Locator {
    return this.page.getByTestId('create-button');
  }
  get verdict(): Locator {
    return this.page.getByTestId('broker-verdict');
  }
  get form(): Locator {
    return this.page.getByTestId('create-topic-form');
  }
  preset(id: string): Locator {
    return this.page.getByTestId(`preset-${id}`);
  }
  fieldError(field: string): Locator {
    return this.page.getByTestId(`field-error-${field}`);
  }
  fieldWarning(field: string): Locator {
    return this.page.getByTestId(`field-warning-${field}`);
  }
  /** Sets a common setting to a custom value, with a unit when it has one. */
  async setCustom(setting: string, amount: string, unit?: string) {
    await this.page.getByTestId(`setting-${setting}-mode-value`).click();
    await this.page.getByTestId(`setting-${setting}-amount`).fill(amount);
    if (unit) await this.page.getByTestId(`setting-${setting}-unit`).selectOption(unit);
  }
  settingAmount(setting: string): Locator {
    return this.page.getByTestId(`setting-${setting}-amount`);
  }
  settingSelect(setting: string): Locator {
    return this.page.getByTestId(`setting-${setting}-select`);
  }
  async addConfig(key: string, value: string) {
    const index = await this.page.locator('[data-testid^="extra-config-key-"]').count();
    await this.page.getByTestId('add-config').click();
    await this.page.getByTestId(`extra-config-key-${index}`).fill(key);
    await this.page.getByTestId(`extra-config-value-${index}`).fill(value);
  }
  extraKey(index: number): Locator {
    return this.page.getByTestId(`extra-config-key-${index}`);
  }
  async removeConfig(index: number) {
    await this.page.getByTestId(`extra-config-remove-${index}`).click();
  }
}
