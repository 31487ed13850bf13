// The specialist's workspace: My cases refreshes itself; a case page shows new messages as they arrive, inserts
// canned responses into the reply box for editing and shows the answers in the language chosen. Plain forms do the
// rest, so everything works without this script apart from the live updates.
(function () {
  'use strict';
  var REFRESH_MS = 5000;

  function get(url) {
    return fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (response) {
      // A session that ended answers with the login page: stop quietly, the next click signs in again.
      if (!response.ok || response.redirected) {
        throw new Error('no update');
      }
      return response.text();
    });
  }

  var cases = document.getElementById('my-cases');
  if (cases) {
    window.setInterval(function () {
      get(cases.dataset.refresh)
        .then(function (html) {
          document.getElementById('case-rows').outerHTML = html;
        })
        .catch(function () {});
    }, REFRESH_MS);
  }

  var conversation = document.getElementById('conversation');
  if (conversation) {
    window.setInterval(function () {
      get(conversation.dataset.refresh + '?after=' + encodeURIComponent(conversation.dataset.after))
        .then(function (html) {
          var holder = document.createElement('ol');
          holder.innerHTML = html;
          var added = holder.querySelectorAll('li[data-message-id]');
          added.forEach(function (item) {
            conversation.appendChild(item);
            conversation.dataset.after = item.dataset.messageId;
          });
        })
        .catch(function () {});
    }, REFRESH_MS);
  }

  var insert = document.getElementById('insert-canned');
  if (insert) {
    insert.addEventListener('click', function () {
      var choice = document.getElementById('canned-response');
      var option = choice.options[choice.selectedIndex];
      var text = option && option.dataset.text;
      if (!text) {
        return;
      }
      var box = document.getElementById('reply-text');
      var start = box.selectionStart || 0;
      var end = box.selectionEnd || 0;
      box.value = box.value.slice(0, start) + text + box.value.slice(end);
      box.focus();
      box.setSelectionRange(start + text.length, start + text.length);
    });
  }

  // The console's policy allows no inline handlers: choosing another language shows the answers in it at once.
  var answersLanguage = document.getElementById('answers-language');
  if (answersLanguage) {
    answersLanguage.addEventListener('change', function () {
      answersLanguage.form.submit();
    });
  }
})();
