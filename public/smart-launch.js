// The SMART launch page (SMART App Launch 2.0). An EHR opens /launch?iss=...&launch=...; a
// clinician opening /launch alone picks the FHIR server from the configured list (standalone
// launch). The server says whether the FHIR server is allowed and how to authorize there; the
// authorization (code flow, PKCE S256, state) runs here with fhirclient, and the redirect comes
// back to this server's own page, where public/smart-import.js completes it.
(function () {
  'use strict';

  var status = document.getElementById('status');

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('status--error', Boolean(isError));
  }

  async function getJson(url) {
    var response = await fetch(url, { headers: { accept: 'application/json' } });
    var body = await response.json().catch(function () {
      return {};
    });
    if (!response.ok) throw new Error(body.message || 'the server answered ' + response.status);
    return body;
  }

  async function authorize(iss, launch) {
    say('Checking ' + iss + '…');
    var plan = await getJson(
      '/api/smart/launch?iss=' +
        encodeURIComponent(iss) +
        (launch ? '&launch=' + encodeURIComponent(launch) : ''),
    );
    say('Signing in at the record system…');
    // Only what the server planned: fhirclient would otherwise read clientId, patientId or
    // fhirServiceUrl (a launch without authorization) from this page's own URL.
    window.history.replaceState(null, '', '/launch');
    await window.FHIR.oauth2.authorize({
      iss: plan.iss,
      launch: launch || undefined,
      clientId: plan.clientId,
      scope: plan.scope,
      redirectUri: plan.redirectUri,
      pkceMode: 'required',
      completeInTarget: true,
    });
  }

  async function pickServer() {
    var body = await getJson('/api/smart/servers');
    if (body.servers.length === 0) {
      say('No record system is configured for launches (SMART_ISS_ALLOWLIST is empty).', true);
      return;
    }
    var list = document.getElementById('server-list');
    body.servers.forEach(function (server) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = server.name;
      button.title = server.iss;
      button.addEventListener('click', function () {
        authorize(server.iss, undefined).catch(fail);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    document.getElementById('servers').hidden = false;
    say('');
  }

  function fail(error) {
    say('The launch did not work: ' + error.message, true);
  }

  if (!window.FHIR) {
    say('The SMART client did not load. Reload the page; if it persists, contact the administrator.', true);
    return;
  }
  var params = new URLSearchParams(window.location.search);
  var iss = params.get('iss');
  (iss ? authorize(iss, params.get('launch')) : pickServer()).catch(fail);
})();
