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
    // A review step (approve, return, reopen) posts its own small form: typed but unsaved values would be lost, so the
    // step waits and says so beside its buttons. Saving (and "Lưu và gửi duyệt") posts the form itself and keeps them.
    if (form) {
        var dirty = false;
        // Only the form's own fields count: the review comment boxes sit inside it but belong to their step's form.
        var mark = function (e) { if (e.target.form === form) dirty = true; };
        form.addEventListener('input', mark);
        form.addEventListener('change', mark);
        document.addEventListener('submit', function (e) {
            var wf = e.target;
            if (!dirty || !wf.classList || !wf.classList.contains('wf-form')) return;
            e.preventDefault();
            var box = document.getElementById('set-' + wf.getAttribute('data-set') + '-result');
            if (box) {
                box.textContent = wf.getAttribute('data-unsaved');
                box.className = 'alert alert-danger w-100 mb-1 py-2 step-result';
                box.focus();
            }
        }, true);
    }
    var pick = document.querySelector('.period-switch select');
    if (pick) {
        pick.addEventListener('change', function () {
            window.location.href = pick.form.getAttribute('data-base') + encodeURIComponent(pick.value);
        });
    }
})();
