import { useState } from 'preact/hooks';
import { call, enc, get } from '../api.js';
import { fmtAgo, fmtTime } from '../format.js';
import { navigate } from '../router.js';
import { Empty, ErrorBox, IntegrationStatus, Loading, PageHeader, useAsync } from '../ui.jsx';

/** Every integration the key may see (all pages). */
export async function listIntegrations() {
  const items = [];
  let cursor;
  do {
    const page = await get('/v1/integrations', { limit: 100, cursor });
    items.push(...(page.items || []));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Asks the API for a fresh TikTok authorize link and sends the browser there (TikTok returns to the callback). */
export async function connectToTikTok(id) {
  const { body } = await call('POST', `/v1/integrations/${enc(id)}/authorize`);
  window.location.assign(body.authorizeUrl);
}

export const needsReconnect = (status) => ['AUTH_EXPIRED', 'DEAUTHORIZED', 'DISCONNECTED'].includes(status);

function expiry(i) {
  if (!i.authorizationExpiresAt) return <span class="muted">—</span>;
  const soon = new Date(i.authorizationExpiresAt).getTime() - Date.now() < 7 * 86400_000;
  return (
    <span class={soon ? 'warn-text' : ''} title={fmtAgo(i.authorizationExpiresAt)}>
      {fmtTime(i.authorizationExpiresAt)}
    </span>
  );
}

export function IntegrationsPage() {
  const { data, error, loading } = useAsync(listIntegrations, []);
  const [actionError, setActionError] = useState(null);
  async function connect(id) {
    setActionError(null);
    try {
      await connectToTikTok(id);
    } catch (e) {
      setActionError(e);
    }
  }
  return (
    <>
      <PageHeader title="Integrations" subtitle="One integration per TikTok Shop. Connect each region's shop separately.">
        <a class="btn btn-primary" href="#/integrations/new">Add integration</a>
      </PageHeader>
      <ErrorBox error={error || actionError} />
      {loading && <Loading what="integrations" />}
      {data && data.length === 0 && <Empty>No integration yet. Add one to connect a TikTok Shop.</Empty>}
      {data && data.length > 0 && (
        <div class="card table-wrap">
          <table class="table" aria-label="Integrations">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Shop</th><th scope="col">Region</th><th scope="col">Authorization expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {data.map((i) => (
                <tr key={i.id} data-integration-id={i.id}>
                  <td><a href={`#/integrations/${enc(i.id)}`} class="strong">{i.name}</a><div class="muted small mono">{i.id}</div></td>
                  <td><IntegrationStatus status={i.status} /></td>
                  <td>{i.shop ? i.shop.name : <span class="muted">—</span>}</td>
                  <td>{i.shop ? i.shop.region : <span class="muted">—</span>}</td>
                  <td>{expiry(i)}</td>
                  <td class="actions">
                    {i.status === 'PENDING_AUTHORIZATION' && <button type="button" class="btn btn-small btn-primary" onClick={() => connect(i.id)}>Connect to TikTok</button>}
                    {needsReconnect(i.status) && <button type="button" class="btn btn-small" onClick={() => connect(i.id)}>Reconnect</button>}
                    <a class="btn btn-small btn-ghost" href={`#/integrations/${enc(i.id)}/settings`}>Settings</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function NewIntegrationPage() {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { body } = await call('POST', '/v1/integrations', { body: { name: name.trim() } });
      navigate(`/integrations/${body.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const nameError = error && error.fieldErrors().find((f) => f.field === 'name');
  return (
    <>
      <PageHeader title="Add integration" subtitle="Step 1 of 2: name the connector. Step 2: connect it to the TikTok Shop." />
      <form class="card form narrow" onSubmit={submit}>
        <fieldset class="choice">
          <legend>Connector</legend>
          <label class="radio-card">
            <input type="radio" name="connector" value="tiktok" checked readOnly />
            <span><strong>TikTok Shop</strong><span class="muted small">Orders, inventory, fulfillments and catalog for one TikTok shop</span></span>
          </label>
        </fieldset>
        <label for="integration-name">Connector name</label>
        <input id="integration-name" name="name" required maxLength={100} value={name} autocomplete="off"
               placeholder="TikTok US" aria-describedby="integration-name-hint integration-name-error"
               aria-invalid={nameError ? 'true' : undefined} onInput={(e) => setName(e.currentTarget.value)} />
        <p class="hint" id="integration-name-hint">A unique name that identifies the region or shop, for example “TikTok US” or “TikTok UK”.</p>
        {nameError && <p class="field-error" id="integration-name-error">{nameError.message}</p>}
        {error && !nameError && <ErrorBox error={error} />}
        <div class="form-actions">
          <a class="btn btn-ghost" href="#/integrations">Cancel</a>
          <button class="btn btn-primary" type="submit" disabled={busy || !name.trim()}>{busy ? 'Creating…' : 'Create integration'}</button>
        </div>
      </form>
    </>
  );
}
