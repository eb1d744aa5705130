// Before textual.js connects: a font size at which the course's 80 x 24 cells fit the window (phones get a
// smaller font), at most textual-serve's 16 px.
document.addEventListener("DOMContentLoaded", function () {
  var terminal = document.getElementById("terminal");
  if (!terminal) { return; }
  var byWidth = window.innerWidth / (81 * 0.6);
  var byHeight = window.innerHeight / (25 * 1.2);
  var size = Math.floor(Math.min(16, byWidth, byHeight));
  terminal.dataset.fontSize = String(Math.max(6, size));
});
