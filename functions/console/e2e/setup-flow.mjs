// Browser test of the product doc's set-up flow, driven through the console against a running local stack
// (./run-local or the JUnit ConsoleBrowserFunctionalTest, which starts one and runs this script).
//
// Env: CONSOLE_BASE_URL (API base, e.g. http://127.0.0.1:8080), CONSOLE_API_KEY (an admin key),
//      SCREENSHOT_DIR (where the PNGs go), CHROMIUM_PATH (default /usr/bin/chromium).
// The TikTok side is the stack's sandbox: its control API (from GET /_local/health) sets up what a seller would
// have (a seller with one shop; an order with a SKU the app does not know), never the connector's state.
//
// Walks: sign in → add an integration → connect to TikTok (sandbox consent page → callback → back to the console)
// → an invalid value is refused inline → change two settings → save → history entry → restore → export → import
// into a second integration (dry-run diff, then apply) → resync → orders filter → "why is this order not here?"
// → order page with its timeline → flow health → an exception parked by a real order, fixed, replayed, resolved
// → that order shipped (fulfillment posted, next status in the timeline) → phone width. Saves a screenshot of each main page.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = required('CONSOLE_BASE_URL').replace(/\/$/, '');
const apiKey = required('CONSOLE_API_KEY');
const shots = process.env.SCREENSHOT_DIR || join(process.cwd(), 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT = 30_000;

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}

