// The chat page's only script (the CSP allows no inline script). It asks this server for a
// Direct Line token, then renders Web Chat against this server's own Direct Line in local mode,
// or Azure's in production; the Direct Line secret never reaches the browser.
(function () {
  'use strict';

  var status = document.getElementById('status');
  var container = document.getElementById('webchat');
  var newWorkup = document.getElementById('new-workup');

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('status--error', Boolean(isError));
  }

  function randomUserId() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return (
      'web-' +
      Array.prototype.map
        .call(bytes, function (b) {
          return b.toString(16).padStart(2, '0');
        })
        .join('')
    );
  }

  async function fetchToken(userId) {
    var response = await fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: userId }),
    });
    if (!response.ok) {
      var detail = await response.json().catch(function () {
        return {};
      });
      throw new Error(detail.message || 'the server answered ' + response.status);
    }
    return response.json();
  }

  async function start() {
    if (!window.WebChat) {
      say(
        'The chat component did not load. Reload the page; if it persists, contact the administrator.',
        true,
      );
      return;
    }
    var session = await fetchToken(randomUserId());
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: session.domain ? new URL(session.domain, window.location.origin).href : undefined,
      webSocket: false,
    });
    var store = window.WebChat.createStore();
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: session.userId,
        locale: document.documentElement.lang || 'en',
        styleOptions: {
          accent: '#0b5394',
          botAvatarInitials: 'ALP',
          hideUploadButton: true,
          sendBoxTextWrap: true,
          bubbleMaxWidth: 720,
          primaryFont: "'Segoe UI', system-ui, -apple-system, 'DejaVu Sans', sans-serif",
        },
      },
      container,
    );
    // The SMART import (smart-import.js) sends its event through this chat.
    document.dispatchEvent(new CustomEvent('alp:chat-ready', { detail: { store: store } }));
    newWorkup.disabled = false;
    newWorkup.addEventListener('click', function () {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: 'new' } });
    });
    say('');
  }

  start().catch(function (error) {
    say('Could not start the chat: ' + error.message, true);
  });
})();
