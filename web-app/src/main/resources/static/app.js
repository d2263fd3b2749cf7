// Follow-up Tracker: the only script. Pages marked data-live refresh their content when someone else records
// something: every few seconds the page is fetched again and, if its content changed, swapped in place (no reload).
// Never while the reader is in one of the page's forms or has changed a field without sending it, never two fetches
// at once, and not after half an hour without the reader touching the page (so an open tab does not keep a session
// alive forever); any key or click starts it again.
(function () {
  'use strict';
  var SECONDS = 5;
  var IDLE_MINUTES = 30;
  var fetching = false;
  var lastTouched = Date.now();

  function live() { return document.querySelector('main[data-live]'); }

  function changed(field) {
    if (field.type === 'checkbox' || field.type === 'radio') { return field.checked !== field.defaultChecked; }
    if (field.tagName === 'SELECT') {
      return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }

  function busy(main) {
    var active = document.activeElement;
    if (active && active !== document.body && active.closest('form') && main.contains(active)) { return true; }
    return Array.prototype.some.call(main.querySelectorAll('input, select, textarea'), changed);
  }

  function refresh() {
    var main = live();
    if (!main || fetching || document.hidden || busy(main)) { return; }
    if (Date.now() - lastTouched > IDLE_MINUTES * 60 * 1000) { return; }
    fetching = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'refresh' } })
      .then(function (response) {
        // Signed out meanwhile (a redirect to the sign-in page): leave the page as it is.
        if (response.redirected || !response.ok) { return null; }
        return response.text();
      })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main[data-live]');
        if (fresh && fresh.innerHTML !== main.innerHTML && !busy(main)) {
          main.innerHTML = fresh.innerHTML;
          main.setAttribute('data-refreshed', new Date().toISOString());
        }
      })
      .catch(function () { /* the next round tries again */ })
      .then(function () { fetching = false; });
  }

  ['keydown', 'mousedown', 'touchstart', 'scroll'].forEach(function (event) {
    window.addEventListener(event, function () { lastTouched = Date.now(); }, { passive: true });
  });
  if (live()) { window.setInterval(refresh, SECONDS * 1000); }
}());
