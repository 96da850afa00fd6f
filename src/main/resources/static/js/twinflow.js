// Twinflow portal: small progressive enhancements; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // Focus the error summary so that screen readers announce it.
  const summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
});
