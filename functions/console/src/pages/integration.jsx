import { useState } from 'preact/hooks';
import { call, enc, get } from '../api.js';
import { fmtAgo, fmtDuration, fmtTime, STATUS_LABELS } from '../format.js';
import { ErrorBox, Facts, IntegrationStatus, Loading, Notice, PageHeader, Tabs, useAsync } from '../ui.jsx';
import { connectToTikTok, needsReconnect } from './integrations.jsx';
import { SettingsTab } from './settings.jsx';
import { ConfigTab } from './config.jsx';
import { HealthTab } from './health.jsx';

export function IntegrationPage({ id, tab }) {
  const { data: integration, error, loading, reload } = useAsync(() => get(`/v1/integrations/${enc(id)}`), [id]);
  if (loading && !integration) return <Loading what="the integration" />;
  if (error) return <><PageHeader title="Integration" /><ErrorBox error={error} /></>;
  const base = `#/integrations/${enc(id)}`;
  const tabs = [
    { id: 'overview', label: 'Overview', href: base },
    { id: 'settings', label: 'Settings', href: `${base}/settings` },
    { id: 'config', label: 'Export / import', href: `${base}/config` },
    { id: 'health', label: 'Flow health', href: `${base}/health` },
  ];
  return (
    <>
      <p class="breadcrumb"><a href="#/integrations">Integrations</a> / <span>{integration.name}</span></p>
      <PageHeader title={integration.name} subtitle={integration.shop ? `${integration.shop.name} · ${integration.shop.region}` : 'No shop connected yet'}>
        <IntegrationStatus status={integration.status} />
      </PageHeader>
      <Tabs items={tabs} current={tab} />
      {tab === 'settings' && <SettingsTab integration={integration} />}
      {tab === 'config' && <ConfigTab integration={integration} />}
      {tab === 'health' && <HealthTab integration={integration} />}
      {!['settings', 'config', 'health'].includes(tab) && <Overview integration={integration} reload={reload} />}
    </>
  );
}

function Overview({ integration: i, reload }) {
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  const [confirming, setConfirming] = useState(false);
  const [shopId, setShopId] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(fn) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const connect = () => act(() => connectToTikTok(i.id));
  const disconnect = () => act(async () => {
    await call('DELETE', `/v1/integrations/${enc(i.id)}`);
    setConfirming(false);
    setNotice({ kind: 'ok', text: `${i.name} is disconnected: webhooks deregistered and tokens deleted. Reconnect to resume.` });
    reload();
  });
  const selectShop = (e) => {
    e.preventDefault();
    act(async () => {
      await call('POST', `/v1/integrations/${enc(i.id)}/shop`, { body: { shopId: shopId.trim() } });
      setNotice({ kind: 'ok', text: 'Shop selected.' });
      reload();
    });
  };

  return (
    <div class="grid-2">
      <section class="card" aria-labelledby="connection-title">
        <h2 id="connection-title">Connection</h2>
        <Notice notice={notice} />
        <ErrorBox error={error} />
        <Facts items={[
          ['Status', <span data-testid="integration-status">{STATUS_LABELS[i.status] || i.status}</span>],
          ['Reason', i.statusReason],
          ['Shop', i.shop && `${i.shop.name} (${i.shop.id})`],
          ['Region', i.shop && i.shop.region],
          ['Seller type', i.shop && i.shop.sellerType],
          ['Authorization expires', i.authorizationExpiresAt && `${fmtTime(i.authorizationExpiresAt)} (${fmtAgo(i.authorizationExpiresAt)})`],
          ['Created', fmtTime(i.createdAt)],
          ['Integration id', <code>{i.id}</code>],
        ]} />
        <div class="form-actions left">
          {i.status === 'PENDING_AUTHORIZATION' && <button type="button" class="btn btn-primary" disabled={busy} onClick={connect}>Connect to TikTok</button>}
          {needsReconnect(i.status) && <button type="button" class="btn btn-primary" disabled={busy} onClick={connect}>Reconnect</button>}
          {['CONNECTED', 'AUTH_EXPIRED'].includes(i.status) && !confirming && (
            <button type="button" class="btn btn-danger-outline" disabled={busy} onClick={() => setConfirming(true)}>Disconnect</button>
          )}
        </div>
        {confirming && (
          <div class="confirm" role="alertdialog" aria-labelledby="disconnect-q">
            <p id="disconnect-q"><strong>Disconnect {i.name}?</strong> The shop's webhooks are deregistered and its tokens deleted; flows stop until you reconnect.</p>
            <div class="form-actions left">
              <button type="button" class="btn btn-danger" disabled={busy} onClick={disconnect}>Yes, disconnect</button>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>Cancel</button>
            </div>
          </div>
        )}
        {i.status === 'PENDING_AUTHORIZATION' && (
          <form class="subform" onSubmit={selectShop}>
            <p class="hint">Authorized several shops? TikTok's return page lists them with their shop ids: pick this integration's shop.</p>
            <label for="shop-id">Shop id</label>
            <div class="inline">
              <input id="shop-id" value={shopId} onInput={(e) => setShopId(e.currentTarget.value)} autocomplete="off" />
              <button type="submit" class="btn" disabled={busy || !shopId.trim()}>Use this shop</button>
            </div>
          </form>
        )}
      </section>
      <section class="card" aria-labelledby="flows-title">
        <h2 id="flows-title">Flows</h2>
        {(!i.flows || i.flows.length === 0) && <p class="muted">No flow has run yet.</p>}
        {i.flows && i.flows.length > 0 && (
          <div class="table-wrap">
            <table class="table compact" aria-label="Flows">
              <thead><tr><th scope="col">Flow</th><th scope="col">Last run</th><th scope="col">Lag</th><th scope="col">Last error</th></tr></thead>
              <tbody>
                {i.flows.map((f) => (
                  <tr key={f.flow}>
                    <td class="cap">{f.flow}</td>
                    <td>{f.lastRunAt ? fmtAgo(f.lastRunAt) : '—'}</td>
                    <td>{fmtDuration(f.lagSeconds)}</td>
                    <td class={f.lastError ? 'bad-text' : 'muted'}>{f.lastError || 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p><a href={`#/integrations/${enc(i.id)}/health`}>Flow health for the last 24 hours →</a></p>
        <p><a href={`#/orders?integrationId=${enc(i.id)}`}>Orders of this integration →</a> · <a href={`#/exceptions?integrationId=${enc(i.id)}`}>Exceptions →</a></p>
      </section>
    </div>
  );
}
