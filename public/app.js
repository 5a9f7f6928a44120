// The chat page's only script of its own (the CSP allows no inline script). It asks this server for
// a Direct Line token, then renders Web Chat against this server's own Direct Line in local mode,
// or Azure's in production; the Direct Line secret never reaches the browser.
//
// On top of Web Chat it does what the page needs and Web Chat does not: the workup survives a
// reload for the browser session, "New workup" opens a clean conversation, answered cards become
// read-only, Enter in a card field submits the card, focus moves to the card a submit brought,
// and a chart note gets a copy button. Another script follows the chat on screen through the
// `alp:chat-ready` event (the SMART import, smart-import.js), sent for every new conversation.
(function () {
  'use strict';

  var SESSION_KEY = 'alpWorkup.session';
  var USER_KEY = 'alpWorkup.userId';
  /** Direct Line connection states (botframework-directlinejs ConnectionStatus). */
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;

  var status = document.getElementById('status');
  var container = document.getElementById('webchat');
  var newWorkup = document.getElementById('new-workup');

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle('status--error', Boolean(isError));
  }

  // --- The browser session: who the clinician is and which conversation is theirs ---------------

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

  /** One user id per browser session, so "forget me" reaches every workup of this tab. */
  function sessionUserId() {
    var saved = window.sessionStorage.getItem(USER_KEY);
    if (saved) return saved;
    var created = randomUserId();
    window.sessionStorage.setItem(USER_KEY, created);
    return created;
  }

  function savedConversation() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
      if (saved && saved.token && saved.conversationId && saved.expiresAt > Date.now()) return saved;
    } catch (ignored) {
      // An unreadable entry is as good as none: a new conversation starts.
    }
    window.sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }

  function saveConversation(session, token) {
    window.sessionStorage.setItem(
      SESSION_KEY,
      JSON.stringify({
        token: token,
        conversationId: session.conversationId,
        userId: session.userId,
        domain: session.domain,
        expiresAt: Date.now() + session.expiresIn * 1000,
        expiresIn: session.expiresIn,
      }),
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

  // --- Cards: answered ones read-only, Enter submits, focus follows a submit ---------------------

  function hasCard(activity) {
    return (activity.attachments || []).some(function (attachment) {
      return attachment.contentType === 'application/vnd.microsoft.card.adaptive';
    });
  }

  /** The cards of the transcript, one per bot message; a card opened by "Edit an answer" is part of its own. */
  function topLevelCards() {
    return Array.prototype.filter.call(container.querySelectorAll('.ac-adaptiveCard'), function (card) {
      return !card.parentElement.closest('.ac-adaptiveCard');
    });
  }

  /**
   * Follows the conversation as activities arrive: when a card comes after something the
   * clinician sent, every card before that is answered. Counting cards keeps it in step with the
   * transcript, whose cards come in the same order, also when a reload replays the history.
   */
  function createCardTracker() {
    var tracker = { cards: 0, answered: 0, answeredOnNextCard: 0, focusCard: -1, submitted: false };
    tracker.onActivity = function (activity) {
      var role = activity.from && activity.from.role;
      if (role === 'user') {
        tracker.answeredOnNextCard = tracker.cards;
        tracker.submitted = !activity.text && activity.value !== undefined;
        return;
      }
      if (!hasCard(activity)) return;
      if (tracker.submitted && tracker.focusCard < tracker.answeredOnNextCard)
        tracker.focusCard = tracker.cards;
      tracker.cards += 1;
      tracker.answered = tracker.answeredOnNextCard;
    };
    return tracker;
  }

  function firstControl(card) {
    return card.querySelector('input:not([type="hidden"]), select, textarea, button');
  }

  function applyCardStates(tracker) {
    var cards = topLevelCards();
    cards.forEach(function (card, index) {
      if (index < tracker.answered && !card.hasAttribute('inert')) {
        card.setAttribute('inert', '');
        card.classList.add('alp-card--answered');
        var label = document.createElement('p');
        label.className = 'alp-card__answered-label';
        label.textContent = 'Earlier step, read-only';
        card.insertBefore(label, card.firstChild);
      }
    });
    var target = cards[tracker.focusCard];
    if (target !== undefined && !target.hasAttribute('inert')) {
      var control = firstControl(target);
      if (control) control.focus();
      tracker.focusCard = -1;
      tracker.submitted = false;
    }
  }

  /** The card's main button: its last positive one ("Next", "Continue with those ticked"). */
  function defaultButton(card) {
    var buttons = Array.prototype.filter.call(
      card.querySelectorAll('.ac-pushButton.style-positive'),
      function (b) {
        return b.closest('.ac-adaptiveCard') === card;
      },
    );
    return buttons[buttons.length - 1];
  }

  function submitOnEnter(event) {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.isComposing) return;
    var field = event.target;
    if (!(field instanceof HTMLInputElement) || field.type === 'checkbox' || field.type === 'radio') return;
    var card = field.closest('.ac-adaptiveCard');
    var button = card && defaultButton(card);
    if (!button) return;
    event.preventDefault();
    button.click();
  }

  // --- The chart note: wrapped by the stylesheet, copied with one click --------------------------

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Plain http on an intranet has no Clipboard API; a selected textarea still copies.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand('copy');
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function addCopyButtons() {
    var blocks = container.querySelectorAll('.webchat__bubble pre');
    Array.prototype.forEach.call(blocks, function (block) {
      if (block.dataset.copyButton) return;
      block.dataset.copyButton = 'added';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-button';
      button.textContent = 'Copy chart note';
      button.addEventListener('click', function () {
        copyText(block.textContent.replace(/\n$/, '')).then(
          function () {
            button.textContent = 'Copied';
          },
          function () {
            button.textContent = 'Copy failed: select the text and copy it';
          },
        );
      });
      block.parentNode.insertBefore(button, block);
    });
  }

  // --- Web Chat -----------------------------------------------------------------------------------

  var current;

  function render(session, restored) {
    var tracker = createCardTracker();
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: session.domain ? new URL(session.domain, window.location.origin).href : undefined,
      webSocket: false,
      conversationId: restored ? session.conversationId : undefined,
    });
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') tracker.onActivity(action.payload.activity);
          return next(action);
        };
      };
    });
    var narrow = window.matchMedia('(max-width: 480px)').matches;
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: session.userId,
        locale: document.documentElement.lang || 'en',
        styleOptions: {
          accent: '#0b5394',
          botAvatarInitials: narrow ? undefined : 'ALP',
          hideUploadButton: true,
          sendBoxTextWrap: true,
          bubbleMaxWidth: 720,
          primaryFont: "'Segoe UI', system-ui, -apple-system, 'DejaVu Sans', sans-serif",
        },
      },
      container,
    );
    var observer = new MutationObserver(function () {
      applyCardStates(tracker);
      addCopyButtons();
    });
    observer.observe(container, { childList: true, subtree: true });
    var subscription = directLine.connectionStatus$.subscribe(function (state) {
      // A conversation the server no longer knows (expired, restarted): start a fresh one.
      if (restored && (state === EXPIRED_TOKEN || state === FAILED_TO_CONNECT)) {
        window.sessionStorage.removeItem(SESSION_KEY);
        startNew().catch(failed);
      }
    });
    var keepToken = function () {
      saveConversation(session, directLine.token || session.token);
    };
    window.addEventListener('pagehide', keepToken);
    saveConversation(session, session.token);
    current = {
      stop: function () {
        observer.disconnect();
        subscription.unsubscribe();
        window.removeEventListener('pagehide', keepToken);
        directLine.end();
      },
    };
    document.dispatchEvent(
      new CustomEvent('alp:chat-ready', { detail: { store: store, directLine: directLine } }),
    );
  }

  async function startNew() {
    if (current) current.stop();
    window.sessionStorage.removeItem(SESSION_KEY);
    var session = await fetchToken(sessionUserId());
    render(session, false);
  }

  function failed(error) {
    say('Could not start the chat: ' + error.message, true);
  }

  async function start() {
    if (!window.WebChat) {
      say(
        'The chat component did not load. Reload the page; if it persists, contact the administrator.',
        true,
      );
      return;
    }
    container.addEventListener('keydown', submitOnEnter, true);
    var saved = savedConversation();
    if (saved) render(saved, true);
    else await startNew();
    newWorkup.disabled = false;
    newWorkup.addEventListener('click', function () {
      startNew().catch(failed);
    });
    say('');
  }

  start().catch(failed);
})();
