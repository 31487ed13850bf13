// The web chat page: opens a session, shows the conversation and the question due, listens for news (a stream of
// Server-Sent Events read with fetch, since EventSource cannot send the Authorization header; polling until the stream
// has delivered its first event, and slowly even then) and leaves quickly. The session's token lives in the
// sessionStorage of the tabs that show the chat: a new tab asks the open ones for it (BroadcastChannel, this origin
// only), and leaving quickly in one tab clears them all.
(function () {
  'use strict';

  const STORAGE_KEY = 'lifeline-chat';
  const POLL_MS = 5000;
  // While the stream delivers: a change announced to another replica's stream, or held back by a buffering proxy,
  // is still read within this.
  const SAFETY_POLL_MS = 15000;
  const FINAL = ['CLOSED', 'REDIRECTED_MINOR', 'REJECTED', 'ABANDONED'];
  const main = document.getElementById('chat');
  const texts = main.dataset;
  const list = document.getElementById('messages');
  const shown = new Set();
  let token = read();
  let streaming = false;
  let refreshing = null;
  let readAgain = false;
  let questionShown = null;
  let started = false;
  let over = false;
  let lastRead = 0;
  // The person just answered (or started): the next question's first option, or the text box, takes the focus.
  let focusNext = false;
  const tabs = 'BroadcastChannel' in window ? new BroadcastChannel(STORAGE_KEY) : null;

  function read() {
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch (unavailable) {
      return null;
    }
  }

  function remember(value) {
    try {
      sessionStorage.setItem(STORAGE_KEY, value);
    } catch (unavailable) {
      // Private modes without storage: the chat works until the page is left.
    }
  }

  function forget() {
    token = null;
    try {
      sessionStorage.clear();
      localStorage.clear();
    } catch (unavailable) {
      // Nothing was stored.
    }
  }

  function leave() {
    if (tabs) {
      tabs.postMessage({ type: 'leave' });
    }
    leaveThisTab();
  }

  function leaveThisTab() {
    forget();
    list.replaceChildren();
    document.title = '';
    // Replaces this page in the history: "back" does not return to the chat.
    window.location.replace(document.getElementById('leave').dataset.leaveTo);
  }

  function notice(text) {
    const element = document.getElementById('notice');
    element.textContent = text || '';
    element.hidden = !text;
  }

  // onConflict: what a 409 means for this call (by default: the request has ended).
  async function call(method, path, body, onConflict) {
    const headers = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (body) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
      credentials: 'omit'
    });
    if (response.status === 401) {
      // The session is over.
      ended(true);
      throw new Error('ended');
    }
    if (response.status === 409) {
      (onConflict || function () { ended(false); })();
      throw new Error('conflict');
    }
    if (response.status === 429) {
      notice(texts.throttled);
      throw new Error('throttled');
    }
    if (!response.ok) {
      notice(texts.error);
      throw new Error('status ' + response.status);
    }
    notice(null);
    return response.json();
  }

  function showConversation() {
    document.getElementById('start').hidden = true;
    document.getElementById('conversation').hidden = false;
  }

  function ended(sessionOver) {
    over = true;
    if (sessionOver) {
      forget();
    }
    showConversation();
    document.getElementById('ended').hidden = false;
    document.getElementById('message-form').hidden = true;
    document.getElementById('question').hidden = true;
  }

  async function start(event) {
    event.preventDefault();
    const age = document.getElementById('age').value.trim();
    const body = { language: texts.language };
    if (age) {
      body.age = Number(age);
    }
    try {
      const opened = await call('POST', '/api/v1/chat/sessions', body);
      token = opened.token;
      remember(token);
      focusNext = true;
      begin();
      document.getElementById('message').focus();
    } catch (failed) {
      // The notice says what went wrong.
    }
  }

  function begin() {
    if (started) {
      return;
    }
    started = true;
    showConversation();
    refresh();
    stream();
    window.setInterval(function () {
      if (token && (!streaming || Date.now() - lastRead >= SAFETY_POLL_MS)) {
        refresh();
      }
    }, POLL_MS);
  }

  // A change announced while a read is under way may have come after that read: read once more when it ends.
  function refresh() {
    if (!token) {
      return Promise.resolve();
    }
    if (refreshing) {
      readAgain = true;
      return refreshing;
    }
    readAgain = false;
    refreshing = call('GET', '/api/v1/chat/messages?after=0')
      .then(function (view) {
        lastRead = Date.now();
        render(view);
      })
      .catch(function () {})
      .finally(function () {
        refreshing = null;
        if (readAgain) {
          refresh();
        }
      });
    return refreshing;
  }

  function render(view) {
    view.messages.forEach(function (message) {
      if (!shown.has(message.id)) {
        shown.add(message.id);
        append(message.from, message.from === 'person' ? texts.you : message.name || texts.line, message.text, message.template);
      }
    });
    showQuestion(view.question, view.skipLabel);
    document.getElementById('feedback').hidden = !view.feedbackOpen;
    if (FINAL.indexOf(view.status) >= 0) {
      ended(false);
    }
  }

  function append(from, author, text, template) {
    const item = document.createElement('li');
    item.className = 'message from-' + from;
    if (template) {
      item.dataset.template = template;
    }
    const who = document.createElement('span');
    who.className = 'author';
    who.textContent = author;
    const body = document.createElement('p');
    body.textContent = text === null ? '…' : text;
    item.append(who, body);
    list.append(item);
    item.scrollIntoView({ block: 'end' });
    if (template === 'crisis-resources') {
      const crisis = document.getElementById('crisis');
      crisis.classList.add('urgent');
      crisis.focus();
      notice(texts.crisisArrived);
    }
  }

  function showQuestion(question, skipLabel) {
    const box = document.getElementById('question');
    const key = question ? question.id + '|' + question.prompt : null;
    if (key === questionShown) {
      return;
    }
    questionShown = key;
    const options = document.getElementById('options');
    const hadFocus = options.contains(document.activeElement);
    options.replaceChildren();
    if (!question) {
      box.hidden = true;
      return;
    }
    document.getElementById('question-prompt').textContent = question.prompt;
    (question.options || []).forEach(function (option) {
      const choice = button(option.label, function () { send(option.label, false); });
      choice.classList.add('choice');
      options.append(choice);
    });
    if (!question.required) {
      options.append(button(skipLabel, function () { send(skipLabel, true); }));
    }
    box.hidden = false;
    box.scrollIntoView({ block: 'end' });
    if (focusNext || hadFocus) {
      focusNext = false;
      focusAnswer();
    }
  }

  // The first option of a closed question on screen, else the text box (an open question, even with its skip button);
  // never away from the crisis numbers that have just taken the focus, nor from words being written.
  function focusAnswer() {
    const active = document.activeElement;
    const field = document.getElementById('message');
    if (active && (active.id === 'crisis' || (active === field && field.value))) {
      return;
    }
    const first = document.querySelector('#question:not([hidden]) #options .choice');
    (first || field).focus();
  }

  function button(label, onClick) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'option';
    element.textContent = label;
    element.addEventListener('click', onClick);
    return element;
  }

  async function send(text, skip) {
    if (!token || !text.trim()) {
      return;
    }
    focusNext = true;
    try {
      const answer = await call('POST', '/api/v1/chat/messages', { text: text, skip: skip });
      await refresh();
      if (answer.reply) {
        append('line', texts.line, answer.reply, null);
      }
      questionShown = null;
      await refresh();
      return true;
    } catch (failed) {
      return false;
    } finally {
      // No new question took the focus: the chosen button may be gone, so the text box takes it.
      if (focusNext) {
        focusNext = false;
        focusAnswer();
      }
    }
  }

  async function rate(rating) {
    const buttons = document.querySelectorAll('#feedback .rating');
    buttons.forEach(function (button) { button.disabled = true; });
    try {
      await call('POST', '/api/v1/chat/feedback', { rating: rating }, function () {
        // Rated already (in another tab, say) or no longer asked: the conversation itself goes on.
        // Said in the conversation, as the thanks would be: a notice is cleared by the next successful read.
        document.getElementById('feedback').hidden = true;
        append('line', texts.line, texts.feedbackRefused, null);
        refresh();
      });
      document.getElementById('feedback').hidden = true;
      append('line', texts.line, texts.feedbackThanks, null);
    } catch (failed) {
      // The notice says what went wrong.
    } finally {
      buttons.forEach(function (button) { button.disabled = false; });
    }
  }

  async function write(event) {
    event.preventDefault();
    const field = document.getElementById('message');
    const text = field.value;
    // Emptied at once: a text box still holding the words sent would keep the focus from the next question.
    field.value = '';
    if (!(await send(text, false)) && !field.value) {
      field.value = text;
    }
  }

  async function stream() {
    while (token) {
      try {
        const response = await fetch('/api/v1/chat/events', {
          headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token },
          cache: 'no-store',
          credentials: 'omit'
        });
        if (response.status === 401) {
          ended(true);
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error('no stream');
        }
        // Headers alone prove nothing (a buffering proxy sends them and holds the events): the stream counts as
        // working from its first event, which the server sends at once and which also reads what was delivered
        // before it opened.
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) {
            break;
          }
          buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event:\s*changed\s*$/m.test(event)) {
              streaming = true;
              main.dataset.streaming = 'true';
              refresh();
            }
          }
        }
      } catch (unavailable) {
        // Polling carries on until the stream is back.
      }
      streaming = false;
      main.dataset.streaming = 'false';
      await new Promise(function (resolve) { window.setTimeout(resolve, 2000); });
    }
  }

  document.getElementById('leave').addEventListener('click', leave);
  // Switching the language replaces this page in the history, as leaving does: no way Back into the chat.
  document.querySelectorAll('a.language').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      window.location.replace(link.href);
    });
  });
  if (tabs) {
    tabs.addEventListener('message', function (event) {
      const message = event.data || {};
      if (message.type === 'ask' && token && !over) {
        tabs.postMessage({ type: 'token', token: token });
      } else if (message.type === 'token' && !token && typeof message.token === 'string') {
        token = message.token;
        remember(token);
        begin();
      } else if (message.type === 'leave') {
        leaveThisTab();
      }
    });
  }
  document.querySelectorAll('#feedback .rating').forEach(function (button) {
    button.addEventListener('click', function () { rate(Number(button.dataset.rating)); });
  });
  document.getElementById('start-form').addEventListener('submit', start);
  document.getElementById('message-form').addEventListener('submit', write);
  document.getElementById('new-chat').addEventListener('click', function () {
    forget();
    window.location.replace(window.location.pathname + '?lang=' + texts.language);
  });
  document.getElementById('message').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      write(event);
    }
  });
  if (token) {
    begin();
  } else if (tabs) {
    // A chat open in another tab of this browser is this tab's chat too.
    tabs.postMessage({ type: 'ask' });
  }
})();
