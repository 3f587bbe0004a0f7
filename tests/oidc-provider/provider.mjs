// A real OpenID Connect provider (the npm package oidc-provider, OpenID Certified) for the portal's
// sign-in tests. It listens on a free loopback port and prints one JSON line with its issuer, then
// serves until stdin closes or it gets SIGTERM/SIGINT.
//
// Environment:
//   PORTAL_URL     the portal's base address, e.g. http://127.0.0.1:5123 (required; redirect URIs hang off it)
//   CLIENT_ID      default "medarbejdergrundlag"
//   CLIENT_SECRET  required
//   PORT           default 0 (a free port); set it to try the portal against this provider by hand
//
// Users (password "test1234" for both):
//   hanne  Hanne Hansen, in the group "hr-redaktoerer" (the HR editors)
//   mette  Mette Madsen, in the group "medarbejdere" only
import http from 'node:http';
import crypto from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const portalUrl = process.env.PORTAL_URL;
const clientId = process.env.CLIENT_ID || 'medarbejdergrundlag';
const clientSecret = process.env.CLIENT_SECRET;
if (!portalUrl || !clientSecret) {
  console.error('PORTAL_URL and CLIENT_SECRET are required.');
  process.exit(2);
}

const users = {
  hanne: { name: 'Hanne Hansen', email: 'hanne@odense.example', groups: ['hr-redaktoerer', 'medarbejdere'] },
  mette: { name: 'Mette Madsen', email: 'mette@odense.example', groups: ['medarbejdere'] },
};
const password = 'test1234';

// Fresh keys every run: nothing secret is committed, and no test can lean on a known key.
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [`${portalUrl}/signin-oidc`],
    post_logout_redirect_uris: [`${portalUrl}/signout-callback-oidc`],
    // OpenID Connect Back-Channel Logout 1.0: when a session here ends, the portal is told directly.
    backchannel_logout_uri: `${portalUrl}/signout-backchannel`,
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], groups: ['groups'] },
  // Like Entra ID and Keycloak, put the requested claims in the id_token itself.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    backchannelLogout: { enabled: true },
  },
  // The provider's SSRF guard refuses loopback addresses, rightly so in production; the portal under
  // test is on loopback, so its own origin (and nothing else) is let through for back-channel logout.
  fetch(url, options) {
    if (new URL(url).origin === new URL(portalUrl).origin) delete options.dispatcher;
    return globalThis.fetch(url, options);
  },
  async findAccount(ctx, sub) {
    const user = users[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, name: user.name, email: user.email, email_verified: true, groups: user.groups };
      },
    };
  },
  // A first-party application: consent is given by the municipality, not asked of each employee.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email groups');
    grant.addOIDCClaims(['sub', 'name', 'email', 'email_verified', 'groups']);
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Fejl hos login-udbyderen', `<p id="op-error">${escape(out.error)}: ${escape(out.error_description || '')}</p>`);
  },
});

// Failed back-channel deliveries go to stderr, which the tests show when something fails.
provider.on('backchannel.error', (ctx, err, clientId) => console.error(`back-channel logout to ${clientId?.clientId ?? clientId} failed: ${err.message} ${err.cause?.message ?? ""}`));

async function logoutSource(ctx, form) {
  ctx.body = page('Log ud', `<h1>Vil du logge ud af kommunens login?</h1>${form}
    <button id="op-logout-yes" type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mig ud</button>
    <button id="op-logout-no" type="submit" form="op.logoutForm">Nej</button>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Logget ud', '<h1 id="op-logged-out">Du er logget ud af kommunens login.</h1>');
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${body}</body></html>`;
}

function loginForm(uid, error) {
  return page('Kommunens login', `<h1>Kommunens login</h1>
    ${error ? `<p id="op-login-error">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${uid}/login">
      <label>Brugernavn <input id="op-username" name="username" autocomplete="username"></label>
      <label>Adgangskode <input id="op-password" name="password" type="password" autocomplete="current-password"></label>
      <button id="op-login" type="submit">Log ind</button>
    </form>
    <form method="post" action="/interaction/${uid}/abort">
      <button id="op-abort" type="submit">Annullér</button>
    </form>`);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// The interaction pages (login, refusal) are ours; everything else is the provider's own.
const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login|\/abort)?$/.exec(req.url.split('?')[0]);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (match[1] !== details.uid) throw new errors.InvalidRequest('interaction mismatch');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(loginForm(details.uid));
    }
    if (req.method === 'POST' && match[2] === '/abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && match[2] === '/login') {
      const form = await readForm(req);
      const username = form.get('username') || '';
      if (!users[username] || form.get('password') !== password) {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return res.end(loginForm(details.uid, 'Forkert brugernavn eller adgangskode.'));
      }
      return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
    }
    res.statusCode = 405;
    return res.end();
  } catch (err) {
    console.error(err);
    res.statusCode = 400;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    return res.end('interaction failed');
  }
});

console.log(JSON.stringify({ issuer, clientId }));

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The test process holds our stdin: when it goes away, so do we, even if it could not kill us.
process.stdin.on('end', stop);
process.stdin.resume();
