// Upload and apply of entry workbooks: while the server reads or saves (a second or two for a reviewer's workbook), a
// status line says what is being done (the file and its size, or the number of changes being saved) and the seconds
// elapsed. The counter is aria-hidden so that screen readers announce the status once, not every second.
(function () {
    function size(bytes) {
        return bytes >= 1048576
            ? (bytes / 1048576).toFixed(1).replace('.', ',') + ' MB'
            : Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    Array.prototype.forEach.call(document.querySelectorAll('form[data-progress]'), function (form) {
        form.addEventListener('submit', function () {
            var status = form.querySelector('[data-progress-status]');
            if (status) {
                var text = form.getAttribute('data-progress');
                var input = form.querySelector('input[type=file]');
                var file = input && input.files && input.files[0];
                if (file) {
                    text += ' ' + file.name + ' (' + size(file.size) + ')';
                }
                status.textContent = text;
                status.classList.remove('d-none');
                status.insertAdjacentHTML('afterbegin', '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>');
                var clock = document.createElement('span');
                clock.className = 'ms-1 text-muted';
                clock.setAttribute('aria-hidden', 'true');
                clock.setAttribute('data-progress-clock', '');
                status.appendChild(clock);
                var started = Date.now();
                window.setInterval(function () {
                    clock.textContent = '· ' + Math.floor((Date.now() - started) / 1000) + ' ' + (form.getAttribute('data-seconds') || 's');
                }, 1000);
            }
            Array.prototype.forEach.call(form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = true; });
        });
    });
})();
