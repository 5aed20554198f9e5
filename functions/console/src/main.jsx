import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { ApiError, call, session, whenUnauthorized } from './api.js';
import { useRoute } from './router.js';
import { IntegrationsPage, NewIntegrationPage } from './pages/integrations.jsx';
import { IntegrationPage } from './pages/integration.jsx';
import { OrdersPage } from './pages/orders.jsx';
import { OrderPage } from './pages/order.jsx';
import { ExceptionsPage } from './pages/exceptions.jsx';

function SignIn({ reason, onSignedIn }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    session.signIn(key);
    try {
      await call('GET', '/v1/integrations', { query: { limit: 1 } });
      onSignedIn();
    } catch (err) {
      session.signOut();
      setError(err instanceof ApiError && err.status === 401 ? 'The API did not accept this key.' : err.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main class="signin" id="main">
      <form class="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div class="brand brand-large" aria-hidden="true"><span class="logo">T</span></div>
        <h1 id="signin-title">Connector console</h1>
        <p class="muted">Sign in with an API key of this deployment. It is kept in this browser tab only.</p>
        {reason && <p class="alert alert-warn">{reason}</p>}
        <label for="api-key">API key</label>
        <input id="api-key" name="apiKey" type="password" autocomplete="off" required value={key}
               onInput={(e) => setKey(e.currentTarget.value)} aria-describedby={error ? 'signin-error' : undefined} />
        {error && <p class="field-error" id="signin-error" role="alert">{error}</p>}
        <button class="btn btn-primary" type="submit" disabled={busy || !key.trim()}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}

const NAV = [
  { id: 'integrations', label: 'Integrations' },
  { id: 'orders', label: 'Orders' },
  { id: 'exceptions', label: 'Exceptions' },
];

function Shell({ route, onSignOut, children }) {
  const section = route.segments[0] || 'integrations';
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="topbar">
        <a class="brand" href="#/integrations"><span class="logo" aria-hidden="true">T</span><span>TikTok Shop Connector</span></a>
        <nav aria-label="Main" class="mainnav">
          {NAV.map((n) => (
            <a key={n.id} href={`#/${n.id}`} class={section === n.id ? 'active' : ''} aria-current={section === n.id ? 'page' : undefined}>{n.label}</a>
          ))}
        </nav>
        <button class="btn btn-ghost btn-small" type="button" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1} class="content">{children}</main>
    </>
  );
}

function Page({ route }) {
  const [a, b, c] = route.segments;
  if (a === 'integrations' && b === 'new') return <NewIntegrationPage />;
  if (a === 'integrations' && b) return <IntegrationPage id={b} tab={c || 'overview'} query={route.query} />;
  if (a === 'orders' && b) return <OrderPage id={b} />;
  if (a === 'orders') return <OrdersPage query={route.query} />;
  if (a === 'exceptions') return <ExceptionsPage query={route.query} />;
  return <IntegrationsPage />;
}

function App() {
  const route = useRoute();
  const [signedIn, setSignedIn] = useState(Boolean(session.key()));
  const [reason, setReason] = useState(null);
  useEffect(() => {
    whenUnauthorized(() => {
      session.signOut();
      setReason('The API key was refused (revoked or expired). Sign in again.');
      setSignedIn(false);
    });
  }, []);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new page's heading.
    const t = setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: true }), 0);
    return () => clearTimeout(t);
  }, [route.path]);
  if (!signedIn) return <SignIn reason={reason} onSignedIn={() => { setReason(null); setSignedIn(true); }} />;
  return (
    <Shell route={route} onSignOut={() => { session.signOut(); setSignedIn(false); }}>
      <Page route={route} key={route.path} />
    </Shell>
  );
}

render(<App />, document.getElementById('app'));
