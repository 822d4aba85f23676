/*
 * Keeps "52 minutes ago" current on pages that stay open or come from a cache.
 *
 * The server renders every relative time already (see core/relative_time.py);
 * this only recomputes the wording each minute, with the same rules:
 * "just now", then whole minutes, hours and days, then, from seven days on,
 * the date the server wrote into data-date-text. Without JavaScript nothing
 * is lost but the ticking.
 */
(function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var DATE_AFTER_DAYS = 7;

  function ago(count, unit) {
    return count + " " + unit + (count === 1 ? "" : "s") + " ago";
  }

  function relativeTime(then, now, dateText) {
    var minutes = Math.floor((now - then) / MINUTE);
    if (minutes < 1) return "just now";
    if (minutes < 60) return ago(minutes, "minute");
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return ago(hours, "hour");
    var days = Math.floor(hours / 24);
    if (days < DATE_AFTER_DAYS) return ago(days, "day");
    return dateText;
  }

  function update() {
    var now = Date.now();
    var times = document.querySelectorAll("time[data-relative-time]");
    for (var i = 0; i < times.length; i++) {
      var then = Date.parse(times[i].getAttribute("datetime"));
      if (isNaN(then)) continue;
      var text = relativeTime(then, now, times[i].getAttribute("data-date-text"));
      if (text && times[i].textContent !== text) times[i].textContent = text;
    }
  }

  function start() {
    update();
    window.setInterval(update, MINUTE);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
