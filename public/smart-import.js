// The chat page's part of a SMART launch. After the authorization server redirects back here
// (?code=...&state=...), fhirclient exchanges the code (PKCE) for an access token, which stays in
// this browser tab's sessionStorage: it is never sent to this app's server. The page shows who is
// in context (age and sex only), and "Import labs from the record" reads the patient's resources
// with the token and sends them to the bot as one event activity. A failure at any point sends
// nothing: the workup never gets half a record.
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
      [plan.queries.patient, 'the patient', true],
      [plan.queries.observations, 'the laboratory results', false],
      [plan.queries.conditions, 'the conditions', false],
      [plan.queries.medicationRequests, 'the medications', false],
    ];
    var parts = [];
    for (var i = 0; i < reads.length; i += 1) {
      parts.push(await read(fill(reads[i][0]), reads[i][1], reads[i][2]));
      if (i === 1) {
        var undated = undatedResults(parts[1]);
        if (undated.length > 0)
          parts.push(
            await read(
              fill(plan.queries.panels).split('{{references}}').join(undated.join(',')),
              'the panels',
            ),
          );
      }
    }
    var resources = [].concat.apply([], parts).filter(Boolean).map(withoutIdentifiers);
    var value = { fhirServer: client.state.serverUrl, lookbackDays: plan.lookbackDays, resources: resources };
    var size = JSON.stringify(value).length;
    if (size > MAX_IMPORT_CHARACTERS)
      throw new Error(
        'The record is too large to import at once (' + Math.round(size / 1024) + ' KB of resources).',
      );
    chatStore.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: IMPORT_EVENT, value: value } });
    say('Sent ' + resources.length + ' resources from the record to the workup.');
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
    say('Reading who is in context…');
    var patient = (await read('Patient/' + encodeURIComponent(client.patient.id), 'the patient', true))[0];
    var age = ageOf(patient.birthDate, new Date());
    contextLine.textContent =
      'Patient in context: ' +
      (age === undefined ? 'age not recorded' : age + ' years') +
      ', ' +
      (patient.gender || 'sex not recorded') +
      ' (from ' +
      new URL(client.state.serverUrl).host +
      ').';
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
