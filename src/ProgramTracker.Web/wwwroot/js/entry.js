// Entry form conveniences. The server validates everything; this only helps the keyboard.
(function () {
    var form = document.getElementById('entry-form');
    if (form) {
        // Enter moves to the next field instead of submitting half-typed work.
        form.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter' || e.target.tagName === 'TEXTAREA' || e.target.type === 'submit') return;
            var fields = Array.prototype.filter.call(form.querySelectorAll('input:not([type=hidden]):not([readonly]), select:not([disabled])'), function (el) { return el.offsetParent !== null; });
            var i = fields.indexOf(e.target);
            if (i >= 0) {
                e.preventDefault();
                if (i + 1 < fields.length) fields[i + 1].focus(); else document.getElementById('save').focus();
            }
        });
    }
    var pick = document.querySelector('.period-switch select');
    if (pick) {
        pick.addEventListener('change', function () {
            window.location.href = pick.form.getAttribute('data-base') + encodeURIComponent(pick.value);
        });
    }
})();
