// Upload and apply of entry workbooks: a visible progress note while the server reads or saves (can take a second or two).
(function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-progress]'), function (form) {
        form.addEventListener('submit', function () {
            var status = form.querySelector('[data-progress-status]');
            if (status) {
                status.textContent = form.getAttribute('data-progress');
                status.classList.remove('d-none');
                status.insertAdjacentHTML('afterbegin', '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>');
            }
            Array.prototype.forEach.call(form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = true; });
        });
    });
})();
