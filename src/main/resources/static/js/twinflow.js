// Twinflow portal: small progressive enhancements; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // Focus the error summary so that screen readers announce it.
  const summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll('form[data-max-file-bytes]').forEach(checkFilesBeforeSending);
});

/*
 * Checks the chosen files against the application's limits before the form is sent. A refused upload
 * would come back as a page without the files (browsers never refill file inputs), or, beyond the
 * server's own limits, without anything typed; here nothing is sent and the form stays as it is.
 * The server checks everything again.
 */
function checkFilesBeforeSending(form) {
  form.addEventListener('submit', (event) => {
    const maxFile = Number(form.dataset.maxFileBytes);
    const roomLeft = Number(form.dataset.maxTotalBytes) - Number(form.dataset.storedBytes || 0);
    let total = 0;
    let firstRefused = null;
    let lastWithFiles = null;
    form.querySelectorAll('input[type="file"]').forEach((input) => {
      clearError(input);
      const files = Array.from(input.files || []);
      if (files.length === 0) {
        return;
      }
      lastWithFiles = input;
      const tooLarge = files.find((file) => file.size > maxFile);
      if (files.length > Number(input.dataset.maxFiles || 1)) {
        firstRefused = firstRefused || showError(input, form.dataset.msgTooManyFiles);
      } else if (tooLarge) {
        firstRefused = firstRefused || showError(input, form.dataset.msgFileTooLarge.replace('%file%', tooLarge.name));
      }
      total += files.reduce((sum, file) => sum + file.size, 0);
    });
    if (!firstRefused && lastWithFiles && total > roomLeft) {
      firstRefused = showError(lastWithFiles, form.dataset.msgTotalTooLarge);
    }
    if (firstRefused) {
      event.preventDefault();
      firstRefused.focus();
    }
  });
}

function showError(input, text) {
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = input.id + '-error';
  error.dataset.browserCheck = 'true';
  error.textContent = text;
  const existing = document.getElementById(error.id);
  if (existing) {
    existing.replaceWith(error);
  } else {
    input.insertAdjacentElement('afterend', error);
  }
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
  input.setAttribute('aria-describedby', [error.id, ...described].join(' '));
  input.closest('.field')?.classList.add('field-invalid');
  return input;
}

function clearError(input) {
  const error = document.getElementById(input.id + '-error');
  if (error && error.dataset.browserCheck) {
    error.remove();
    input.removeAttribute('aria-invalid');
    input.closest('.field')?.classList.remove('field-invalid');
  }
}