function log(msg) {
  console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

async function http(method, url, body, headers = {}) {
  const r = await fetch(url, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url} answered ${r.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}
const api = (method, path, body) => http(method, base + path, body, { Authorization: `Bearer ${apiKey}` });

async function eventually(what, fn, timeoutMs = 90_000, everyMs = 1_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

if (!existsSync(chromiumPath)) {
  throw new Error(`No Chromium at ${chromiumPath}. Install Debian's: apt-get install -y --no-install-recommends chromium`);
}
mkdirSync(shots, { recursive: true });

// ------------------------------------------------------------------ the stack and the TikTok side
const health = await http('GET', `${base}/_local/health`);
check(health.status === 'ready', `local stack ready (was ${health.status})`);
const control = health.endpoints.tiktokSandboxControl;
check(control, 'the stack runs the TikTok sandbox (its control URL is in /_local/health)');
const demo = health.integrations.filter((i) => i.status === 'CONNECTED');
check(demo.length >= 1, 'a connected demo integration exists');
const second = demo[0];
const stamp = Date.now().toString(36);
const seller = await http('POST', `${control}/sellers`, { name: `Console Seller ${stamp}`, base_region: 'US' });
const shop = await http('POST', `${control}/sellers/${seller.id}/shops`, { name: `Console Shop ${stamp}`, region: 'US' });
log(`sandbox seller ${seller.id} with shop ${shop.id}; second integration ${second.integrationId}`);

// ------------------------------------------------------------------ browser
// Debian's Chromium, never a downloaded browser; a fresh profile (Playwright passes it as --user-data-dir).
const profile = mkdtempSync(join(tmpdir(), 'console-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1360, height: 900 },
  acceptDownloads: true,
});
const problems = [];
let page;
try {
  context.setDefaultTimeout(STEP_TIMEOUT);
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Refused API calls (the validation step's 400) show as failed loads; the page handles them.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  const shot = async (name, opts = {}) => {
    await page.screenshot({ path: join(shots, `${name}.png`), ...opts });
    log(`screenshot ${name}.png`);
  };
  const heading = (name) => page.getByRole('heading', { level: 1, name });

  // Sign in, with the keyboard.
  log('sign in');
  await page.goto(`${base}/console`);
  check(page.url().endsWith('/console/'), `/console redirects to /console/ (at ${page.url()})`);
  await page.getByLabel('API key').focus();
  await page.keyboard.type(apiKey);
  await page.keyboard.press('Enter');
  await heading('Integrations').waitFor();

  // Add an integration and connect it.
  log('add integration');
  const name = `TikTok US ${stamp}`;
  await page.getByRole('link', { name: 'Add integration' }).click();
  await page.getByLabel('Connector name').fill(name);
  await page.getByRole('button', { name: 'Create integration' }).click();
  await heading(name).waitFor();
  check(await page.getByTestId('integration-status').innerText() === 'Not connected', 'a new integration is not connected');
  const integrationId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);

  log('connect to TikTok');
  // The seller signs in to TikTok as our sandbox seller: the sandbox consent page takes the seller as seller_id.
  await page.route((url) => url.pathname.endsWith('/open/authorize') && !url.searchParams.has('seller_id'), (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('seller_id', seller.id);
    return route.continue({ url: url.toString() });
  });
  await page.getByRole('button', { name: 'Connect to TikTok' }).click();
  await page.getByRole('heading', { name: 'Authorize app' }).waitFor();
  check((await page.content()).includes(shop.name), 'the consent page lists the seller\'s shop');
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByRole('heading', { name: 'Shop connected' }).waitFor();
  await page.getByRole('link', { name: 'Back to the console' }).click();
  await heading(name).waitFor();
  await page.getByTestId('integration-status').filter({ hasText: 'Connected' }).waitFor();
  check((await page.locator('.facts').innerText()).includes(shop.id), 'the integration page shows the connected shop');
  await shot('integration');
  await page.getByRole('link', { name: 'Integrations', exact: true }).first().click();
  await page.locator(`tr[data-integration-id="${integrationId}"]`).getByText('Connected').waitFor();
  await shot('integrations');

  // Settings: the API's validation shows inline, next to the field it names.
  log('settings');
  await page.goto(`${base}/console/#/integrations/${encodeURIComponent(integrationId)}/settings`);
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  const cutoff = page.getByLabel('Exclude orders created before this date');
  const originalCutoff = await cutoff.inputValue();
  await cutoff.fill('last tuesday');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const cutoffError = page.locator('[data-path="orders.excludeOrdersCreatedBefore"] .field-error');
  await cutoffError.waitFor();
  log(`inline error: ${await cutoffError.innerText()}`);
  check(await cutoff.getAttribute('aria-invalid') === 'true', 'the refused field is marked invalid');
  await cutoff.fill(originalCutoff);

  // Two settings changed and saved.
  const onHold = page.getByRole('switch', { name: 'Pull Orders in On Hold status' });
  check(!(await onHold.isChecked()), 'Pull Orders in On Hold status is off by default');
  await onHold.check();
  const template = `Thank you for shopping with us (${stamp})! Questions? Reply here.`;
  await page.getByLabel('Message Template').fill(template);
  await page.getByText('2 unsaved changes').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByTestId('notice').filter({ hasText: 'Saved 2 changes as version' }).waitFor();
  const entry = page.locator('.history-item').first();
  await entry.filter({ hasText: 'orders.pullOnHold' }).filter({ hasText: 'orders.messageTemplate' }).waitFor();
  const savedVersion = Number(await entry.getAttribute('data-version'));
  log(`saved as version ${savedVersion}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('settings');
  // Every form control has an accessible name.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
      && !el.closest('label'))
    .map((el) => el.id || el.name || el.outerHTML.slice(0, 60)));
  check(unlabelled.length === 0, `every settings control is labelled (unlabelled: ${unlabelled.join(', ')})`);

  // Export, then import into the second integration with the dry-run diff first.
  log('export');
  await page.getByRole('link', { name: 'Export / import' }).click();
  await page.getByRole('button', { name: 'Export configuration' }).click();
  const exported = await page.getByLabel('Exported document').inputValue();
  check(exported.includes('"schemaVersion"') && exported.includes(stamp), 'the export holds the saved settings');
  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download JSON' }).click();
  const download = await downloadEvent;
  const file = join(shots, 'exported-config.json');
  await download.saveAs(file);

  log(`import into ${second.name}`);
  await page.goto(`${base}/console/#/integrations/${encodeURIComponent(second.integrationId)}/config`);
  await page.getByLabel('Configuration file').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview import' }).click();
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  const previewText = await preview.innerText();
  const before = await api('GET', `/v1/integrations/${encodeURIComponent(second.integrationId)}/settings`);
  check(previewText.includes('orders.messageTemplate') && (before.settings.orders.pullOnHold || previewText.includes('orders.pullOnHold')),
    `the dry run lists the changes: ${previewText}`);
  check(before.settings.orders.messageTemplate !== template, 'the dry run changed nothing');
  await shot('import-preview');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByTestId('notice').filter({ hasText: 'Imported:' }).waitFor();
  const imported = await api('GET', `/v1/integrations/${encodeURIComponent(second.integrationId)}/settings`);
  check(imported.settings.orders.pullOnHold === true && imported.settings.orders.messageTemplate === template, 'the second integration has the imported settings');

  // Resync from the settings page.
  log('resync');
  await page.getByRole('link', { name: 'Settings' }).click();
  check(await page.getByRole('switch', { name: 'Pull Orders in On Hold status' }).isChecked(), 'the imported switch shows on');
  await page.getByRole('button', { name: 'Force inventory resync' }).click();
  const queued = page.getByTestId('resync-inventory');
  await queued.waitFor();
  log(`resync: ${await queued.innerText()}`);

  // Restore on the first integration: the history's previous version comes back as a new version.
  log('restore');
  await page.goto(`${base}/console/#/integrations/${encodeURIComponent(integrationId)}/settings`);
  await page.getByRole('button', { name: `Restore version ${savedVersion - 1}` }).click();
  await page.getByTestId('notice').filter({ hasText: `Restored version ${savedVersion - 1} as version ${savedVersion + 1}` }).waitFor();
  check(!(await page.getByRole('switch', { name: 'Pull Orders in On Hold status' }).isChecked()), 'the restore switched On Hold back off');

  // Flow health of the second integration.
  log('flow health');
  await page.goto(`${base}/console/#/integrations/${encodeURIComponent(second.integrationId)}/health`);
  await page.locator('.flow-card[data-flow="ORDERS"]').waitFor();
  await page.getByRole('heading', { name: 'Dead-letter queues' }).waitFor();
  await shot('health');

  // Orders: filter by integration, the diagnostic, then one order with its timeline.
  log('orders');
  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await heading('Orders').waitFor();
  await page.locator('#f-integration').selectOption(second.integrationId);
  const firstOrder = page.locator('tr[data-order-id]').first();
  await firstOrder.waitFor();
  const tiktokOrderId = (await firstOrder.locator('a').first().innerText()).trim();
  await page.getByLabel('Search').fill(tiktokOrderId);
  check(await page.locator('tr[data-order-id]').count() === 1, 'the text filter finds exactly the order');
  await page.getByLabel('Search').fill('');
  await shot('orders');
  await page.getByLabel('TikTok order id').fill(tiktokOrderId);
  await page.getByRole('button', { name: 'Check order' }).click();
  const diagnosis = page.getByTestId('diagnosis');
  await diagnosis.waitFor();
  check((await diagnosis.innerText()).includes('In the app: yes'), `the diagnostic finds the order in the app: ${await diagnosis.innerText()}`);
  await page.getByRole('link', { name: tiktokOrderId }).first().click();
  await heading(`Order ${tiktokOrderId}`).waitFor();
  const timeline = page.locator('.timeline-item');
  await timeline.first().waitFor();
  check((await timeline.first().innerText()).match(/via (pull|webhook|app API|reconciliation)/), 'the timeline shows each change\'s source');
  await page.getByRole('heading', { name: 'Lines' }).waitFor();
  await shot('order');

  // An exception parked by a real order: a SKU the app catalog does not have. Fix the catalog, replay, resolved.
  log('exception: order with an unknown SKU');
  const sku = `CONSOLE-${stamp}`.toUpperCase();
  const product = await http('POST', `${control}/shops/${second.shopId}/products`, { title: `Console mug ${stamp}`, skus: [{ seller_sku: sku, price: '12.00' }] });
  const order = await http('POST', `${control}/shops/${second.shopId}/orders`, { units: { [product.skus[0].id]: 1 }, status: 'AWAITING_SHIPMENT' });
  const parked = await eventually(`the unknown_sku exception of order ${order.id}`, async () => {
    const list = await api('GET', `/v1/integrations/${encodeURIComponent(second.integrationId)}/exceptions?status=open&limit=100`);
    return list.items.find((x) => x.entityId === order.id && x.reasonCode === 'unknown_sku');
  });
  log(`parked ${parked.id}; adding ${sku} to the app catalog`);
  await api('PUT', '/v1/products', { items: [{ sku, title: `Console mug ${stamp}`, price: { amount: '12.00', currency: 'USD' } }] });

  await page.getByRole('link', { name: 'Exceptions' }).click();
  await heading('Exceptions').waitFor();
  await page.getByLabel('Status').selectOption('all');
  const row = page.locator(`tr[data-entity-id="${order.id}"]`);
  await row.waitFor();
  check((await row.innerText()).includes('unknown_sku'), 'the row names the reason');
  await shot('exceptions');
  await row.getByRole('button', { name: /^Replay/ }).click();
  await page.getByTestId('notice').filter({ hasText: 'Replayed unknown_sku' }).waitFor();
  await eventually('the replayed exception to resolve', async () => {
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await row.waitFor();
    return (await row.getAttribute('data-status')) === 'resolved';
  }, 90_000, 2_000);
  log('exception resolved after replay');

  // The fixed order ships: its page shows the fulfillment's state and the timeline's next status with its source.
  log('ship the fixed order');
  const appOrder = await eventually('the fixed order in the app', async () => {
    const list = await api('GET', `/v1/orders?integrationId=${encodeURIComponent(second.integrationId)}&limit=200`);
    return list.items.find((o) => o.tiktokOrderId === order.id && o.lines.every((l) => l.inCatalog));
  });
  await api('POST', `/v1/orders/${encodeURIComponent(appOrder.id)}/fulfillments`, { carrier: 'UPS', trackingNumber: `1ZCONSOLE${stamp.toUpperCase()}` });
  await eventually('the fulfillment posted to TikTok and the order\'s next status', async () => {
    const [o, f] = await Promise.all([api('GET', `/v1/orders/${encodeURIComponent(appOrder.id)}`),
      api('GET', `/v1/orders/${encodeURIComponent(appOrder.id)}/fulfillments`)]);
    return o.history.length >= 2 && f.items.some((x) => x.state === 'posted');
  }, 90_000, 2_000);
  await page.goto(`${base}/console/#/orders/${encodeURIComponent(appOrder.id)}`);
  await heading(`Order ${order.id}`).waitFor();
  await page.locator('.timeline-item').nth(1).waitFor();
  check((await page.locator('table[aria-label="Fulfillments"]').innerText()).includes('posted'), 'the fulfillment shows as posted');
  check((await page.locator('table[aria-label="Exceptions"]').innerText()).includes('resolved'), 'the order\'s exception shows as resolved');
  await shot('order-shipped');

  // Phone width: nothing wider than the screen, the navigation still reachable.
  log('phone width');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/console/#/integrations/${encodeURIComponent(integrationId)}`);
  await heading(name).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow} px)`);
  await shot('integration-phone');

  check(problems.length === 0, `no script errors in the page:\n${problems.join('\n')}`);
  log('set-up flow passed');
} catch (e) {
  if (page) {
    await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
    console.error(`[e2e] failed at ${page.url()}`);
  }
  if (problems.length) console.error(`[e2e] page problems:\n${problems.join('\n')}`);
  throw e;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
