// A little progressive enhancement. Every form works without this file: it posts and the
// server answers with the next page. With it, status changes happen in place and are
// announced in the page's status region, and committing an import asks first.
(function () {
  'use strict';

  var statusRegion = document.getElementById('status');
  // The statuses that can be overdue, as the page states them (@app/domain's one list).
  var owedStatuses = JSON.parse(document.body.getAttribute('data-owed-statuses') || '[]');

  function announce(text) {
    if (!statusRegion) return;
    // Emptied first, so the same message twice is announced twice.
    statusRegion.textContent = '';
    window.setTimeout(function () {
      var p = document.createElement('p');
      p.textContent = text;
      statusRegion.appendChild(p);
    }, 50);
  }

  // A message rendered with the page (after a form without script) is re-announced once the
  // page is loaded: screen readers announce changes of a live region, not its first content.
  if (statusRegion && statusRegion.textContent.trim()) {
    announce(statusRegion.textContent.trim());
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute('data-inline')) {
      event.preventDefault();
      sendInline(form);
    }
  });

  function sendInline(form) {
    var error = form.querySelector('.form-error');
    var button = form.querySelector('button[type="submit"]');
    if (error) error.textContent = '';
    if (button) button.disabled = true;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (!result.ok) {
          if (error) error.textContent = result.data.message || 'Das hat nicht geklappt.';
          return;
        }
        applyUpdate(form, result.data);
        announce(result.data.message);
      })
      .catch(function () {
        // The network failed: the form still works the plain way.
        form.removeAttribute('data-inline');
        form.submit();
      })
      .finally(function () {
        if (button) button.disabled = false;
      });
  }

  function applyUpdate(form, data) {
    var selector = '[data-obligation="' + data.obligationId + '"]';
    document.querySelectorAll(selector + ' [data-status]').forEach(function (badge) {
      badge.textContent = data.statusLabel;
      badge.className = 'status status-' + data.status;
      badge.setAttribute('data-status', data.status);
    });
    document.querySelectorAll(selector).forEach(function (card) {
      if (owedStatuses.indexOf(data.status) < 0) {
        card.classList.remove('is-overdue');
        card.querySelectorAll('.overdue').forEach(function (flag) {
          flag.remove();
        });
      }
    });
    var select = form.querySelector('select[name="status"]');
    if (select) {
      while (select.options.length > 0) select.remove(0);
      var keep = document.createElement('option');
      keep.value = '';
      keep.textContent = 'Status beibehalten (nur Notiz)';
      select.appendChild(keep);
      data.allowed.forEach(function (option) {
        var element = document.createElement('option');
        element.value = option.value;
        element.textContent = option.label;
        select.appendChild(element);
      });
    }
    form
      .querySelectorAll('input[name="note"], textarea[name="note"], input[name="link"]')
      .forEach(function (input) {
        input.value = '';
      });
  }
})();
