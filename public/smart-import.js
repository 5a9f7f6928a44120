// The chat page's part of a SMART launch. After the authorization server redirects back here
// (?code=...&state=...), fhirclient exchanges the code (PKCE) for an access token, which stays in
// this browser tab's sessionStorage: it is never sent to this app's server. The page shows who is
// in context (age and sex only), and "Import labs from the record" reads the patient's resources
// with the token and sends them to the bot as one event activity. A failure at any point sends
// nothing: the workup never gets half a record. An authorization server may grant fewer scopes
// than asked (the token response's `scope`): then the page reads only what was granted, and the
// page and the bot say which resource types were not read.
(function () {
  'use strict';

  var IMPORT_EVENT = 'alp/import-record';
  // Local Direct Line and Azure's both take an activity of about 256 KB at most.
  var MAX_IMPORT_CHARACTERS = 240 * 1024;

  var params = new URLSearchParams(window.location.search);
  var returning = params.has('state') || params.has('code') || params.has('error');
  var launched = window.sessionStorage.getItem('SMART_KEY') !== null;
  if (!returning && !launched) return;

  var panel = document.getElementById('record');
  var contextLine = document.getElementById('record-context');
  var button = document.getElementById('record-import');
  var status = document.getElementById('record-status');
  var chatStore = null;
  var client = null;
  panel.hidden = false;

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('status--error', Boolean(isError));
  }

  function refuse(message) {
    button.disabled = true;
    say(message + ' Nothing was imported.', true);
  }

  function updateButton() {
    button.disabled = !(client && chatStore);
  }

  document.addEventListener('alp:chat-ready', function (event) {
    chatStore = event.detail.store;
    updateButton();
  });

  function ageOf(birthDate, now) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate || '');
    if (!match) return undefined;
    var age = now.getUTCFullYear() - Number(match[1]);
    var month = now.getUTCMonth() + 1;
    if (month < Number(match[2]) || (month === Number(match[2]) && now.getUTCDate() < Number(match[3])))
      age -= 1;
    return age;
  }

  /** What the bot needs of a resource and nothing that names the patient: no name, narrative, identifiers or notes. */
  function withoutIdentifiers(resource) {
    if (resource.resourceType === 'Patient') {
      return {
        resourceType: 'Patient',
        id: resource.id,
        gender: resource.gender,
        birthDate: resource.birthDate,
      };
    }
    var copy = {};
    Object.keys(resource).forEach(function (key) {
      if (
        ['text', 'identifier', 'performer', 'note', 'contained', 'requester', 'recorder', 'asserter'].indexOf(
          key,
        ) < 0
      )
        copy[key] = resource[key];
    });
    if (copy.subject) copy.subject = { reference: copy.subject.reference };
    return copy;
  }

  /** `Observation/<id>` of the results without a date of their own (at most 100): their panel holds it. */
  function undatedResults(resources) {
    return resources
      .filter(function (r) {
        return (
          r &&
          r.resourceType === 'Observation' &&
          /^[A-Za-z0-9\-.]{1,64}$/.test(r.id || '') &&
          !r.effectiveDateTime &&
          !r.effectivePeriod &&
          !r.effectiveInstant
        );
      })
      .slice(0, 100)
      .map(function (r) {
        return 'Observation/' + r.id;
      });
  }

  function failureOf(error, what) {
    var code = error && (error.status || error.statusCode);
    if (code === 401)
      return (
        'The record system refused the access while reading ' +
        what +
        ' (401): the authorization has expired or was withdrawn. Launch the app again from the chart.'
      );
    if (code === 403) return 'The record system did not allow reading ' + what + ' (403).';
    if (code)
      return (
        'The record system failed while reading ' + what + ' (it answered ' + code + '). Try again later.'
      );
    return 'The record system could not be reached while reading ' + what + '.';
  }

  /**
   * Whether the granted scopes cover this interaction: v1 `.read` covers read and search, v2 names
   * them (`r`, `s`); `user/` scopes and the `*` resource type count as well. A token response
   * without `scope` granted what was asked (RFC 6749, 5.1).
   */
  function granted(resourceType, interaction) {
    var scope = (client.state.tokenResponse && client.state.tokenResponse.scope) || client.state.scope || '';
    return scope.split(/\s+/).some(function (item) {
      var match = /^(?:patient|user)\/([A-Za-z]+|\*)\.(read|[cruds]+)$/.exec(item);
      if (!match || (match[1] !== resourceType && match[1] !== '*')) return false;
      return match[2] === 'read' || match[2].indexOf(interaction) >= 0;
    });
  }

  /** `Patient/{{context.patientId}}` is a read, `Observation?...` a search: the template names its resource type. */
  function accessOf(template) {
    var match = /^([A-Za-z]+)([/?])/.exec(template);
    return { resourceType: match ? match[1] : '', interaction: match && match[2] === '/' ? 'r' : 's' };
  }

  async function read(path, what, single) {
    try {
      var result = await client.request(path, single ? {} : { pageLimit: 5, flat: true });
      return single ? [result] : result;
    } catch (error) {
      throw new Error(failureOf(error, what));
    }
  }

  async function importRecord() {
    button.disabled = true;
    say('Reading the record…');
    var planResponse = await fetch('/api/smart/launch?iss=' + encodeURIComponent(client.state.serverUrl));
    var plan = await planResponse.json().catch(function () {
      return {};
    });
    if (!planResponse.ok) throw new Error(plan.message || 'the server answered ' + planResponse.status);
    var id = encodeURIComponent(client.patient.id);
    var fill = function (template) {
      return template.split('{{context.patientId}}').join(id);
    };
    // One after the other, so a failure names the first read that failed, whatever the timing.
    var reads = [
      [plan.queries.patient, 'the patient'],
      [plan.queries.observations, 'the laboratory results'],
      [plan.queries.conditions, 'the conditions'],
      [plan.queries.medicationRequests, 'the medication orders'],
      [plan.queries.medicationStatements, 'the medication statements'],
    ];
    var parts = [];
    var notGranted = [];
    for (var i = 0; i < reads.length; i += 1) {
      var access = accessOf(reads[i][0]);
      if (!granted(access.resourceType, access.interaction)) {
        notGranted.push(access.resourceType);
        continue;
      }
      var found = await read(fill(reads[i][0]), reads[i][1], access.interaction === 'r');
      parts.push(found);
      var undated = access.resourceType === 'Observation' ? undatedResults(found) : [];
      if (undated.length > 0)
        parts.push(
          await read(fill(plan.queries.panels).split('{{references}}').join(undated.join(',')), 'the panels'),
        );
    }
    var notRead =
      notGranted.length === 0
        ? ''
        : ' Not granted by the record system, so not read: ' + notGranted.join(', ') + '.';
    var resources = [].concat.apply([], parts).filter(Boolean).map(withoutIdentifiers);
    if (resources.length === 0) {
      say('Nothing to import: the record system granted none of what this app reads.' + notRead);
      button.disabled = false;
      return;
    }
    var value = {
      fhirServer: client.state.serverUrl,
      lookbackDays: plan.lookbackDays,
      resources: resources,
      notGranted: notGranted,
    };
    var size = JSON.stringify(value).length;
    if (size > MAX_IMPORT_CHARACTERS)
      throw new Error(
        'The record is too large to import at once (' + Math.round(size / 1024) + ' KB of resources).',
      );
    chatStore.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: IMPORT_EVENT, value: value } });
    say('Sent ' + resources.length + ' resources from the record to the workup.' + notRead);
    button.disabled = false;
  }

  async function start() {
    if (!window.FHIR) throw new Error('The SMART client did not load.');
    var state = params.get('state');
    // fhirclient keeps each launch under its random state: an answer naming another belongs to no launch from this tab.
    if (state !== null && window.sessionStorage.getItem(state) === null)
      throw new Error('This sign-in answer does not belong to a launch from this page (unknown state).');
    try {
      client = await window.FHIR.oauth2.ready();
    } catch (error) {
      var text = String((error && error.message) || error);
      throw new Error(
        /access_denied/.test(text)
          ? 'Access to the record was not granted (' + text + ').'
          : 'The sign-in at the record system did not complete (' + text + ').',
      );
    }
    var from = ' (from ' + new URL(client.state.serverUrl).host + ').';
    if (!granted('Patient', 'r')) {
      contextLine.textContent = 'Patient in context: age and sex not shown, Patient was not granted' + from;
    } else {
      say('Reading who is in context…');
      var patient = (await read('Patient/' + encodeURIComponent(client.patient.id), 'the patient', true))[0];
      var age = ageOf(patient.birthDate, new Date());
      contextLine.textContent =
        'Patient in context: ' +
        (age === undefined ? 'age not recorded' : age + ' years') +
        ', ' +
        (patient.gender || 'sex not recorded') +
        from;
    }
    say('');
    updateButton();
  }

  button.addEventListener('click', function () {
    importRecord().catch(function (error) {
      refuse(error.message);
      button.disabled = false;
    });
  });

  start().catch(function (error) {
    refuse(error.message);
  });
})();
