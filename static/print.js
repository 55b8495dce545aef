// The "print / save as PDF" button of the attendance statement. A file, not inline script: the
// Content-Security-Policy allows scripts from our own origin only. Without JavaScript the button
// stays hidden and the page explains the browser's own print command.
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
